"""CLI command: ``l10n tm migrate`` (registered on import, in the ``tm`` group of :mod:`l10n.cli.xliff`)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from l10n.cli._app import ProjectOpt, console, settings_for
from l10n.cli.xliff import tm_app
from l10n.errors import ConfigError


@tm_app.command("migrate")
def tm_migrate_cmd(to: Annotated[str | None, typer.Option(
                       "--to", metavar="URL", help="Copy the project's SQLite memory into this one (a "
                       "postgresql:// URL or a SQLite path), migrated first.")] = None,
                   source: Annotated[Path | None, typer.Option(
                       "--from", metavar="PATH", help="The SQLite memory to copy (default: .l10n/tm.sqlite).")]
                   = None,
                   project: ProjectOpt = None) -> None:
    """Bring a translation memory's schema up to date, or copy a SQLite memory across.

    Without --to: the project's memory ($L10N_TM, else [tool.l10n] tm, else
    .l10n/tm.sqlite) is migrated to this l10n's schema version. With --to:
    every unit of the SQLite memory (--from, default .l10n/tm.sqlite) is
    copied into the memory at URL (a unit it holds newer stays), which is
    created or migrated first. Run it again at any time: it changes nothing
    twice. The password of a PostgreSQL server goes in PGPASSWORD or
    ~/.pgpass, never in pyproject.toml.

    Examples:

        l10n tm migrate

        PGPASSWORD=... l10n tm migrate --to postgresql://tm@db.example.org/l10n
    """
    from l10n.translate.schema import LATEST
    from l10n.translate.store import copy_memory, locate, open_location, parse_location

    settings = settings_for(project)
    if to is None:
        where = locate(settings)
        with open_location(where) as tm:
            done = ", ".join(map(str, tm.applied)) or "none needed"
        console.print(f"{where.shown}: schema version {LATEST} (migrations applied: {done})", markup=False)
        return
    origin = (source.resolve() if source else settings.state_dir / "tm.sqlite")
    if not origin.is_file():
        raise ConfigError("no SQLite translation memory to copy", path=str(origin))
    target = parse_location(to, settings.root, "command line")
    if target.kind == "sqlite" and Path(target.target) == origin:
        raise ConfigError("--to names the memory being copied", path=str(origin))
    with open_location(parse_location(str(origin), settings.root, "command line")) as src, \
            open_location(target) as dst:
        copied = copy_memory(src, dst)
        total = len(dst.rows())
    console.print(f"{target.shown}: {copied} units copied from {origin} ({total} in the memory, "
                  f"schema version {LATEST})", markup=False)
    if target.kind == "postgresql":
        console.print("to share it: L10N_TM=<the URL> in the environment, or tm = \"<the URL, no password>\" "
                      "under [tool.l10n]", markup=False)
