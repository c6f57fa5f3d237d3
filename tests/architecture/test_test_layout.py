"""The tests mirror the code (issue 16): tests/<package>/test_<module>[_topic].py for l10n/<package>/<module>.py.

* no test file directly in ``tests/`` (top-level modules of ``l10n/`` are tested in ``tests/l10n/``);
* a test file in ``tests/<package>/`` is named after a module of ``l10n/<package>/``, optionally followed by
  ``_<topic>`` (the rules, with the ``__init__`` and ``_app`` cases: tests/support/layout.py);
* tests of the whole house live in the groups that name no package: ``tests/architecture/``, ``tests/e2e/``;
* ``tests/support/`` (shared helpers), ``tests/servers/`` (fake engines), ``tests/cases/`` and ``tests/fixtures/``
  (data) hold no test files;
* no module of the test tree imports a test module or ``conftest`` (helpers shared by tests go in
  ``tests/support/``; the fixtures of ``conftest.py`` reach the tests without an import).
"""

from __future__ import annotations

from tests.support import layout
from tests.support.paths import PKG, TESTS


def test_every_test_file_mirrors_the_module_it_tests():
    problems = [f"{p.relative_to(TESTS.parent)}: {why}"
                for p in layout.collected(TESTS) if (why := layout.misplaced(p, TESTS, PKG))]
    assert not problems, "\n".join(problems)


def test_nothing_but_conftest_sits_directly_in_tests():
    loose = sorted(p.name for p in TESTS.glob("*.py") if p.name != "conftest.py")
    assert not loose, f"shared helpers go in tests/support/, tests in tests/<package>/: {loose}"


def test_no_test_module_imports_another():
    bad = layout.imports_of_test_modules(TESTS)
    assert not bad, "\n".join(bad)


# --- the rules themselves, on a made-up tree --------------------------------------------------------------


def test_the_layout_rule_names_what_is_wrong(tmp_path):
    pkg, tests = tmp_path / "l10n", tmp_path / "tests"
    for name in ("l10n/__init__.py", "l10n/config.py", "l10n/cli/__init__.py", "l10n/cli/_app.py",
                 "l10n/checks/__init__.py", "l10n/checks/numbers.py", "l10n/formats/__init__.py",
                 "l10n/formats/documents/__init__.py", "l10n/formats/documents/docx.py"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("")
    good = ["l10n/test_config.py", "l10n/test_config_errors.py", "cli/test_app.py", "cli/test_cli_edges.py",
            "checks/test_numbers_signs.py", "checks/test_checks.py", "formats/documents/test_docx_publish.py",
            "e2e/test_anything.py", "architecture/test_layers.py"]
    bad = ["test_flat.py", "checks/test_number_words.py", "checks/test_numbersigns.py", "nowhere/test_x.py",
           "l10n/sub/test_config.py", "support/test_helper.py", "cli/test_config.py", "formats/test_docx.py"]
    assert [p for p in good if layout.misplaced(tests / p, tests, pkg)] == []
    assert [p for p in bad if not layout.misplaced(tests / p, tests, pkg)] == []


def test_the_import_rule_finds_test_modules_however_imported(tmp_path):
    tests = tmp_path / "tests"
    (tests / "checks").mkdir(parents=True)
    (tests / "cases").mkdir()
    lines = ["import test_other", "from tests.checks.test_numbers import X", "from tests.checks import test_numbers",
             "from conftest import ROOT", "from tests.conftest import ROOT", "from . import test_sibling",
             "from .test_sibling import Y", "    import tests.e2e.test_run"]
    fine = ["from tests.support.checks import make_po", "import tests.support.paths", "from l10n.checks import x",
            "from .helpers import Z"]
    source = "\n".join(lines[:-1] + fine) + "\ndef f():\n" + lines[-1] + "\n"
    (tests / "checks" / "test_a.py").write_text(source)
    (tests / "cases" / "make.py").write_text("import test_ignored_in_data\n")
    found = layout.imports_of_test_modules(tests)
    expected = list(range(1, len(lines))) + [len(lines) + len(fine) + 1]
    assert [int(line.split(":")[1]) for line in found] == expected, found
