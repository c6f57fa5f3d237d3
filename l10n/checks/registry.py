"""The check registry: every check is a function with a stable code.

A check is registered with :func:`check`::

    @check("L10N201", "untranslated", Severity.WARNING)
    def untranslated(entry, ctx):
        \"\"\"The entry has no translation.

        Longer explanation for ``l10n checks``.
        \"\"\"
        if not entry.msgstr:
            yield "no translation"

The title of a check is the first paragraph of its docstring. Entry checks
(``scope="entry"``) receive one :class:`polib.POEntry` and a context and yield
messages (``str``) or :class:`Issue` values; catalog checks
(``scope="catalog"``) receive the whole catalog; rendered checks
(``scope="rendered"``) receive a :class:`~l10n.checks.rendered.RenderedCopy`;
``scope="meta"`` documents a code the runner itself reports (crashes, waivers).
A check never raises for a bad translation: whatever it raises becomes an
``L10N000`` finding, so one broken check cannot hide the others.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from l10n.model import Finding, Severity

if TYPE_CHECKING:
    from l10n.checks.context import CatalogContext

__all__ = ["CRASH", "CheckSpec", "Issue", "all_checks", "check", "crash_finding", "get_check", "to_finding"]

#: The code of a check that crashed (reported by the runner, never by a check).
CRASH = "L10N000"

_SCOPES = ("entry", "catalog", "rendered", "meta")


@dataclass(frozen=True, slots=True)
class Issue:
    """What a check reports; the runner turns it into a :class:`~l10n.model.Finding`.

    ``entry`` (a polib entry) locates catalog-level issues; ``target`` is the
    offending text when it is not the entry's translation; ``severity``
    overrides the check's default (e.g. CRITICAL for a disclaimer).
    """

    message: str
    entry: object | None = None
    line: int = 0
    target: str | None = None
    severity: Severity | None = None
    msgctxt: str | None = None
    msgid: str | None = None


@dataclass(frozen=True, slots=True)
class CheckSpec:
    """A registered check: code, short name, title, default severity, waivability."""

    code: str
    name: str
    title: str
    severity: Severity
    suppressible: bool
    scope: str
    family: str
    func: Callable[..., Iterable[str | Issue]]
    doc: str = ""

    @property
    def requires(self) -> str:
        """``"translated"`` or ``"any"``: which entries an entry check runs on."""
        return getattr(self.func, "requires", "translated")


#: Entry features a check can be gated on (``when=``); computed by the runner for each entry.
#: A plural entry has all of them.
FEATURES = (
    "disclaimer",   # msgctxt starts with "disclaimer:"
    "fuzzy",        # the fuzzy flag
    "previous",     # a previous msgid (#| msgid)
    "plural",       # msgid_plural
    "tcomment",     # a translator comment
    "digits",       # a digit in the msgid or the msgstr
    "markup",       # one of < * _ ` [ in the msgid or the msgstr
    "url",          # href, src, ]( or :// in the msgid or the msgstr
    "placeholder",  # % or { in the msgid or the msgstr
    "target-tag",   # < in the msgstr
    "target-html",  # < or : in the msgstr
    "sentences",    # a sentence terminator (. ! ? 。 ؟ …) in the msgid
    "long",         # a msgid of 25 characters or more
    "same",         # msgstr.strip() == msgid.strip()
    "target-markup",  # < \n ]: or a bidi override (U+202D, U+202E) in the msgstr
    "empty-target",   # an empty msgstr
    # found by the whole-catalog trigger passes (one regex over all the texts of the catalog):
    "negation-src",  # the msgid has a word that can start a source negation
    "hedge-src",     # the msgid has a word that can start a source hedge
    "inflated-tgt",  # the msgstr has a word that can start an inflated claim of the target language
    "terms",         # the msgid has a word that can start a glossary term
    "forbidden",     # the msgstr has a translation the glossary forbids for the locale
    "number-words",  # the msgid or the msgstr has a word that can start a number written in words
    "polarity-src",  # the msgid has a word that can start a polar term (l10n.checks.polarity)
    "claim-tgt",     # the msgstr has a word that can start a claim of the target language (l10n.checks.polarity)
)

_REGISTRY: dict[str, CheckSpec] = {}


def check(code: str, name: str, severity: Severity, *, suppressible: bool = True,
          scope: str = "entry", requires: str = "translated",
          when: Iterable[str] | None = None) -> Callable[[Callable], Callable]:
    """Register a check function under ``code`` (``L10N`` and three digits).

    ``requires="translated"`` (the default for content checks) runs an entry
    check only on translated, non-fuzzy entries; ``"any"`` runs it on all.
    ``when`` names cheap entry features (see :data:`FEATURES`) of which at
    least one must be present for the check to be able to report anything;
    the runner computes them once per entry and skips the call otherwise.
    A check with ``when`` must yield nothing on an entry without them.
    """
    if when is not None:
        unknown = set(when) - set(FEATURES)
        if unknown:
            raise ValueError(f"unknown entry feature(s) {sorted(unknown)}")
    if scope not in _SCOPES:
        raise ValueError(f"unknown scope {scope!r}")
    if not (code.startswith("L10N") and len(code) == 7 and code[4:].isdigit()):
        raise ValueError(f"bad check code {code!r}")

    def register(func: Callable) -> Callable:
        doc = inspect.cleandoc(func.__doc__ or "")
        if not doc:
            raise ValueError(f"check {code} needs a docstring (its title)")
        paras = doc.split("\n\n", 1)
        title = " ".join(paras[0].split())
        if code in _REGISTRY and _REGISTRY[code].func is not func:
            raise ValueError(f"check code {code} registered twice")
        func.requires = requires
        func.when = tuple(when) if when is not None else None
        family = func.__module__.rsplit(".", 1)[-1]
        _REGISTRY[code] = CheckSpec(code, name, title, severity, suppressible, scope, family, func,
                                    paras[1] if len(paras) > 1 else "")
        return func

    return register


def all_checks() -> list[CheckSpec]:
    """Every registered check, sorted by code.

    Complete whenever this module can be reached: it lives in :mod:`l10n.checks`, whose
    ``__init__`` imports every family (registering its checks) before anything can call this.
    """
    return sorted(_REGISTRY.values(), key=lambda s: s.code)


def get_check(code: str) -> CheckSpec | None:
    """The check registered under ``code``, if any."""
    all_checks()
    return _REGISTRY.get(code)


def to_finding(spec: CheckSpec, issue: str | Issue, ctx: CatalogContext, entry: Any) -> Finding:
    """The :class:`~l10n.model.Finding` for what ``spec``'s check reported on ``entry`` (or the catalog)."""
    if isinstance(issue, str):
        issue = Issue(issue)
    e = issue.entry if issue.entry is not None else entry
    target = issue.target
    if target is None:
        target = "" if e is None else (e.msgstr or (e.msgstr_plural.get(0, "") if e.msgstr_plural else ""))
    message = issue.message
    texts = getattr(ctx, "texts", None)  # one string for a message many entries get ("'X' should be ...")
    if texts is not None:
        message = texts.setdefault(message, message)
    return Finding(
        code=spec.code, check=spec.name, severity=issue.severity or spec.severity, message=message,
        path=ctx.path, line=issue.line or (getattr(e, "linenum", 0) or 0), locale=ctx.locale,
        msgctxt=issue.msgctxt if issue.msgctxt is not None else getattr(e, "msgctxt", None),
        msgid=issue.msgid if issue.msgid is not None else (getattr(e, "msgid", "") or ""),
        target=target, suppressible=spec.suppressible)


def crash_finding(spec: CheckSpec, exc: BaseException, ctx: CatalogContext, entry: Any) -> Finding:
    """The :data:`CRASH` finding for ``spec``'s check raising ``exc`` (a bug in l10n; the others still run)."""
    return Finding(code=CRASH, check="check-crashed", severity=Severity.ERROR,
                   message=f"check {spec.code} ({spec.name}) crashed: {type(exc).__name__}: {exc}",
                   path=ctx.path, line=getattr(entry, "linenum", 0) or 0, locale=ctx.locale,
                   msgctxt=getattr(entry, "msgctxt", None), msgid=getattr(entry, "msgid", "") or "",
                   suppressible=False)
