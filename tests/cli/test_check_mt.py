"""`l10n check --mt`: unreviewed machine translation checked as it would be published.

Without ``--mt`` the content checks skip fuzzy entries, so machine translation
awaiting review passes `l10n check` (an L10N206 warning each). With it,
each one is checked as if it were not fuzzy; what it would be reported for is
added, marked "[unreviewed machine translation]", and its errors count (exit 1).
A human guess (fuzzy, no engine comment) is still skipped.
"""

from __future__ import annotations

import json

import pytest

from tests.support.publish import project  # noqa: F401
from tests.support.publish_mt import BAD_MT, DOC, GOOD_MT, MIX, PO, REVIEWED, WAIT, WATER, fill

pytest.importorskip("l10n.translate")


def _codes(r) -> list[tuple[str, int, str]]:
    return sorted((f["code"], f["line"], f["message"]) for f in json.loads(r.stdout)["findings"]
                  if f["code"].startswith("L10N3"))


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_check_mt_reports_what_the_build_would_withhold(project, cli, jobs):  # noqa: F811
    root = project(locales=("es",), docs={"kratom.md": DOC})
    lines = fill(root, reviewed=REVIEWED, machine=GOOD_MT | {WAIT: BAD_MT[WAIT][0], MIX: BAD_MT[MIX][0]},
                 human_fuzzy={})
    plain = cli(root, "check", "--no-cache", "--format", "json")
    assert plain.exit_code == 0, plain.output  # fuzzy: skipped, as before
    assert _codes(plain) == []

    r = cli(root, "check", "--mt", "--no-cache", "-j", jobs, "--format", "json")
    assert r.exit_code == 1, r.output
    got = _codes(r)
    assert [(c, line) for c, line, _m in got] == sorted([("L10N301", lines[WAIT]), ("L10N311", lines[MIX])])
    assert all(m.endswith("[unreviewed machine translation]") for _c, _l, m in got)
    assert all(f["file"] == PO.as_posix() for f in json.loads(r.stdout)["findings"])

    text = cli(root, "check", "--mt", "--no-cache")
    assert f"{PO.as_posix()}:{lines[WAIT]}: error L10N301" in text.stdout


def test_check_mt_is_clean_on_good_machine_translation_and_skips_human_guesses(project, cli):  # noqa: F811
    root = project(locales=("es",), docs={"kratom.md": DOC})
    fill(root, reviewed=REVIEWED, machine={k: v for k, v in GOOD_MT.items() if k != WATER},
         human_fuzzy={WATER: "Beba 300 litros de agua."})  # a human guess: not machine translation
    r = cli(root, "check", "--mt", "--no-cache", "--format", "json")
    assert r.exit_code == 0, r.output
    assert _codes(r) == []


def test_check_mt_on_a_catalog_given_by_path(project, cli, tmp_path):  # noqa: F811
    root = project(locales=("es",), docs={"kratom.md": DOC})
    fill(root, reviewed=REVIEWED, machine=GOOD_MT | {WAIT: BAD_MT[WAIT][0]})
    outside = tmp_path / "copy.po"
    outside.write_bytes((root / PO).read_bytes())
    r = cli(root, "check", "--mt", "--no-cache", "--format", "json", str(outside))
    assert r.exit_code == 1, r.output
    assert [c for c, _l, _m in _codes(r)] == ["L10N301"]


def test_check_mt_in_parallel_workers_over_many_catalogs(project, cli, tmp_path):  # noqa: F811
    from l10n.checks.files import PARALLEL_FILES

    root = project(locales=("es",), docs={"kratom.md": DOC})
    fill(root, reviewed=REVIEWED, machine=GOOD_MT | {WAIT: BAD_MT[WAIT][0]})
    folder = tmp_path / "many"
    folder.mkdir()
    n = PARALLEL_FILES
    for i in range(n):  # enough catalogs to be checked one per worker
        (folder / f"c{i}.po").write_bytes((root / PO).read_bytes())
    r = cli(root, "check", "--mt", "--no-cache", "-j", "2", "--format", "json", str(folder))
    assert r.exit_code == 1, r.output
    assert [c for c, _l, _m in _codes(r)] == ["L10N301"] * n


def test_machine_translation_is_reported_once_a_human_guess_as_fuzzy(project, cli):  # noqa: F811
    root = project(locales=("es",), docs={"kratom.md": DOC})
    lines = fill(root, reviewed=REVIEWED, machine={k: v for k, v in GOOD_MT.items() if k != WATER},
                 human_fuzzy={WATER: GOOD_MT[WATER]})
    r = cli(root, "check", "--no-cache", "--format", "json")
    by_line: dict[int, set[str]] = {}
    for f in json.loads(r.stdout)["findings"]:
        by_line.setdefault(f["line"], set()).add(f["code"])
    assert by_line[lines[WAIT]] == {"L10N206"}  # machine translation awaiting review: one warning, not two
    assert by_line[lines[WATER]] == {"L10N203"}  # a translator's guess


def test_machine_translation_is_fuzzy_when_l10n206_does_not_run(project, cli):  # noqa: F811
    root = project(locales=("es",), docs={"kratom.md": DOC})
    lines = fill(root, reviewed=REVIEWED, machine={WAIT: GOOD_MT[WAIT]})
    r = cli(root, "check", "--no-cache", "--format", "json", "-s", "L10N203")
    assert [(f["code"], f["line"]) for f in json.loads(r.stdout)["findings"]
            if f["line"] == lines[WAIT]] == [("L10N203", lines[WAIT])]
