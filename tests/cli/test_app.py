"""The command line's own options: -C before the subcommand, as `git -C`."""

from __future__ import annotations

DOC = "# Kratom\n\nKratom may cause dependence.\n"


def test_project_before_the_subcommand(make_project, cli, tmp_path):
    root = make_project({"a.md": DOC}, locales=["es"])
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    res = cli(elsewhere, "-C", str(root), "extract")
    assert res.exit_code == 0, res.output
    assert (root / "locales" / "a.pot").exists()
    res = cli(elsewhere, "--project", str(root), "update", "-l", "es")
    assert res.exit_code == 0 and (root / "locales" / "es" / "LC_MESSAGES" / "a.po").exists()
    res = cli(elsewhere, "-C", str(root), "status", "--format", "json")
    assert res.exit_code == 0 and '"es"' in res.stdout


def test_project_before_the_subcommand_must_be_a_folder(cli, tmp_path):
    res = cli(tmp_path, "-C", str(tmp_path / "missing"), "status")
    assert res.exit_code == 2 and "not a folder" in res.stderr and "Traceback" not in res.output
