"""Write source_docs/kratom-leaflet.docx, the bundled Word article, reproducibly.

    .venv/bin/python scripts/make_sample_docx.py [OUTPUT]

The same python-docx gives the same bytes: the core properties carry fixed
dates, and the archive is re-packed with fixed member dates.
"""

from __future__ import annotations

import datetime as dt
import io
import sys
import zipfile
from pathlib import Path

import docx
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

ROOT = Path(__file__).resolve().parent.parent
FIXED = dt.datetime(2026, 1, 1, 0, 0, 0)

#: exactly the text of the glossary's disclaimer "consult-addiction-specialist"
DISCLAIMER = ("As with any treatment approach, individual responses to kratom vary, and it’s essential to consult "
              "healthcare professionals who specialize in addiction medicine for personalized guidance and "
              "oversight during treatment and recovery journeys.")


def _link(paragraph, url: str, text: str) -> None:
    rid = paragraph.part.relate_to(url, docx.opc.constants.RELATIONSHIP_TYPE.HYPERLINK, is_external=True)
    link = OxmlElement("w:hyperlink")
    link.set(qn("r:id"), rid)
    run = OxmlElement("w:r")
    rpr = OxmlElement("w:rPr")
    style = OxmlElement("w:rStyle")
    style.set(qn("w:val"), "Hyperlink")
    rpr.append(style)
    run.append(rpr)
    t = OxmlElement("w:t")
    t.text = text
    run.append(t)
    link.append(run)
    paragraph._p.append(link)


def build() -> bytes:
    d = docx.Document()
    d.add_heading("Kratom: what you should know", level=1)
    p = d.add_paragraph()
    p.add_run("Kratom").bold = True
    p.add_run(" (")
    p.add_run("Mitragyna speciosa").italic = True
    p.add_run(") is a tropical tree. Its leaves contain mitragynine, a compound that acts on opioid receptors.")
    d.add_heading("Risks", level=2)
    d.add_paragraph("Regular use can lead to dependence and withdrawal symptoms.", style="List Bullet")
    p = d.add_paragraph(style="List Bullet")
    p.add_run("Do ")
    p.add_run("not").bold = True
    p.add_run(" combine kratom with alcohol, opioids or sedatives.")
    d.add_heading("Warning signs", level=2)
    table = d.add_table(rows=3, cols=2)
    table.style = "Table Grid"
    rows = [("Sign", "What to do"),
            ("Nausea or vomiting", "Stop taking kratom and drink water."),
            ("Confusion or seizures", "Call the emergency services.")]
    for r, (a, b) in enumerate(rows):
        table.cell(r, 0).text = a
        table.cell(r, 1).text = b
    for cell in table.rows[0].cells:
        cell.paragraphs[0].runs[0].bold = True
    p = d.add_paragraph("More information: ")
    _link(p, "https://www.fda.gov/news-events/public-health-focus/fda-and-kratom", "the FDA page on kratom")
    p.add_run(".")
    d.add_paragraph(DISCLAIMER)
    props = d.core_properties
    props.author = "l10n"
    props.last_modified_by = "l10n"
    props.title = "Kratom: what you should know"
    props.created = props.modified = props.last_printed = FIXED
    props.revision = 1
    buf = io.BytesIO()
    d.save(buf)
    return repack(buf.getvalue())


def repack(data: bytes) -> bytes:
    """The same archive with fixed member dates and attributes."""
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        for info in src.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=(1980, 1, 1, 0, 0, 0))
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.create_system = 0
            fixed.external_attr = 0
            zf.writestr(fixed, src.read(info))
    return out.getvalue()


def main(argv: list[str]) -> int:
    target = Path(argv[1]) if len(argv) > 1 else ROOT / "source_docs" / "kratom-leaflet.docx"
    tmp = target.with_name(target.name + ".tmp")
    tmp.write_bytes(build())
    tmp.replace(target)
    print(target)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
