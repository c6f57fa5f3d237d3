"""The allow-list sanitiser (l10n.pages.sanitize): what legitimate articles use stays byte for byte;
every kind of active content goes, however it is spelled; verify reads pages as a browser does."""

from __future__ import annotations


import pytest

from l10n.publish.build import markdown_to_html
from l10n.pages.sanitize import (active_content, browser_tree, is_safe_fragment, sanitize_fragment,
                                   sanitize_markdown, sanitize_page)
from tests.support.publish import ES, project, translate  # noqa: F401
from tests.support.verify_hardening import _codes, _tamper, _verify
from tests.support.paths import ROOT


KEEP = [
    '<h2 id="what-is-kratom">What is <em>kratom</em>?</h2>',
    '<ul>\n<li>One</li>\n<li><strong>Two</strong></li>\n</ul>\n<ol start="3"><li value="3">Three</li></ol>',
    '<table>\n<thead>\n<tr>\n<th style="text-align:right">Dose</th>\n</tr>\n</thead>\n<tbody>\n'
    '<tr>\n<td style="text-align:right">5 g</td>\n</tr>\n</tbody>\n</table>',
    '<p><a href="https://example.org/a?b=1&amp;c=2">x</a> <a href="http://e.org">y</a> '
    '<a href="mailto:help@example.org">z</a> <a href="../other.html#top">r</a> <a href="#rest-well">f</a></p>',
    '<figure><img src="images/leaf.svg" alt="A leaf" width="320" height="200"><figcaption>Leaf</figcaption></figure>',
    '<p lang="la" dir="ltr" class="latin">Mitragyna <i>speciosa</i></p>',
    '<p><span data-disclaimer="not-advice">This is not medical advice.</span></p>',
    '<aside data-disclaimer="std" role="note">Consult a professional.</aside>',
    '<p data-l10n-notice="machine-translation" role="note">Machine.</p>',
    '<!-- l10n: disclaimer not-advice -->\n<p>Kept, with its marker.</p>',
    '<pre translate="no"><code>x &lt; 1 &amp;&amp; y</code></pre>',
    '<details open><summary>More</summary><p>Text</p></details>',
    '<blockquote cite="https://e.org"><p>Q</p></blockquote><hr><p>a<br>b<sup>2</sup><sub>x</sub></p>',
    "<p>Unquoted <a href=page.html title='single'>attrs</a> &amp; entities&nbsp;&#169; kept as written</p>",
    '<img src="a.png" srcset="a-2x.png 2x, https://cdn.example/a-3x.png 3x" sizes="50vw" alt="A">',
    '<p><a href="https://example.org" target="_blank" rel="noopener">out</a></p>',
]


@pytest.mark.parametrize("html", KEEP)
def test_what_articles_use_is_kept_byte_for_byte(html):
    assert sanitize_fragment(html) is html and is_safe_fragment(html)


def test_bundled_sources_and_their_pages_are_untouched():
    page = (ROOT / "source_docs" / "kratom-harm-reduction.html").read_text(encoding="utf-8")
    assert sanitize_page(page) is page
    md = (ROOT / "source_docs" / "kratom-addiction-treatment.md").read_text(encoding="utf-8")
    assert sanitize_markdown(md) is md
    body, _ = markdown_to_html(md, md)
    assert sanitize_fragment(body) is body


ATTACKS = [
    "<script>alert(1)</script>",
    "<SCRIPT SRC=//evil.example/x.js></SCRIPT>",
    '<img src=x onerror="alert(1)">',
    "<img src=x oNeRrOr=alert(1)>",
    "<img src=x/onerror=alert(1)>",  # not an attack to a browser (src is 'x/onerror=alert(1)'): must stay harmless
    '<a href="javascript:alert(1)">x</a>',
    '<a href=" JaVaScRiPt:alert(1)">x</a>',
    '<a href="jav&#x09;ascript:alert(1)">x</a>',
    '<a href="java&#115;cript:alert(1)">x</a>',
    '<a href="javascript&colon;alert(1)">x</a>',
    '<a href="vbscript:msgbox(1)">x</a>',
    '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">x</a>',
    '<iframe src="https://evil.example/"></iframe>',
    '<iframe srcdoc="&lt;script&gt;alert(1)&lt;/script&gt;"></iframe>',
    '<object data="x.swf"></object><embed src="x.swf">',
    "<svg><script>alert(1)</script></svg>",
    "<svg onload=alert(1)>",
    "<svg><style><img src=x onerror=alert(1)></style></svg>",
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
    '<form action="javascript:alert(1)"><button formaction="javascript:alert(1)">go</button></form>',
    "<details open ontoggle=alert(1)>x</details>",
    '<p style="background:url(javascript:alert(1))">x</p>',
    '<p style="width:expression(alert(1))">x</p>',
    '<p style="w\\69dth:exp\\72ession(alert(1))">x</p>',
    '<base href="https://evil.example/">',
    '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
    "<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\"></noscript>",
    "<template><img src=x onerror=alert(1)></template>",
    '<video poster="javascript:alert(1)"><source src="javascript:alert(1)"></video>',
    '<img src="a.png" srcset="a.png 1x, javascript:alert(1) 2x">',
    '<picture><source srcset="x.png, vbscript:msgbox(1) 2x"><img src="a.png"></picture>',
    '<input autofocus onfocus=alert(1)><select onfocus=alert(1) autofocus>',
    '<a href="#" onclick="alert(1)" onmouseover="alert(2)">x</a>',
    "<p><img src=x onerror=alert(1)//</p>",
    "<!--<img src=\"--><img src=x onerror=alert(1)//\">",
    '<xmp><p title="</xmp><img src=x onerror=alert(1)>">',
]


def _no_active(html: str) -> None:
    for el in browser_tree(html):
        if el[0] != "start":
            continue
        tag, attrs = el[1], dict(el[2])
        assert tag not in ("script", "iframe", "object", "embed", "svg", "math", "base", "form", "template"), html
        assert not any(k.startswith("on") for k in attrs), html
        for k in ("href", "src", "poster", "action", "formaction"):
            v = "".join(attrs.get(k, "").split()).lower()
            assert not v.startswith(("javascript:", "vbscript:", "data:text/html")), html
        assert "script:" not in attrs.get("srcset", "").lower(), html
        assert "expression(" not in attrs.get("style", "") and "javascript" not in attrs.get("style", "")
        assert not (tag == "meta" and attrs.get("http-equiv", "").lower() == "refresh")


@pytest.mark.parametrize("attack", ATTACKS)
def test_every_kind_of_active_content_goes(attack):
    html = f"<p>Drink water.</p>\n{attack}\n<p>Rest.</p>"
    out = sanitize_fragment(html)
    _no_active(out)
    assert "Drink water." in out
    _no_active(sanitize_page(f"<!DOCTYPE html><html lang=en><head><title>T</title></head><body>{html}</body></html>"))
    md = sanitize_markdown(f"# T\n\nDrink water. {attack} Rest.\n\n{attack}\n\nMore text.\n")
    _no_active(markdown_to_html(md, "# T\n")[0])
    assert "More text." in md


def test_a_page_head_keeps_what_pages_use_and_loses_the_rest():
    page = ('<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
            '<meta name="description" content="About kratom">\n<title>Kratom &amp; you</title>\n'
            '<link rel="stylesheet" href="style.css">\n<style>p{color:#222}</style>\n'
            '<script>alert(1)</script>\n<link rel="preload" href="x" onload="alert(2)">\n'
            '<meta http-equiv="refresh" content="0;url=https://evil.example/">\n</head>\n'
            '<body class="leaflet" onload="alert(3)">\n<h1>Kratom</h1>\n</body>\n</html>\n')
    out = sanitize_page(page)
    _no_active(out)
    for kept in ('<meta charset="utf-8">', '<meta name="description" content="About kratom">',
                 "<title>Kratom &amp; you</title>", '<link rel="stylesheet" href="style.css">',
                 "<style>p{color:#222}</style>", '<html lang="en">', '<body class="leaflet">', "<h1>Kratom</h1>"):
        assert kept in out, kept
    assert "preload" not in out and "refresh" not in out


def test_markdown_copy_keeps_its_markdown_and_loses_only_the_unsafe_html():
    md = ("# Water\n\nDrink *water*.<script>steal()</script>\n\n"
          '<p onclick="x()">Rest <span data-disclaimer="d" onmouseover="y()">well</span>.</p>\n\n'
          "`<script>code</script>` stays text.\n")
    out = sanitize_markdown(md)
    assert out == ("# Water\n\nDrink *water*.steal()\n\n"
                   '<p>Rest <span data-disclaimer="d">well</span>.</p>\n\n'
                   "`<script>code</script>` stays text.\n")


def test_active_content_locates_what_lint_reports():
    text = 'a\n<p onclick="x">b</p>\n<a href="javascript:y">c</a>\n<script>z</script>\n'
    assert [(text.count("\n", 0, off) + 1, what) for off, what in active_content(text)] == [
        (2, "<p onclick=…> event handler"), (3, "<a href=javascript:…> URL"), (4, "<script>")]
    assert active_content("`<script>x</script>`\n\n```\n<script>\n```\n", "md") == []


def test_verify_reads_active_content_as_a_browser_parses_it():
    # libxml2 takes the <style> inside <svg> for raw text; a browser builds an <img onerror> out of it
    page = _tamper("<p>Beba", "<svg><style><img src=x onerror=alert(1)></style></svg><p>Beba")
    found = [f for f in _verify(page) if f.startswith("L10N812")]
    assert any("onerror" in f and "as a browser parses the page" in f for f in found), found
    assert "L10N812" in _codes(_tamper("<p>Beba", "<p><script>x()</script>Beba"))


def test_verify_reports_a_published_svg_image_with_a_script(project, cli):
    root = project(locales=("es",))
    translate(root, "es", ES)
    assert cli(root, "build").exit_code == 0
    r = cli(root, "verify")
    assert r.exit_code == 0, r.output  # the build's own images are clean
    svg = root / "dist" / "es" / "images" / "moon.svg"
    svg.write_text('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><script>alert(2)</script></svg>\n',
                   encoding="utf-8")
    r = cli(root, "verify")
    assert r.exit_code == 1
    assert "es/images/moon.svg: L10N812 error: active content in an image: <svg onload=…> event handler" in r.stderr
    assert "es/images/moon.svg: L10N812 error: active content in an image: <script>" in r.stderr
    assert "es/images/moon.svg: L10N802" in r.stderr  # and its bytes changed


# --- files a browser opens by themselves (images linked from an article) -------------------------------------------

_SVG = '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink">{}</svg>'


@pytest.mark.parametrize("inner", [
    "<script>alert(1)</script>",
    '<svg:script xmlns:svg="http://www.w3.org/2000/svg">alert(1)</svg:script>',
    '<a xlink:href="javascript:alert(1)"><text>x</text></a>',
    '<a href=" jav&#x09;ascript:alert(1)"><text>x</text></a>',
    '<rect onclick="alert(1)"/>',
    '<a><set attributeName="href" to="javascript:alert(1)"/><text>x</text></a>',
    '<a><animate attributeName="href" values="https://x;javascript:alert(1)"/><text>x</text></a>',
    '<foreignObject><iframe src="https://example.org"></iframe></foreignObject>',
], ids=["script", "prefixed-script", "xlink-js", "obfuscated-js", "handler", "set-js", "animate-js", "iframe"])
def test_an_image_that_runs_something_is_active(inner):
    from l10n.pages.sanitize import active_file_content

    assert active_file_content("leaf.svg", _SVG.format(inner).encode("utf-8"))


def test_a_plain_image_is_not_active():
    from l10n.pages.sanitize import active_file_content

    svg = _SVG.format('<a href="https://example.org"><rect width="3" height="3"/><text>javascript: a guide</text></a>'
                      '<animate attributeName="width" values="1;3" dur="2s"/>')
    assert active_file_content("leaf.svg", svg.encode("utf-8")) == ()


@pytest.mark.parametrize("name,data", [
    ("leaf.svg", None),
    ("leaf.svgz", b"\x1f\x8b\x08\x00"),
    ("leaf.svg", b"\x1f\x8b\x08\x00compressed"),
    ("leaf.svg", _SVG.format("<script>alert(1)</script>").encode("utf-16")),
], ids=["unreadable", "svgz", "gzip", "utf-16"])
def test_an_image_that_cannot_be_judged_counts_as_active(name, data):
    from l10n.pages.sanitize import active_file_content

    assert active_file_content(name, data)


def test_which_files_a_browser_may_run():
    from l10n.pages.sanitize import is_scriptable_file

    assert [n for n in ("a.svg", "b.SVG", "c.xhtml", "d.xml", "e.png", "f.jpg", "g.css", "h.svgz", "i.pdf")
            if is_scriptable_file(n)] == ["a.svg", "b.SVG", "c.xhtml", "d.xml", "h.svgz"]
