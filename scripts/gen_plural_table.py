#!/usr/bin/env python3
"""Regenerate ``l10n/catalogs/data/plural_forms.tsv``: the plural rules the ecosystem writes.

A catalog's ``Plural-Forms`` is the truth for that catalog; l10n only asks
whether it is *a* rule some tool uses for the language. Those rules come from:

* ``gettext``: what GNU ``msginit`` writes (its built-in table), run here for
  every language Babel knows; this is also the default for new catalogs;
* ``weblate``, ``weblate-extra``, ``weblate-cldr``: Weblate's language data
  (the rule Weblate writes, variants seen in the wild — Transifex's among
  them — and CLDR's), from the ``weblate-language-data`` wheel;
* ``translate-toolkit``: translate-toolkit's language table;
* ``babel-X.Y``: what ``pybabel init`` of several Babel releases writes
  (Babel's table and CLDR's rules across versions).

Rules gettext cannot evaluate (CLDR's operands other than ``n``) are left out:
``msgfmt`` refuses them.

Usage (each argument optional; a source left out is skipped)::

    python scripts/gen_plural_table.py --weblate DIR --translate-toolkit DIR \
        --babel-python /venv-2.14/bin/python --babel-python /venv-2.17/bin/python \
        --babel-python .venv/bin/python

``DIR`` is an unpacked wheel (``pip download --no-deps NAME``, then unzip).
The output is sorted, so a rerun with the same inputs is byte-identical.
"""

from __future__ import annotations

import argparse
import gettext
import json
import re
import shutil
import subprocess
import sys
import tempfile
import types
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "l10n" / "catalogs" / "data" / "plural_forms.tsv"
_PF = re.compile(r"nplurals\s*=\s*(\d+)\s*;\s*plural\s*=\s*(.+?)\s*;?\s*$")

_BABEL_DUMP = r"""
import json, sys, babel
from babel import Locale
from babel.messages.plurals import get_plural
out = []
source = "babel-" + ".".join(babel.__version__.split(".")[:2])
for code in sorted(babel.localedata.locale_identifiers()):
    try:
        out.append([code, source, str(get_plural(code))])
    except Exception:
        pass
json.dump(out, sys.stdout)
"""


def _norm(expr: str) -> str:
    return re.sub(r"\s+", "", expr).rstrip(";")


def gettext_rows(codes: list[str]) -> list[tuple[str, str, str]]:
    if not shutil.which("msginit"):
        print("msginit not found: skipping GNU gettext's table", file=sys.stderr)
        return []
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        pot = Path(tmp) / "t.pot"
        pot.write_text('msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n', encoding="utf-8")
        for code in codes:
            res = subprocess.run(["msginit", "--no-translator", "-l", code, "-i", str(pot), "-o", "-"],
                                 capture_output=True, text=True, env={"LC_ALL": "C.UTF-8", "PATH": "/usr/bin:/bin"})
            text = res.stdout.replace('"\n"', "")
            m = re.search(r'Plural-Forms: (nplurals=\d+; ?plural=[^\\]*)', text)
            if m and "INTEGER" not in m.group(1):
                rows.append((code, "gettext", m.group(1)))
    return rows


def weblate_rows(folder: Path) -> list[tuple[str, str, str]]:
    sys.path.insert(0, str(folder))
    pkg = types.ModuleType("weblate_language_data")
    pkg.__path__ = [str(folder / "weblate_language_data")]
    sys.modules["weblate_language_data"] = pkg
    utils = types.ModuleType("weblate_language_data.utils")
    utils.gettext_noop = lambda s: s
    sys.modules["weblate_language_data.utils"] = utils
    from weblate_language_data import languages, plurals  # type: ignore

    rows = []
    for source, table in (("weblate", languages.LANGUAGES), ("weblate-extra", plurals.EXTRAPLURALS),
                          ("weblate-cldr", plurals.CLDRPLURALS)):
        for code, _name, n, expr in table:
            rows.append((code, source, f"nplurals={n}; plural={expr};"))
    return rows


def toolkit_rows(folder: Path) -> list[tuple[str, str, str]]:
    sys.path.insert(0, str(folder))
    from translate.lang import data  # type: ignore

    return [(code, "translate-toolkit", f"nplurals={n}; plural={expr};")
            for code, (_name, n, expr) in data.languages.items() if expr]


def babel_rows(python: str) -> list[tuple[str, str, str]]:
    res = subprocess.run([python, "-c", _BABEL_DUMP], capture_output=True, text=True, check=True)
    return [tuple(r) for r in json.loads(res.stdout)]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--weblate", type=Path)
    ap.add_argument("--translate-toolkit", type=Path)
    ap.add_argument("--babel-python", action="append", default=[])
    ap.add_argument("-o", "--output", type=Path, default=OUT)
    args = ap.parse_args()

    rows: list[tuple[str, str, str]] = []
    for python in args.babel_python or [sys.executable]:
        rows += babel_rows(python)
    if args.weblate:
        rows += weblate_rows(args.weblate)
    if args.translate_toolkit:
        rows += toolkit_rows(args.translate_toolkit)
    codes = sorted({r[0] for r in rows} | {r[0].split("_")[0] for r in rows})
    rows += gettext_rows(codes)

    merged: dict[tuple[str, int, str], tuple[str, set[str]]] = {}
    for code, source, value in rows:
        m = _PF.match(value.strip())
        if not m:
            continue
        code = code.replace("-", "_")
        n, expr = int(m.group(1)), m.group(2).strip()
        try:
            gettext.c2py(expr)
        except (ValueError, SyntaxError, RecursionError):
            continue
        key = (code, n, _norm(expr))
        spelled, sources = merged.setdefault(key, (f"nplurals={n}; plural={expr};", set()))
        sources.add(source)
        if source == "gettext":  # msginit's spelling is the one new catalogs get
            merged[key] = (f"nplurals={n}; plural={expr};", sources)
    sys.path.insert(0, str(OUT.parents[3]))
    from l10n.catalogs.plurals import signature

    lines = ["# language\tnplurals\tplural-forms\tsources\tsignature (forms for n=0..10000) "
             "-- generated by scripts/gen_plural_table.py"]
    for (code, n, _k), (spelled, sources) in sorted(merged.items()):
        expr = _PF.match(spelled).group(2)
        lines.append(f"{code}\t{n}\t{spelled}\t{','.join(sorted(sources))}\t{signature(expr)}")
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{args.output}: {len(merged)} rules for {len({k[0] for k in merged})} languages", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
