"""Regenerates rich.docx (run from the repository root: .venv/bin/python tests/cases/docx/make_rich.py)."""
import io, sys, datetime as dt
sys.path.insert(0, "scripts")
import docx
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from make_sample_docx import repack, _link
d = docx.Document()
d.add_heading("Dosing & safety <notes>", level=1)
p = d.add_paragraph()
p.add_run("Start ")
r = p.add_run("low"); r.bold = True; r.italic = True
p.add_run(",\tgo slow.")
p.add_run().add_break()
p.add_run("Never alone. ")
h = p.add_run("(editor: check this)"); h.font.hidden = True
p.add_run("Wait 2 hours.")
d.add_paragraph("Sleepiness", style="List Number")
d.add_paragraph("Nausea", style="List Number")
t = d.add_table(rows=2, cols=2)
t.style = "Table Grid"
tr_pr = t.rows[0]._tr.get_or_add_trPr(); hdr = OxmlElement("w:tblHeader"); tr_pr.append(hdr)
t.cell(0, 0).text = "Amount"; t.cell(0, 1).text = "Effect"
t.cell(1, 0).text = "1 to 5 g"; t.cell(1, 1).text = "Mild stimulation."
p = d.add_paragraph("See ")
_link(p, "https://example.org/a?b=1&c=2", "the guide")
p.add_run(" and ")
r = p.add_run("ask"); r.italic = True
p.add_run(".")
d.add_paragraph("")
d.add_heading("Help", level=2)
d.add_paragraph("Call a doctor.")
pr = d.core_properties
pr.created = pr.modified = pr.last_printed = dt.datetime(2026, 1, 1)
pr.revision = 1; pr.author = pr.last_modified_by = "l10n"
buf = io.BytesIO(); d.save(buf)
open("tests/cases/docx/rich.docx", "wb").write(repack(buf.getvalue()))
