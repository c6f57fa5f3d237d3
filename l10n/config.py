"""Project configuration: ``[tool.l10n]`` in ``pyproject.toml``.

:func:`parse_settings` takes the already-parsed TOML table and returns a
frozen :class:`Settings`; :func:`load_settings` finds and reads the file.
Sub-tables owned by later stages (``providers``, ``engines``, ``publish``,
``check``) are validated by those stages and kept here as plain mappings.
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import Any

from l10n.errors import ConfigError, LocaleError
from l10n.execute.choice import parse_scheduler
from l10n.locales import normalize_locale

__all__ = ["Settings", "find_project_root", "load_settings", "parse_settings"]

_UNITS = ("sentence", "block")
_SUBTABLES = ("providers", "engines", "publish", "check")


@dataclass(frozen=True)
class Settings:
    """Everything a command needs to know about the project.

    Paths are absolute, resolved against ``root``.
    """

    root: Path
    source_language: str = "en"
    locales: tuple[str, ...] = ("es", "ca", "fr", "pt_BR", "ar")
    source_docs: Path = Path("source_docs")
    locales_dir: Path = Path("locales")
    glossary: Path = Path("glossary.yaml")
    output: Path = Path("dist")
    unit: str = "sentence"
    glossary_configured: bool = False
    project_name: str = "l10n"
    bugs_address: str = ""
    providers: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)
    engines: Mapping[str, str] = field(default_factory=dict)
    publish: Mapping[str, Any] = field(default_factory=dict)
    check: Mapping[str, Any] = field(default_factory=dict)
    #: the translation memory: a SQLite path (relative to ``root``) or a ``postgresql://`` URL without a
    #: password; empty: ``.l10n/tm.sqlite`` (``$L10N_TM`` overrides it, see :mod:`l10n.translate.store`)
    tm: str = ""
    #: ``local``, ``tcp://HOST:PORT`` or a Dask scheduler file (``l10n.execute.choice``); None: not set
    scheduler: str | None = None

    @property
    def state_dir(self) -> Path:
        """Where l10n keeps its own state (translation memory, caches)."""
        return self.root / ".l10n"

    def pot_path(self, domain: str) -> Path:
        """``locales/<domain>.pot``."""
        return self.locales_dir / f"{domain}.pot"

    def po_path(self, locale: str, domain: str) -> Path:
        """``locales/<locale>/LC_MESSAGES/<domain>.po``."""
        return self.locales_dir / locale / "LC_MESSAGES" / f"{domain}.po"

    def mo_path(self, locale: str, domain: str) -> Path:
        """``locales/<locale>/LC_MESSAGES/<domain>.mo``."""
        return self.locales_dir / locale / "LC_MESSAGES" / f"{domain}.mo"

    def resolve_locales(self, requested: list[str] | tuple[str, ...] | None) -> tuple[str, ...]:
        """Normalise ``requested`` locales, or return all configured ones.

        A locale that Babel knows but the project does not configure is accepted
        (a translator may start a new one); an unknown code is an error.
        """
        if not requested:
            return self.locales
        out: list[str] = []
        for code in requested:
            loc = normalize_locale(code)
            if loc == self.source_language:
                raise LocaleError(f"{loc!r} is the source language of the articles, not a target locale")
            if loc not in out:
                out.append(loc)
        return tuple(out)


def _path(root: Path, value: Any, key: str) -> Path:
    if not isinstance(value, str) or not value.strip():
        raise ConfigError(f"[tool.l10n] {key} must be a non-empty path string")
    return (root / value).resolve()


def _tm(table: Mapping[str, Any]) -> dict[str, str]:
    """``{"tm": value}`` from ``[tool.l10n] tm`` (a path or a URL, never with a password in it: the file is
    shared, committed), or ``{}``."""
    from urllib.parse import parse_qs, urlsplit

    if "tm" not in table:
        return {}
    value = table["tm"]
    if not isinstance(value, str) or not value.strip():
        raise ConfigError("[tool.l10n] tm must be a non-empty string: a SQLite path or a postgresql:// URL")
    value = value.strip()
    if "://" in value:
        parts = urlsplit(value)
        if parts.password is not None or "password" in parse_qs(parts.query):
            raise ConfigError("[tool.l10n] tm: the URL holds a password; a password never goes into "
                              "pyproject.toml: give it in PGPASSWORD or ~/.pgpass, or the whole URL in $L10N_TM")
    return {"tm": value}
def _locale_list(raw: Any) -> tuple[str, ...]:
    if not isinstance(raw, list) or not raw:
        raise ConfigError("[tool.l10n] locales must be a non-empty list of locale codes")
    locs: list[str] = []
    for code in raw:
        loc = normalize_locale(code)
        if loc in locs:
            raise ConfigError(f"[tool.l10n] locales lists {loc!r} twice")
        locs.append(loc)
    return tuple(locs)


def _languages(table: Mapping[str, Any]) -> dict[str, Any]:
    """``source_language`` and ``locales``, normalised, where the table sets them."""
    kw: dict[str, Any] = {}
    try:
        if "source_language" in table:
            kw["source_language"] = normalize_locale(table["source_language"])
        if "locales" in table:
            kw["locales"] = _locale_list(table["locales"])
    except LocaleError as exc:
        raise ConfigError(f"[tool.l10n] {exc}") from None
    return kw


def _paths(table: Mapping[str, Any], root: Path) -> dict[str, Any]:
    kw: dict[str, Any] = {key: _path(root, table.get(key, Settings.__dataclass_fields__[key].default.as_posix()), key)
                          for key in ("source_docs", "locales_dir", "glossary", "output")}
    kw["glossary_configured"] = "glossary" in table
    return kw


def _unit(table: Mapping[str, Any]) -> str:
    unit = table.get("unit", "sentence")
    if unit not in _UNITS:
        raise ConfigError(f"[tool.l10n] unit must be one of {', '.join(_UNITS)}, not {unit!r}")
    return unit


def _strings(table: Mapping[str, Any]) -> dict[str, str]:
    kw: dict[str, str] = {}
    for key in ("project_name", "bugs_address"):
        if key in table:
            if not isinstance(table[key], str):
                raise ConfigError(f"[tool.l10n] {key} must be a string")
            kw[key] = table[key]
    return kw


def _subtables(table: Mapping[str, Any]) -> dict[str, Mapping[str, Any]]:
    """The sub-tables later stages validate, kept as read-only mappings (engines' locales normalised)."""
    kw: dict[str, Mapping[str, Any]] = {}
    for key in _SUBTABLES:
        if key in table:
            if not isinstance(table[key], Mapping):
                raise ConfigError(f"[tool.l10n] {key} must be a table")
            kw[key] = MappingProxyType(dict(table[key]))
    if "engines" in kw:
        kw["engines"] = MappingProxyType(_engines(kw["engines"]))
    return kw


def _engines(raw: Mapping[str, Any]) -> dict[str, str]:
    engines = {}
    for loc, name in raw.items():
        try:
            engines[normalize_locale(loc)] = str(name)
        except LocaleError as exc:
            raise ConfigError(f"[tool.l10n.engines] {exc}") from None
    return engines


def parse_settings(table: Mapping[str, Any], root: Path) -> Settings:
    """Build :class:`Settings` from the ``[tool.l10n]`` table.

    Every problem is a :class:`ConfigError` naming the key.
    """
    known = {f for f in Settings.__dataclass_fields__ if f not in ("root", "glossary_configured")}
    unknown = sorted(set(table) - known)
    if unknown:
        raise ConfigError(f"[tool.l10n] unknown key(s): {', '.join(unknown)}")
    kw: dict[str, Any] = {"root": root.resolve()}
    kw.update(_languages(table))
    kw.update(_paths(table, root))
    kw["unit"] = _unit(table)
    kw.update(_strings(table))
    kw.update(_tm(table))
    if "scheduler" in table:
        kw["scheduler"] = parse_scheduler(table["scheduler"], source="[tool.l10n] scheduler", base=root.resolve())
    kw.update(_subtables(table))
    return Settings(**kw)


def find_project_root(start: Path) -> Path:
    """The nearest folder at or above ``start`` whose pyproject.toml has ``[tool.l10n]``."""
    start = start.resolve()
    for folder in (start, *start.parents):
        candidate = folder / "pyproject.toml"
        if candidate.is_file():
            try:
                data = tomllib.loads(candidate.read_text(encoding="utf-8"))
            except (tomllib.TOMLDecodeError, UnicodeDecodeError):
                return folder
            if "l10n" in data.get("tool", {}):
                return folder
    raise ConfigError(f"no pyproject.toml with a [tool.l10n] table at or above {start}")


def load_settings(root: Path | None = None) -> Settings:
    """Read ``[tool.l10n]`` from ``root/pyproject.toml`` (found from the cwd if None)."""
    root = find_project_root(root or Path.cwd()) if root is None else root.resolve()
    path = root / "pyproject.toml"
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ConfigError("pyproject.toml not found", path=str(path)) from None
    except UnicodeDecodeError as exc:
        raise ConfigError(f"not UTF-8 ({exc.reason})", path=str(path)) from None
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        import re

        where = re.search(r"\(at line (\d+), column \d+\)", str(exc))  # Python 3.11 has no .lineno
        line = getattr(exc, "lineno", None) or (int(where.group(1)) if where else None)
        raise ConfigError(re.sub(r"\s*\(at line \d+, column \d+\)", "", str(exc)), path=str(path),
                          line=line) from None
    table = data.get("tool", {}).get("l10n")
    if table is None:
        raise ConfigError("no [tool.l10n] table", path=str(path))
    return parse_settings(table, root)
