"""Translation QA: checks on catalogs and on rendered copies.

Every check has a stable code (``L10N`` + three digits), a name, a title and a
severity; see :func:`all_checks` or ``l10n checks``. Checks are pure: values in
(a :class:`polib.POFile`, a glossary, a template), :class:`~l10n.model.Finding`
values out. A check that crashes becomes an ``L10N000`` finding.

Families (one module each): :mod:`.catalog` (1xx), :mod:`.workflow` (2xx),
:mod:`.numbers` and :mod:`.meaning` (3xx), :mod:`.omission` (4xx),
:mod:`.glossary` (5xx), :mod:`.markup` (6xx), :mod:`.disclaimer` (7xx),
waivers (9xx). Formatters live in :mod:`.output`.

Waivers: a translator comment ``# l10n-waive: L10N204 reason`` on an entry
silences that (suppressible) check on that entry; GNU ``msgfmt -c`` accepts
translator comments anywhere.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, MutableMapping
from typing import Any

import polib

from l10n.checks.context import CatalogContext, RunMemo
from l10n.checks.registry import CRASH, FEATURES, CheckSpec, Issue, all_checks, check, get_check
from l10n.checks.registry import crash_finding as _crash
from l10n.checks.registry import to_finding as _finding
from l10n.model import DISCLAIMER_PREFIX, Finding, Severity
from l10n.parallel import can_fork

# Importing the families registers their checks (order = report order within an entry).
from l10n.checks import catalog as _catalog  # noqa: E402,F401
from l10n.checks import workflow as _workflow  # noqa: E402,F401
from l10n.checks import numbers as _numbers  # noqa: E402,F401
from l10n.checks import meaning as _meaning  # noqa: E402,F401
from l10n.checks import polarity as _polarity  # noqa: E402,F401
from l10n.checks import omission as _omission  # noqa: E402,F401
from l10n.checks import glossary as _glossary  # noqa: E402,F401
from l10n.checks import markup as _markup  # noqa: E402,F401
from l10n.checks import disclaimer as _disclaimer  # noqa: E402,F401
from l10n.checks.catalog import as_locale as _as_locale  # noqa: E402
from l10n.checks.catalog import parse_catalog  # noqa: E402
from l10n.checks.rendered import check_rendered  # noqa: E402

__all__ = ["CheckSpec", "Issue", "RunMemo", "all_checks", "check", "check_catalog", "check_file", "check_rendered",
           "exit_code", "get_check", "parse_catalog", "parse_waivers", "resolve_selection"]

WAIVER_IGNORED = "L10N901"
WAIVER_NO_REASON = "L10N902"

#: digits, and the characters NFKC turns into digits (superscripts, subscripts, fractions, circled numbers)
_DIGIT = _numbers.DIGIT_LIKE
_MARKUP_CHARS = re.compile(r"[<*_`\[]")
_TERMINATORS = re.compile("[.!?。؟…]")
#: matches where _DIGIT, _MARKUP_CHARS, a URL sign (:// ]( href src) or a placeholder sign (% {) would
_ANY_MARK = re.compile(_DIGIT.pattern[:-1] + "<*_`\\[%{]|://|\\]\\(|href|src")

#: entry features computed by the whole-catalog trigger passes (l10n.checks.triggers)
_TRIGGERED = frozenset({"negation-src", "hedge-src", "inflated-tgt", "terms", "forbidden", "number-words",
                        "polarity-src", "claim-tgt"})

_WAIVE = re.compile(r"^\s*l10n-waive:\s*(L10N\d{3}(?:\s*,\s*L10N\d{3})*)\s*(.*)$", re.IGNORECASE)


@check(CRASH, "check-crashed", Severity.ERROR, suppressible=False, scope="meta")
def _doc_crash():  # pragma: no cover - documentation only
    """A check crashed on this input (a bug in l10n; the other checks still ran)."""


@check(WAIVER_IGNORED, "waiver-ignored", Severity.WARNING, suppressible=False, scope="meta")
def _doc_waiver_ignored():  # pragma: no cover - documentation only
    """A waiver names a check that cannot be waived (disclaimer, negation, number...)."""


@check(WAIVER_NO_REASON, "waiver-without-reason", Severity.WARNING, suppressible=False, scope="meta")
def _doc_waiver_no_reason():  # pragma: no cover - documentation only
    """A waiver gives no reason, so it is ignored."""


def parse_waivers(tcomment: str) -> list[tuple[str, str]]:
    """``(code, reason)`` for each ``l10n-waive:`` line of a translator comment.

    >>> parse_waivers("l10n-waive: L10N204 brand name, kept as is")
    [('L10N204', 'brand name, kept as is')]
    """
    out = []
    for line in (tcomment or "").splitlines():
        m = _WAIVE.match(line)
        if m:
            reason = m.group(2).strip(" -—:")
            out.extend((c.strip().upper(), reason) for c in m.group(1).split(","))
    return out


def resolve_selection(items: Iterable[str] | None) -> set[str] | None:
    """Codes selected by codes, code prefixes (``L10N3``), names or family names."""
    if items is None:
        return None
    specs = all_checks()
    out: set[str] = set()
    for raw in items:
        item = raw.strip()
        hits = {s.code for s in specs if s.code == item.upper() or s.name == item or s.family == item
                or (item.upper().startswith("L10N") and s.code.startswith(item.upper()))}
        if not hits:
            from l10n.errors import ConfigError

            raise ConfigError(f"unknown check {item!r} (see `l10n checks`)")
        out |= hits
    return out


def _run(spec: CheckSpec, args: tuple, ctx: CatalogContext, entry: Any, out: list[Finding]) -> None:
    try:
        for issue in spec.func(*args):
            out.append(_finding(spec, issue, ctx, entry))
    except Exception as exc:  # a broken check must not hide the others
        out.append(_crash(spec, exc, ctx, entry))


def is_translated(entry: polib.POEntry) -> bool:
    """True when every form of the entry has a non-empty translation."""
    if entry.msgid_plural:
        return bool(entry.msgstr_plural) and all(v.strip() for v in entry.msgstr_plural.values())
    return bool(entry.msgstr.strip())


def _apply_waivers(findings: list[Finding], entry: polib.POEntry, ctx: CatalogContext) -> list[Finding]:
    waivers = parse_waivers(entry.tcomment) if "l10n-waive" in (entry.tcomment or "") else []
    if not waivers:
        return findings
    waived: set[str] = set()
    extra: list[Finding] = []
    for code, reason in waivers:
        spec = get_check(code)
        if spec is not None and not spec.suppressible:
            extra.append(Finding(WAIVER_IGNORED, "waiver-ignored", Severity.WARNING,
                                 f"{code} ({spec.name}) cannot be waived; the waiver is ignored", ctx.path,
                                 entry.linenum, ctx.locale, entry.msgctxt, entry.msgid, suppressible=False))
        elif len(reason) < 3:
            extra.append(Finding(WAIVER_NO_REASON, "waiver-without-reason", Severity.WARNING,
                                 f"waiver of {code} gives no reason; the waiver is ignored", ctx.path,
                                 entry.linenum, ctx.locale, entry.msgctxt, entry.msgid, suppressible=False))
        else:
            waived.add(code)
    return [f for f in findings if not (f.suppressible and f.code in waived)] + extra


def _plural_count(po: polib.POFile, locale: str | None) -> int | None:
    """The catalog's own ``nplurals`` (its declared formula is its truth); the project's default for the
    locale when it declares none; None when neither is known or the declaration is malformed (L10N103)."""
    from l10n.catalogs.plurals import parse_plural_forms

    value = po.metadata.get("Plural-Forms", "")
    try:
        if value.strip():
            return parse_plural_forms(value).nplurals
        if locale:
            from l10n.catalogs.plurals import nplurals

            return nplurals(locale)
    except Exception:
        return None
    return None


_PLANS: dict[tuple, dict[tuple[bool, int], list[CheckSpec]]] = {}


class _EntryRun:
    """What checking one entry needs, computed once per catalog (inherited by forked workers)."""

    def __init__(self, ctx: CatalogContext, specs: list[CheckSpec], masks: dict[str, int], bit: dict[str, int],
                 wanted: set[str], encode: bool) -> None:
        self.ctx, self.specs, self.masks, self.bit = ctx, specs, masks, bit
        self.wanted, self.encode = wanted, encode
        # which checks run for an entry, by (translated, features): the same for every catalog checked with
        # the same checks, so shared by them
        self.plans: dict[tuple[bool, int], list[CheckSpec]] = _PLANS.setdefault(
            (tuple(specs), tuple(sorted(masks.items())), tuple(s.requires for s in specs)), {})

    def trigger_bits(self, todo: list[Any]) -> list[int]:
        """The trigger features (see :mod:`l10n.checks.triggers`) of the singular entries of ``todo``, in order.

        One regex per word list over the texts of these entries; an entry's features depend on its own
        texts only, so a slice of the catalog (a worker's) gets the bits the whole catalog would give it.
        """
        if not self.wanted or not todo:
            return []
        from l10n.checks.triggers import catalog_triggers

        singular = [e for e in todo if not e.msgid_plural]
        hits = catalog_triggers([e.msgid for e in singular], [e.msgstr for e in singular], self.ctx, self.wanted)
        bit = self.bit
        # a feature without a pre-check is present on every entry
        always = sum(bit[w] for w in self.wanted if w not in hits)
        bits = [always] * len(singular)
        for w, positions in hits.items():
            b = bit[w]
            for i in positions:
                bits[i] |= b
        return bits

    def run(self, todo: list[Any]) -> list[tuple[list[Finding], str | None, Any]]:
        """(findings, cache blob or None, entry) for each entry of ``todo``."""
        trigger_bits = self.trigger_bits(todo)
        try:
            return self._run(todo, trigger_bits)
        finally:
            self.ctx.entry_features = None

    def _run(self, todo: list[Any], trigger_bits: list[int]) -> list[tuple[list[Finding], str | None, Any]]:
        ctx, specs, masks, bit, plans = self.ctx, self.specs, self.masks, self.bit, self.plans
        k = -1
        ALL = (1 << len(FEATURES)) - 1
        B_DISC, B_FUZZY, B_PREV, B_TCOM = bit["disclaimer"], bit["fuzzy"], bit["previous"], bit["tcomment"]
        B_DIG, B_MARK, B_URL, B_PH = bit["digits"], bit["markup"], bit["url"], bit["placeholder"]
        B_TTAG, B_THTML, B_SENT, B_LONG, B_SAME = (bit["target-tag"], bit["target-html"], bit["sentences"],
                                                   bit["long"], bit["same"])
        B_TMARK, B_EMPTY = bit["target-markup"], bit["empty-target"]
        digit = _DIGIT.search
        any_mark = _ANY_MARK.search
        markup_chars = _MARKUP_CHARS.search
        terminators = _TERMINATORS.search
        encode = None
        if self.encode:
            from l10n.checks.cache import encode_findings as encode
        out = []
        for entry in todo:
            msgid = entry.msgid
            flags = entry.flags
            fuzzy = "fuzzy" in flags
            if entry.msgid_plural:
                mask = ALL
                translated = bool(entry.msgstr_plural) and all(v.strip() for v in entry.msgstr_plural.values())
            else:
                # the cheap entry features (see registry.FEATURES), computed once: a check whose
                # features are all absent cannot report anything and is not called
                msgstr = entry.msgstr
                translated = bool(msgstr.strip())
                both = msgid + "\x00" + msgstr
                k += 1
                mask = trigger_bits[k] if trigger_bits else 0
                if fuzzy:
                    mask |= B_FUZZY
                ctxt = entry.msgctxt
                if ctxt and ctxt.startswith(DISCLAIMER_PREFIX):
                    mask |= B_DISC
                if entry.previous_msgid:
                    mask |= B_PREV
                if entry.tcomment:
                    mask |= B_TCOM
                if any_mark(both):  # else no digit, markup, URL or placeholder: four tests in one
                    if digit(both):
                        mask |= B_DIG
                    if markup_chars(both):
                        mask |= B_MARK
                    if "://" in both or "](" in both or "href" in both or "src" in both:
                        mask |= B_URL
                    if "%" in both or "{" in both:
                        mask |= B_PH
                if "<" in msgstr:
                    mask |= B_TTAG | B_THTML | B_TMARK
                else:
                    if ":" in msgstr:
                        mask |= B_THTML
                        if "]:" in msgstr:
                            mask |= B_TMARK
                    if "\n" in msgstr or "\u202d" in msgstr or "\u202e" in msgstr:
                        mask |= B_TMARK
                if not msgstr:
                    mask |= B_EMPTY
                if terminators(msgid):
                    mask |= B_SENT
                if len(msgid) >= 25:
                    mask |= B_LONG
                if msgstr.strip() == msgid.strip():
                    mask |= B_SAME
            key = (translated and not fuzzy, mask)
            plan = plans.get(key)
            if plan is None:
                plan = plans[key] = [s for s in specs if (key[0] or s.requires == "any")
                                     and (masks[s.code] == -1 or masks[s.code] & mask)]
            found: list[Finding] = []
            ctx.entry_features = mask  # a check may skip work the features rule out (see CatalogContext)
            for spec in plan:  # _run inlined: this loop runs up to ~30 times per entry
                try:
                    for issue in spec.func(entry, ctx):
                        found.append(_finding(spec, issue, ctx, entry))
                except Exception as exc:  # a broken check must not hide the others
                    found.append(_crash(spec, exc, ctx, entry))
            if found:
                found = _apply_waivers(found, entry, ctx)
            out.append((found, encode(found, entry.linenum) if encode else None, entry))
        return out


#: Below this many entries to check, a catalog is checked in this process (a fork costs more).
PARALLEL_ENTRIES = 2000

_WORKER_RUN: tuple[_EntryRun, list[Any]] | None = None  # set before forking, inherited


def _worker_slice(bounds: tuple[int, int]) -> list[tuple[list[Finding], str | None]]:
    run, todo = _WORKER_RUN  # type: ignore[misc]
    return [(found, blob) for found, blob, _entry in run.run(todo[bounds[0]:bounds[1]])]


def _run_entries(run: _EntryRun, todo: list[Any], jobs: int, meanwhile=None):
    """Check ``todo`` here, or, for a large catalog with ``jobs`` > 1, in forked workers.

    Each worker checks a contiguous slice of the entries with the same code
    (trigger passes included) and returns its findings; they are put back in
    entry order, so the result is the same as a serial run. Workers are forked
    (the catalog and the context are inherited, not pickled); where fork is not
    available, or a worker dies, the entries are checked here. ``meanwhile()``,
    if given, is called once, here, while the workers run (or before a serial run).
    """
    global _WORKER_RUN
    jobs = max(1, min(jobs, len(todo) // (PARALLEL_ENTRIES // 2) or 1))
    if jobs < 2 or len(todo) < PARALLEL_ENTRIES or not can_fork():
        if meanwhile is not None:
            meanwhile()
        return run.run(todo)
    import gc
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    step = -(-len(todo) // (jobs * 4))  # a few slices per worker: a slow slice does not hold the others up
    bounds = [(i, min(i + step, len(todo))) for i in range(0, len(todo), step)]
    _WORKER_RUN = (run, todo)
    frozen = gc.get_freeze_count()
    gc.freeze()  # the inherited objects are not the workers' garbage: their collector leaves them (and their pages) be
    try:
        with ProcessPoolExecutor(jobs, mp_context=multiprocessing.get_context("fork")) as pool:
            pending = pool.map(_worker_slice, bounds)
            if meanwhile is not None:
                meanwhile()
                meanwhile = None
            parts = list(pending)
    except (BrokenProcessPool, OSError):  # no process could be started or one died: do it here
        if meanwhile is not None:
            meanwhile()
        return run.run(todo)
    finally:
        _WORKER_RUN = None
        if not frozen:  # (a caller that froze objects itself unfreezes them)
            gc.unfreeze()
    out = []
    for (lo, _hi), part in zip(bounds, parts):
        out.extend((found, blob, todo[lo + i]) for i, (found, blob) in enumerate(part))
    return out


def check_catalog(po: polib.POFile, *, locale: str, glossary: Any | None, template: polib.POFile | None = None,
                  path: str = "", select: set[str] | None = None, ignore: Iterable[str] = (),
                  options: Mapping[str, Any] | None = None, memo: RunMemo | None = None,
                  cache: MutableMapping[str, str] | None = None, jobs: int = 1) -> list[Finding]:
    """Run every (selected) check on a locale catalog; return the findings in file order.

    ``select`` limits the run to these codes; ``ignore`` drops suppressible
    codes (the project's disable list). ``options`` (from ``[tool.l10n.check]``)
    may set ``length_ratio = {es = [0.6, 2.0]}``. ``memo`` shares the per-text
    analysis between the catalogs of one run (each distinct msgid analysed once).
    ``cache`` (see :mod:`l10n.checks.cache`) holds the entry checks' findings of
    earlier runs, keyed by a hash of the entry, the locale, the glossary version,
    the code and the selection; catalog checks always run. ``jobs`` > 1 lets a
    large catalog's entries be checked in that many forked processes (see
    :func:`_run_entries`); the findings are the same, in the same order.
    """
    ctx = CatalogContext(locale=locale, glossary=glossary, template=template, path=path, options=options,
                         memo=memo)
    ctx.catalog = po
    ctx.nplurals = _plural_count(po, locale)
    ignored = set(ignore)
    specs = [s for s in all_checks() if (select is None or s.code in select)
             and not (s.suppressible and s.code in ignored)]
    ctx.codes = frozenset(s.code for s in specs)
    findings: list[Finding] = []
    entry_specs = [s for s in specs if s.scope == "entry"]
    bit = {name: 1 << i for i, name in enumerate(FEATURES)}
    masks = {s.code: (sum(bit[w] for w in s.func.when) if getattr(s.func, "when", None) else -1)
             for s in entry_specs}
    cached: dict[int, str] = {}
    keys: dict[int, str] = {}
    if cache is not None:
        from l10n.checks import cache as C

        base = C.catalog_key(locale=locale, glossary=glossary, codes=[s.code for s in entry_specs],
                             options=ctx.options, plural_forms=po.metadata.get("Plural-Forms", ""),
                             nplurals=ctx.nplurals)
        keys = {id(e): C.entry_key(base, e) for e in po if not e.obsolete and (e.msgid or e.msgctxt)} if base else {}
        getter = getattr(cache, "get_many", None)
        stored = (getter(list(keys.values())) if getter else {k: cache[k] for k in keys.values() if k in cache}) \
            if keys else {}
        cached = {i: stored[k] for i, k in keys.items() if k in stored}
    # the features of the whole-catalog trigger passes (run on the entries to check, see _EntryRun.trigger_bits)
    wanted = {w for s in entry_specs for w in (getattr(s.func, "when", None) or ()) if w in _TRIGGERED}
    # first pass: findings of earlier runs; the rest is work
    todo: list[Any] = []
    for entry in po:
        if entry.obsolete or (entry.msgid == "" and not entry.msgctxt):
            continue
        if cached:
            hit = cached.get(id(entry))
            if hit is not None:
                findings.extend(C.decode_findings(hit, path=ctx.path, locale=ctx.locale, linenum=entry.linenum))
                continue
        todo.append(entry)
    run = _EntryRun(ctx, entry_specs, masks, bit, wanted, bool(keys))

    catalog_found: list[Finding] = []

    def catalog_checks() -> None:  # here, while the workers (if any) check the entries
        for spec in specs:
            if spec.scope == "catalog":
                _run(spec, (po, ctx), ctx, None, catalog_found)

    for found, blob, entry in _run_entries(run, todo, jobs, catalog_checks):
        findings.extend(found)
        if keys:
            cache[keys[id(entry)]] = blob
    findings[:0] = catalog_found  # before the entries' findings, as they were run first (the sort is stable)
    findings.sort(key=lambda f: (f.line, f.code))
    return findings


def check_file(data: bytes, *, locale: str | None, glossary: Any | None, template: polib.POFile | None = None,
               path: str = "", select: set[str] | None = None, ignore: Iterable[str] = (),
               options: Mapping[str, Any] | None = None, memo: RunMemo | None = None,
               cache: MutableMapping[str, str] | None = None, jobs: int = 1) -> tuple[list[Finding], str]:
    """Parse PO bytes as ``msgfmt -c`` would and check them.

    Syntax errors are ``L10N101`` findings, not exceptions. The locale is
    ``locale``, else the catalog's ``Language`` header, else the gettext path
    (:func:`catalog_locale`); a file whose locale is not known gets an
    ``L10N107`` finding (and its syntax findings) instead of its checks: no
    file stops a run. Returns (findings, locale in Babel's form).
    """
    po, problems = parse_catalog(data, path)
    if po is None:
        return problems, locale or path_locale(path) or ""
    loc, problem = catalog_locale(po.metadata.get("Language", ""), path, locale)
    if problem:
        problems = problems + [Finding("L10N107", "language", Severity.ERROR, problem, path=path, line=1,
                                       suppressible=False)]
    if not loc:
        return problems, ""
    findings = problems + check_catalog(po, locale=loc, glossary=glossary, template=template, path=path,
                                        select=select, ignore=ignore, options=options, memo=memo,
                                        cache=cache, jobs=jobs)
    return findings, loc


_GETTEXT_PATH = re.compile(r"(?:^|/)([^/]+)/LC_MESSAGES/[^/]+\.po$|(?:^|/)([A-Za-z]{2,3}(?:[_-][A-Za-z0-9]+)*(?:@\w+)?)"
                           r"\.po$")


def path_locale(path: str) -> str | None:
    """The locale a gettext path names: ``hr`` of ``hr/LC_MESSAGES/django.po`` or of ``po/hr.po``.

    >>> path_locale("conf/locale/pt_BR/LC_MESSAGES/django.po"), path_locale("po/sr@latin.po")
    ('pt_BR', 'sr_Latn')
    >>> path_locale("notes/readme.po") is None
    True
    """
    m = _GETTEXT_PATH.search(str(path).replace("\\", "/"))
    if not m:
        return None
    base, _, variant = (m.group(1) or m.group(2)).partition("@")
    script = {"latin": "Latn", "cyrillic": "Cyrl"}.get(variant.lower())
    return _as_locale(f"{base}_{script}" if script else base)


def catalog_locale(header: str, path: str, given: str | None = None) -> tuple[str | None, str | None]:
    """The locale a catalog is checked as, and a problem to report (or None).

    ``given`` (``-l``) wins; then the ``Language`` header when it is a locale
    identifier (Babel's form where CLDR knows it; a well-formed ISO code CLDR
    does not know, such as ``udm``, as it is); then the gettext path. A header that names no
    locale (``Language: Estonian``) while the path does is read from the path.
    """
    if given:
        return given, None
    header = header.strip()
    if header and (known := _as_locale(header)):
        return known, None
    from_path = path_locale(path)
    if from_path:
        return from_path, None
    if header:
        return None, (f"Language header {header!r} is not a locale identifier and the path names none; "
                      "give the locale with -l")
    return None, "no Language header and the path names no locale; give the locale with -l"


def exit_code(findings: Iterable[Finding]) -> int:
    """0 when no finding is at ERROR or above, else 1."""
    return 1 if any(f.severity >= Severity.ERROR for f in findings) else 0
