"""Tests of `l10n status` and `l10n report`."""

from __future__ import annotations

import json

from lxml import html as lxml_html

from tests.support.publish import AR, ES, translate
from tests.support.publish import project  # noqa: F401


def test_status_json_counts(project, cli):  # noqa: F811
    root = project()
    translate(root, "es", ES, fuzzy={"Drink water."}, stale={"Sleep at night."})
    r = cli(root, "status", "--format", "json")
    assert r.exit_code == 0, r.output
    rows = {(x["locale"], x["document"]): x for x in json.loads(r.stdout)}
    water = rows[("es", "water.md")]
    assert (water["translated"], water["fuzzy"], water["untranslated"]) == (4, 1, 0)
    assert (water["disclaimers_passing"], water["disclaimers_total"]) == (1, 1)
    sleep = rows[("es", "sleep.html")]
    assert sleep["stale"] == 1
    ar = rows[("ar", "water.md")]
    assert ar["untranslated"] == 5 and ar["disclaimers_passing"] == 0 and ar["publishable"] is False


def test_status_table(project, cli):  # noqa: F811
    root = project()
    translate(root, "es", ES)
    r = cli(root, "status", "-l", "es")
    assert r.exit_code == 0 and "water.md" in r.stdout and "5/5" in r.stdout


def test_report_dashboard(project, cli):  # noqa: F811
    root = project()
    translate(root, "es", ES)
    translate(root, "ar", {k: v for k, v in AR.items() if k != "This is not medical advice."})
    r = cli(root, "report")
    assert r.exit_code == 0
    page = (root / "dist" / "report.html").read_text(encoding="utf-8")
    tree = lxml_html.fromstring(page)
    assert tree.xpath('//tr[@data-locale="es"]//span[@class="ok"]')
    assert tree.xpath('//tr[@data-locale="ar"]//span[@class="fail"]')
    assert tree.xpath('//div[@class="bar"]/span[@class="human"][@style="width:100.0%"]')
    links = tree.xpath('//section[@id="locale-ar"]//ul[@class="findings"]//a/@href')
    assert any(h.startswith("../locales/ar/LC_MESSAGES/") and "#L" in h for h in links)


def test_a_clean_document_of_a_locale_with_an_incomplete_one_is_publishable(project, cli):  # noqa: F811
    root = project()
    # sleep.html is left untranslated (below the completeness threshold): it is held back, not ready;
    # water.md is complete and is published on its own (publishing is per article, issue 12.7)
    translate(root, "es", ES, skip={"Sleep", "Sleep at night.", "A moon"})
    r = cli(root, "status", "--format", "json", "-l", "es")
    rows = {x["document"]: x for x in json.loads(r.stdout)}
    water, sleep = rows["water.md"], rows["sleep.html"]
    assert water["publishable"] is True and water["status"] == "published" and water["reasons"] == []
    assert sleep["publishable"] is False and sleep["status"] == "not ready"
    assert any("completeness threshold" in reason for reason in sleep["reasons"])
