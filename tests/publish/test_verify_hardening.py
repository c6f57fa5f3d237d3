"""`l10n verify` against subtler tampering (partial hiding, CSS tricks, native hiding, active content, metadata).

Pure tests of :func:`l10n.publish.verify.verify_files`, with the manifest's hashes recomputed as an
attacker would; plus one end-to-end check through the CLI on a real build.
"""

from __future__ import annotations

import hashlib

import pytest

from l10n.publish.build import mt_notice, sha256_text
from l10n.publish.verify import hiding_declaration, verify_files
from tests.support.publish import ES, translate  # noqa: F401
from tests.support.publish import project  # noqa: F401
from tests.support.verify_tamper import _edit
from tests.support.verify_hardening import (  # noqa: F401  (shared with other test modules)
    DISC,
    DISC_EN,
    MT,
    PAGE,
    PARTIAL,
    SPAN,
    STD,
    STD_EN,
    _codes,
    _tamper,
    _verify,
)


def test_clean_page_is_clean():
    assert _verify(PAGE) == []


@pytest.mark.parametrize("new", PARTIAL)
def test_part_of_a_disclaimer_hidden_is_reported(new):
    found = _verify(_tamper("y no constituye", new))
    assert any(f.startswith("L10N806") and "part of" in f for f in found), found


def test_closed_details_inside_a_disclaimer():
    # in a <div>, the <details> stays inside the disclaimer: its body is hidden, its summary is not
    page = _tamper(f"<p>{SPAN}", f"<div>{SPAN}").replace("</span></p>", "</span></div>", 1)
    found = _verify(page.replace("y no constituye", "y <details><summary></summary>no</details> constituye"))
    assert any(f.startswith("L10N806") and "part of" in f and "closed <details>" in f for f in found), found
    # in a <p> (the page above), a browser closes the paragraph at <details>: the disclaimer element is cut
    # short after "y" (the rest is loose text, "no" in the closed <details>) — reported all the same
    found = _verify(_tamper("y no constituye", "y <details><summary></summary>no</details> constituye"))
    assert any(f.startswith(("L10N804", "L10N806")) for f in found), found


@pytest.mark.parametrize("tag", ["s", "del", "strike"])
def test_struck_through_disclaimer_is_tampering(tag):
    found = _verify(_tamper("y no constituye", f"y <{tag}>no</{tag}> constituye"))
    assert any(f.startswith("L10N804") and f"<{tag}>" in f for f in found), found


def test_css_generated_content_in_a_disclaimer_is_reported():
    page = _tamper("</style>", '[data-disclaimer] b::after{content:" (ignore this)"}</style>')
    page = page.replace("y no constituye", "y no <b></b>constituye")
    assert "L10N804" in _codes(page)
    assert _codes(_tamper("</style>", "h1::before{content:none}</style>")) == set()


@pytest.mark.parametrize("style", [
    "display:/**/none", "display:\\6e one", "\\64isplay:none", "visibility:/* x */hidden",
    "color:transparent", "color:rgba(0,0,0,0)", "font:0/0 a", "font: italic 0 serif", "font-size:calc(0 * 1em)",
    "clip-path:inset(100%)", "clip-path:circle(0)", "position:absolute;clip:rect(0 0 0 0)",
    "position:absolute;left:-9999px", "position:fixed;top:-100em", "text-indent:-9999px",
    "transform:scale(0)", "transform:translate(-9999px,0)", "height:0;overflow:hidden",
    "max-height:0;overflow:hidden", "filter:opacity(0)", "zoom:0", "zoom:.05", "opacity:0.05",
    "color:#fff;background:white", "color:#123;background-color:#112233",
])
def test_hiding_style_on_disclaimer_or_ancestor_is_reported(style):
    page = _tamper(f"<p>{SPAN}", f'<p style="{style}">{SPAN}')
    assert "L10N806" in _codes(page), style
    rule = _tamper("</style>", f"main p {{{style}}}</style>")
    assert "L10N806" in _codes(rule), style


@pytest.mark.parametrize("style", ["color:#333", "opacity:.9", "position:absolute;left:10px", "height:2em",
                                   "transform:scale(1.1)", "font:16px/1.5 serif", "color:#fff;background:#000"])
def test_harmless_style_is_fine(style):
    assert hiding_declaration(style) is None
    assert _verify(_tamper(f"<p>{SPAN}", f'<p style="{style}">{SPAN}')) == []


@pytest.mark.parametrize("old,new", [
    (f"<p>{SPAN}", f"<details><summary>Más</summary><p>{SPAN}"),
    (f"<p>{SPAN}", f"<dialog><p>{SPAN}"),
    (f"<p>{SPAN}", f"<p popover>{SPAN}"),
    (SPAN, '<span popover data-disclaimer="not-advice">'),
])
def test_native_hiding_is_reported(old, new):
    page = _tamper(old, new)
    if "<details>" in new:
        page = page.replace("</span></p>", "</span></p></details>", 1)
    if "<dialog>" in new:
        page = page.replace("</span></p>", "</span></p></dialog>", 1)
    assert "L10N806" in _codes(page)


def test_open_details_and_summary_are_visible():
    page = _tamper(f"<p>{SPAN}", f"<details open><summary>x</summary><p>{SPAN}")
    page = page.replace("</span></p>", "</span></p></details>", 1)
    assert _verify(page) == []
    page = _tamper(f"<p>{SPAN}", f"<details><summary>{SPAN}")
    page = page.replace("</span></p>", "</span></summary></details>", 1)
    assert "L10N806" not in _codes(page)


@pytest.mark.parametrize("old,new", [
    ("</head>", "<script>document.querySelector('[data-disclaimer]').remove()</script></head>"),
    ("<h1>", '<h1 onmouseover="this.nextSibling.remove()">'),
    ("</head>", '<meta http-equiv="refresh" content="0;url=https://evil.example/"></head>'),
    ("<p>Beba", '<p><a href=" JavaScript:alert(1)">x</a>Beba'),
    ("</head>", '<link rel="preload" href="x.css" as="style" onload="this.rel=\'stylesheet\'"></head>'),
    ("<p>Beba", '<iframe src="https://evil.example/"></iframe><p>Beba'),
    ("<p>Beba", '<object data="x.swf"></object><p>Beba'),
    ("<p>Beba", '<embed src="x.swf"><p>Beba'),
    ("<body>", '<body onload="x()">'),
])
def test_active_content_is_reported(old, new):
    assert "L10N812" in _codes(_tamper(old, new))


@pytest.mark.parametrize("old,new", [
    ('<html lang="es" dir="ltr">', '<html lang="en" dir="ltr">'),
    ('<html lang="es" dir="ltr">', '<html lang="es" dir="rtl">'),
    ('<html lang="es" dir="ltr">', '<html>'),
])
def test_page_language_and_direction_must_match_the_manifest(old, new):
    assert "L10N813" in _codes(_tamper(old, new))


def test_standard_notice_moved_before_the_article_is_reported():
    aside = f'<aside data-disclaimer="std" role="note">{STD}</aside>\n'
    page = PAGE.replace(aside, "").replace("<main>", aside + "<main>")
    assert any(f.startswith("L10N813") and "end of the page" in f for f in _verify(page))


def test_machine_translation_notice_partly_hidden_or_styled_away():
    words = MT.split()
    partial = _tamper(MT, " ".join(words[:2]) + f' <span style="display:/**/none">{" ".join(words[2:])}</span>')
    assert any(f.startswith("L10N809") for f in _verify(partial))
    styled = _tamper('<p data-l10n-notice', '<p style="color:transparent" data-l10n-notice')
    assert any(f.startswith("L10N809") for f in _verify(styled))
    ruled = _tamper("</style>", "[data-l10n-notice]{position:absolute;left:-9999px}</style>")
    assert any(f.startswith("L10N809") for f in _verify(ruled))


def test_partial_hiding_end_to_end(project, cli):  # noqa: F811
    root = project(locales=("es",))
    translate(root, "es", ES)
    assert cli(root, "build").exit_code == 0
    assert cli(root, "verify").exit_code == 0
    _edit(root, "es/water.html", "Esto no es", 'Esto <span style="display:\\6e one">no</span> es')
    r = cli(root, "verify")
    assert r.exit_code == 1 and "L10N806" in r.stderr and "L10N802" not in r.stderr
