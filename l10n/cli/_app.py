"""The typer application object and the console helpers shared by commands."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated, TypeVar

import typer

from l10n.config import Settings, load_settings

__all__ = ["LocaleOpt", "ProjectOpt", "app", "console", "err_console", "interactive", "progress", "settings_for"]

app = typer.Typer(
    name="l10n",
    help="Carry health articles into other languages through gettext catalogs, "
    "with the safety disclaimers guaranteed intact.",
    epilog="\b\nExamples:\n"
    "  l10n run                        # extract, update, translate offline, check, build (dist/)\n"
    "  l10n check -l es                # the Spanish catalogs, as CI would\n"
    "  l10n xliff export -l pt_BR -o handoff/\n"
    "  l10n verify dist/               # prove a published folder against its manifest\n"
    "\n"
    "Each command has its own --help, with examples.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
    rich_markup_mode=None,
)
class _LazyConsole:
    """A :class:`rich.console.Console` made on first use (importing rich costs every command, even a quiet one)."""

    def __init__(self, **options) -> None:
        self._options = options
        self._console = None

    def get(self):
        """The real console."""
        if self._console is None:
            from rich.console import Console

            self._console = Console(**self._options)
        return self._console

    def __getattr__(self, name: str):
        return getattr(self.get(), name)


console = _LazyConsole(highlight=False, soft_wrap=True, emoji=False)  # "file.po:100:" is not an emoji code
err_console = _LazyConsole(stderr=True, highlight=False, soft_wrap=True, emoji=False)

ProjectOpt = Annotated[
    Path | None,
    typer.Option("--project", "-C", help="Project folder (default: nearest with [tool.l10n] in pyproject.toml).",
                 file_okay=False, metavar="DIR"),
]
LocaleOpt = Annotated[
    list[str] | None,
    typer.Option("--locale", "-l", metavar="LOCALE",
                 help="Target locale (repeatable), e.g. -l es -l pt_BR. Default: all configured."),
]

T = TypeVar("T")


def settings_for(project: Path | None) -> Settings:
    """Load the project settings from ``--project`` or the current folder."""
    return load_settings(project)


def interactive() -> bool:
    """True when a person is watching: stderr is a terminal and not in CI."""
    return sys.stderr.isatty() and not os.environ.get("CI")


@contextmanager
def progress(description: str, total: int | None) -> Iterator[callable]:
    """A progress bar on stderr in a terminal; silent in CI and pipes.

    Yields ``advance(n=1)``.
    """
    if not interactive() or not total:
        yield lambda n=1: None
        return
    from rich.progress import (BarColumn, MofNCompleteColumn, Progress, TaskProgressColumn, TextColumn,
                               TimeRemainingColumn)

    with Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TaskProgressColumn(),
                  TimeRemainingColumn(), console=err_console.get(), transient=True) as bar:
        task = bar.add_task(description, total=total)
        yield lambda n=1: bar.advance(task, n)


def track(items: Iterable[T], description: str, total: int) -> Iterator[T]:
    """Iterate with a progress bar in a terminal."""
    with progress(description, total) as advance:
        for item in items:
            yield item
            advance()


def _version(value: bool) -> None:
    if value:
        from l10n import __version__

        console.print(f"l10n {__version__}")
        raise typer.Exit()


@app.callback()
def _root(version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True,
                                                help="Show the version and exit.")] = False,
          project: Annotated[Path | None, typer.Option(
              "--project", "-C", metavar="DIR", file_okay=False,
              help="Run as if l10n was started in DIR (as `git -C`): `l10n -C DIR status`.")] = None) -> None:
    """Carry health articles into other languages through gettext catalogs, with
    the safety disclaimers guaranteed intact.

    Start with `l10n run` (the whole pipeline on the bundled articles), or
    `l10n extract` then `l10n update` to prepare catalogs for translators.
    """
    if project is not None:
        from l10n.errors import ConfigError

        if not project.is_dir():
            raise ConfigError("not a folder", path=str(project))
        os.chdir(project)
