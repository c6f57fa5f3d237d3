"""Where things are, for the tests: computed once here, so that moving a test file cannot break its data paths.

Test modules import these names instead of climbing from their own ``__file__``.
"""

from __future__ import annotations

from pathlib import Path

#: the repository's root: pyproject.toml, glossary.yaml, source_docs/, locales/, scripts/
ROOT = Path(__file__).resolve().parents[2]
#: the package under test
PKG = ROOT / "l10n"
#: the test tree
TESTS = ROOT / "tests"
#: inputs and expected outputs written for the tests (tests/cases/<topic>/)
CASES = TESTS / "cases"
#: texts taken from other projects (tests/fixtures/, origins in each README)
FIXTURES = TESTS / "fixtures"
#: schemas shared by the projects of this machine (outside the repository; tests skip without them)
SHARED_SCHEMAS = ROOT.parent / "shared" / "schemas"
