"""L10N606: a translation may not add HTML that hides or changes what readers see; L10N605 reads URLs as a
browser does. Found by the fourth QA pass: each of these got a damaged dose, negation or disclaimer published.
"""

from __future__ import annotations

import pytest

from l10n.checks import check_catalog
from l10n.checks.markup import added_markup, unsafe_html
from tests.support.checks import make_po
from tests.support.publish import project  # noqa: F401
from tests.support.publish_mt import DOC, GOOD_MT, MIX, MT_ES, REVIEWED, WAIT, fill

ALLOWED = [
    ("Do not mix.", "<em>No</em> mezcle."),
    ("Do not mix.", "<strong>No</strong> mezcle<br>."),
    ('Read the <a href="https://x.org/g">guide</a>.', 'Lea la <a href="https://x.org/g">guía</a>.'),
    ('See <a href="/g" title="Where to get help">help</a>.', 'Vea <a href="/g" title="Dónde pedir ayuda">ayuda</a>.'),
    ('<img src="m.svg" alt="A moon">', '<img src="m.svg" alt="Una luna">'),
    ("Take <b>2 g</b>.", "Tome <b>2 g</b>."),
    ("5 < 6 mg", "5 < 6 mg"),
    ("Kratom.", "Kratom\u200f."),  # a right-to-left mark is not an override
]

ADDED = [
    ("Do not mix.", "<span hidden>No</span> mezcle.", "<span hidden>"),
    ("Do not mix.", '<span style="display:none">No</span> mezcle.', "<span style="),
    ("Do not mix.", "<s>No</s> mezcle.", "<s>"),
    ("Do not mix.", "<del>No</del> mezcle.", "<del>"),
    ("Drink water.", "Beba agua.<details>", "<details>"),
    ("Drink water.", "Beba agua.<noscript>", "<noscript>"),
    ("Drink water.", "Beba agua.<canvas>", "<canvas>"),
    ("Drink water.", '<bdo dir="rtl">Beba agua.</bdo>', "<bdo"),
    ("Drink water.", '<font color="white">Beba agua.</font>', "<font"),
    ("Drink water.", '<span style="unicode-bidi:bidi-override;direction:rtl">Beba agua.</span>', "<span style="),
    ("Drink water.", "Beba agua.<noscript", "unfinished tag"),
    ("Drink water.", "Beba agua.<!--", "HTML comment"),
    ("Drink water.", "Beba \u202eagua.", "bidi override"),
    ('Read the <a href="https://x.org/g">guide</a>.', 'Lea la <a href="https://evil.example/g">guía</a>.', "<a href"),
    ("Take <b>2 g</b>.", '<b class="x">Tome 2 g</b>.', '<b class="x">'),
]


@pytest.mark.parametrize("source,target", ALLOWED)
def test_plain_emphasis_and_the_source_markup_are_allowed(source, target):
    assert added_markup(source, target) == []


@pytest.mark.parametrize("source,target,what", ADDED, ids=[a[2] for a in ADDED])
def test_markup_that_can_hide_or_change_text_is_reported_and_cannot_be_waived(source, target, what):
    assert any(what in x for x in added_markup(source, target))
    entry = (source, target)
    found = check_catalog(make_po([entry]), locale="es", glossary=None)
    (f,) = [f for f in found if f.code == "L10N606"]
    assert not f.suppressible and what in f.message


@pytest.mark.parametrize("href", ["JaVa&#83;cript:alert(1)", "java&#x09;script:alert(1)", "javascript&colon;alert(1)",
                                  "&#106;avascript:alert(1)"])
def test_entity_encoded_javascript_urls_are_unsafe(href):
    source = 'Do not mix. <a href="https://x.org">x</a>'
    target = f'No mezcle. <a href="{href}">x</a>'
    assert unsafe_html(target)["javascript: URL"] == 1
    codes = {f.code for f in check_catalog(make_po([(source, target)]), locale="es", glossary=None)}
    assert "L10N605" in codes


def test_hidden_negation_in_a_reviewed_translation_blocks_the_locale(project, cli):  # noqa: F811
    root = project(locales=("es",), docs={"kratom.md": DOC}, publish=MT_ES)
    fill(root, reviewed=REVIEWED | GOOD_MT | {MIX: "<span hidden>No</span> mezcle kratom con alcohol."})
    r = cli(root, "build", "-l", "es")
    assert r.exit_code == 1 and "NOT BUILT" in r.stderr
    assert not (root / "dist" / "es").exists()
    assert "L10N606" in _reasons(cli, root)  # among the reasons (the tags also differ: L10N601)


def _reasons(cli, root) -> str:
    import json

    rows = json.loads(cli(root, "status", "-l", "es", "--format", "json").stdout)
    return " ".join(x for row in rows for x in row["reasons"])


def test_hidden_dose_in_machine_translation_is_withheld(project, cli):  # noqa: F811
    root = project(locales=("es",), docs={"kratom.md": DOC}, publish=MT_ES + "completeness_threshold = 0.5")
    bad = "Espere <span hidden>30 minutos</span>3 horas antes de tomar más."
    fill(root, reviewed=REVIEWED, machine={k: v for k, v in GOOD_MT.items() if k != WAIT} | {WAIT: bad})
    r = cli(root, "build", "-l", "es")
    assert r.exit_code == 0, r.output
    page = (root / "dist" / "es" / "kratom.html").read_text(encoding="utf-8")
    assert "3 horas" not in page and WAIT in page  # the English source, not the hidden dose
    assert "L10N606" in r.stderr


@pytest.mark.parametrize("target,what", [
    ("[La investigación sugiere que el kratom podría ayudar.]: #\nEl kratom alivia la abstinencia.",
     "link reference definition"),
    ('[x]: /y "La investigación sugiere que el kratom podría ayudar."', "link reference definition"),
    ("El kratom podría ayudar.\n---", "a line starting a Markdown block"),
    ("El kratom podría ayudar.\n> No mezcle.", "a line starting a Markdown block"),
    ("El kratom podría ayudar.\n    código", "a line starting a Markdown block"),
])
def test_markdown_that_hides_or_restructures_a_sentence_is_refused(target, what):
    source = "Research suggests that kratom may help."
    assert any(what in x for x in added_markup(source, target))
    found = check_catalog(make_po([(source, target)]), locale="es", glossary=None)
    assert "L10N606" in {f.code for f in found}


def test_line_breaks_the_source_has_are_allowed():
    source = "First line.\nSecond line."
    assert added_markup(source, "Primera línea.\nSegunda línea.") == []
