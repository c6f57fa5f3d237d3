"""``l10n run`` says what it computed and what it reused; ``--no-cache`` computes everything again."""

from __future__ import annotations

import re

DOC = "# Water\n\nDrink water.\n\n## Rest\n\nSleep well.\n"


def _work(stderr: str) -> dict[str, tuple[int, int]]:
    line = next(x for x in stderr.splitlines() if x.startswith("· work: "))
    return {m[0]: (int(m[1]), int(m[2])) for m in re.findall(r"(\w+) (\d+) computed, (\d+) reused", line)}


def test_run_reports_computed_and_reused_work(make_project, cli, monkeypatch):
    monkeypatch.delenv("L10N_NO_CACHE", raising=False)
    root = make_project({"water.md": DOC, "tea.md": "# Tea\n\nDrink tea.\n"}, locales=("es",))
    first = cli(root, "run", "-j", "1")
    assert _work(first.stderr)["extract"] == (2, 0) and _work(first.stderr)["assess"] == (2, 0), first.stderr
    again = cli(root, "run", "-j", "1")
    assert _work(again.stderr) == {"extract": (0, 2), "update": (0, 2), "translate": (0, 0), "assess": (0, 2)}
    fresh = cli(root, "run", "-j", "1", "--no-cache")
    assert _work(fresh.stderr)["extract"] == (2, 0) and _work(fresh.stderr)["assess"] == (2, 0)


def test_top_level_help_has_examples(cli, tmp_path):
    res = cli(tmp_path, "--help")
    assert res.exit_code == 0 and "Examples:" in res.output and "l10n run" in res.output
