"""The ``l10n`` command line: a thin typer layer over the core.

Each command module registers its commands on :data:`app`; :func:`main` is
the one place where an :class:`~l10n.errors.L10nError` becomes a one-line
message on stderr and exit code 2 (never a traceback).

Exit codes: 0 success, 1 findings or a locale not built, 2 bad input or usage.
"""

from __future__ import annotations

import sys

from l10n.cli._app import app, err_console

__all__ = ["app", "main"]

# Importing the command modules registers their commands on `app`.
from l10n.cli import catalogs as _catalogs  # noqa: E402,F401
from l10n.cli import glossary as _glossary  # noqa: E402,F401
from l10n.cli import translate as _translate  # noqa: E402,F401
from l10n.cli import check as _check  # noqa: E402,F401
from l10n.cli import publish as _publish  # noqa: E402,F401
from l10n.cli import xliff as _xliff  # noqa: E402,F401
from l10n.cli import memory as _memory  # noqa: E402,F401


def _plain_metavars(cmd) -> None:
    """Show ``--format FORMAT`` in help, not typer's ``--format <str>``."""
    for param in getattr(cmd, "params", []):
        if param.metavar is not None:
            continue
        kind = getattr(param, "param_type_name", "")
        if kind == "option" and not getattr(param, "is_flag", False) and not getattr(param, "count", False):
            param.metavar = (param.name or "value").upper()

    for sub in getattr(cmd, "commands", {}).values():
        _plain_metavars(sub)


def _command():
    """The click command behind :data:`app`, with readable metavars."""
    import typer.main

    cmd = typer.main.get_command(app)
    _plain_metavars(cmd)
    return cmd


def main(argv: list[str] | None = None) -> None:
    """Console-script entry point."""
    from l10n.errors import L10nError

    try:
        _command()(args=argv, prog_name="l10n", standalone_mode=True)
    except L10nError as exc:
        err_console.print(f"error: {exc}", markup=False, highlight=False, soft_wrap=True)
        sys.exit(2)
    except OSError as exc:  # a file the command had to write or read: permissions, full disk, bad path
        where = f"{exc.filename}: " if exc.filename else ""
        err_console.print(f"error: {where}{exc.strerror or exc}", markup=False, highlight=False, soft_wrap=True)
        sys.exit(2)
    except KeyboardInterrupt:
        err_console.print("interrupted: work already saved is kept; run the command again to resume",
                          markup=False)
        sys.exit(130)
