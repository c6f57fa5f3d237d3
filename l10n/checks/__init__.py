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
from l10n.execute import Executor, SerialExecutor

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


class _FeatureBits:
    """The bit of each cheap entry feature (see registry.FEATURES), and the features of an entry as a mask.

    A check whose features are all absent from an entry cannot report anything on it and is not called.
    """

    def __init__(self) -> None:
        bit = self.bit = {name: 1 << i for i, name in enumerate(FEATURES)}
        self.all = (1 << len(FEATURES)) - 1
        self.target_markup = bit["target-markup"]
        self.any_tag = bit["target-tag"] | bit["target-html"] | bit["target-markup"]
        self.html, self.reference = bit["target-html"], bit["target-html"] | bit["target-markup"]

    def of(self, names: Iterable[str]) -> int:
        """The mask of these features."""
        return sum(self.bit[w] for w in names)

    def entry_mask(self, entry: polib.POEntry) -> int:
        """The features of a singular entry, but for those of the trigger passes (:meth:`_EntryRun.trigger_bits`)."""
        bit = self.bit
        msgid, msgstr = entry.msgid, entry.msgstr
        mask = self._entry_bits(entry) | self._target_bits(msgstr)
        both = msgid + "\x00" + msgstr
        if _ANY_MARK.search(both):  # else no digit, markup, URL or placeholder: four tests in one
            mask |= self._mark_bits(both)
        if not msgstr:
            mask |= bit["empty-target"]
        if _TERMINATORS.search(msgid):
            mask |= bit["sentences"]
        if len(msgid) >= 25:
            mask |= bit["long"]
        if msgstr.strip() == msgid.strip():
            mask |= bit["same"]
        return mask

    def _entry_bits(self, entry: polib.POEntry) -> int:
        """disclaimer, fuzzy, previous, tcomment."""
        bit = self.bit
        mask = bit["fuzzy"] if "fuzzy" in entry.flags else 0
        if entry.msgctxt and entry.msgctxt.startswith(DISCLAIMER_PREFIX):
            mask |= bit["disclaimer"]
        if entry.previous_msgid:
            mask |= bit["previous"]
        if entry.tcomment:
            mask |= bit["tcomment"]
        return mask

    def _mark_bits(self, both: str) -> int:
        """digits, markup, url, placeholder of ``msgid NUL msgstr``."""
        bit = self.bit
        mask = bit["digits"] if _DIGIT.search(both) else 0
        if _MARKUP_CHARS.search(both):
            mask |= bit["markup"]
        if "://" in both or "](" in both or "href" in both or "src" in both:
            mask |= bit["url"]
        if "%" in both or "{" in both:
            mask |= bit["placeholder"]
        return mask

    def _target_bits(self, msgstr: str) -> int:
        """target-tag, target-html, target-markup."""
        if "<" in msgstr:
            return self.any_tag
        mask = 0
        if ":" in msgstr:
            mask = self.reference if "]:" in msgstr else self.html
        if "\n" in msgstr or "\u202d" in msgstr or "\u202e" in msgstr:
            mask |= self.target_markup
        return mask


class _EntryRun:
    """What checking one entry needs, computed once per catalog (inherited by forked workers)."""

    def __init__(self, ctx: CatalogContext, specs: list[CheckSpec], encode: bool) -> None:
        self.ctx, self.specs, self.encode = ctx, specs, encode
        self.features = _FeatureBits()
        #: per check, the features of which one must be present for it to run (-1: always runs)
        self.masks = {s.code: (self.features.of(s.func.when) if getattr(s.func, "when", None) else -1)
                      for s in specs}
        #: the features of the whole-catalog trigger passes these checks need
        self.wanted = {w for s in specs for w in (getattr(s.func, "when", None) or ()) if w in _TRIGGERED}
        # which checks run for an entry, by (translated, features): the same for every catalog checked with
        # the same checks, so shared by them
        self.plans: dict[tuple[bool, int], list[CheckSpec]] = _PLANS.setdefault(
            (tuple(specs), tuple(sorted(self.masks.items())), tuple(s.requires for s in specs)), {})

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
        bit = self.features.bit
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
        encode = None
        if self.encode:
            from l10n.checks.cache import encode_findings as encode
        features = self.features
        singular = iter(trigger_bits) if trigger_bits else None
        out = []
        for entry in todo:
            if entry.msgid_plural:
                mask, translated = features.all, is_translated(entry)
            else:
                mask = features.entry_mask(entry) | (next(singular) if singular is not None else 0)
                translated = bool(entry.msgstr.strip())
            found = self._check_entry(entry, translated and "fuzzy" not in entry.flags, mask)
            out.append((found, encode(found, entry.linenum) if encode else None, entry))
        return out

    def _plan(self, translated: bool, mask: int) -> list[CheckSpec]:
        """The checks that can report something on an entry with these features."""
        key = (translated, mask)
        plan = self.plans.get(key)
        if plan is None:
            masks = self.masks
            plan = self.plans[key] = [s for s in self.specs if (translated or s.requires == "any")
                                      and (masks[s.code] == -1 or masks[s.code] & mask)]
        return plan

    def _check_entry(self, entry: polib.POEntry, translated: bool, mask: int) -> list[Finding]:
        ctx = self.ctx
        found: list[Finding] = []
        ctx.entry_features = mask  # a check may skip work the features rule out (see CatalogContext)
        for spec in self._plan(translated, mask):  # _run inlined: this loop runs up to ~30 times per entry
            try:
                for issue in spec.func(entry, ctx):
                    found.append(_finding(spec, issue, ctx, entry))
            except Exception as exc:  # a broken check must not hide the others
                found.append(_crash(spec, exc, ctx, entry))
        if found:
            found = _apply_waivers(found, entry, ctx)
        return found


#: Below this many entries to check, a catalog is checked in this process (a fork costs more).
PARALLEL_ENTRIES = 2000


def _check_slice(shared: tuple[_EntryRun, list[Any]], bounds: tuple[int, int]) -> list[tuple[list[Finding], str | None]]:
    """The executor's task: (findings, cache blob) of the entries ``todo[lo:hi]``."""
    run, todo = shared
    return [(found, blob) for found, blob, _entry in run.run(todo[bounds[0]:bounds[1]])]


def _entry_slices(todo: list[Any], executor: Executor) -> list[tuple[int, int]]:
    """``todo`` cut in a few slices per worker (a slow slice does not hold the others up), or in one slice
    when it is too small to be worth a process."""
    workers = min(executor.workers, len(todo) // (PARALLEL_ENTRIES // 2))
    if workers < 2 or len(todo) < PARALLEL_ENTRIES:
        return [(0, len(todo))]
    step = -(-len(todo) // (workers * 4))
    return [(i, min(i + step, len(todo))) for i in range(0, len(todo), step)]


def _run_entries(run: _EntryRun, todo: list[Any], executor: Executor | None, meanwhile=None):
    """(findings, cache blob, entry) of each entry of ``todo``: here, or, for a large catalog, by ``executor``.

    Each task checks a contiguous slice of the entries with the same code
    (trigger passes included); the executor returns the slices' findings in
    entry order, so the result is the same as a serial run. ``meanwhile()``,
    if given, is called once, here, while the slices are checked (or before).
    """
    slices = _entry_slices(todo, executor or SerialExecutor())
    if len(slices) < 2:
        executor = SerialExecutor()
    parts = executor.map(_check_slice, slices, shared=(run, todo), meanwhile=meanwhile)
    return [(found, blob, todo[lo + i]) for (lo, _hi), part in zip(slices, parts)
            for i, (found, blob) in enumerate(part)]


def _selected_checks(select: set[str] | None, ignore: Iterable[str]) -> list[CheckSpec]:
    """The checks that run: those selected (all when ``select`` is None), less the suppressible ones ignored."""
    ignored = set(ignore)
    return [s for s in all_checks() if (select is None or s.code in select)
            and not (s.suppressible and s.code in ignored)]


def _cache_keys(po: polib.POFile, ctx: CatalogContext, entry_specs: list[CheckSpec]) -> dict[int, str]:
    """The cache key of each checked entry (by ``id``); empty when the glossary has no version to key on."""
    from l10n.checks import cache as C

    base = C.catalog_key(locale=ctx.locale, glossary=ctx.glossary, codes=[s.code for s in entry_specs],
                         options=ctx.options, plural_forms=po.metadata.get("Plural-Forms", ""),
                         nplurals=ctx.nplurals)
    return {id(e): C.entry_key(base, e) for e in po if not e.obsolete and (e.msgid or e.msgctxt)} if base else {}


def _stored(cache: MutableMapping[str, str], keys: dict[int, str]) -> dict[int, str]:
    """The cached findings of the entries (by ``id``) whose keys the cache holds."""
    if not keys:
        return {}
    getter = getattr(cache, "get_many", None)
    stored = getter(list(keys.values())) if getter else {k: cache[k] for k in keys.values() if k in cache}
    return {i: stored[k] for i, k in keys.items() if k in stored}


def _split_cached(po: polib.POFile, ctx: CatalogContext, cached: dict[int, str]) -> tuple[list[Finding], list[Any]]:
    """The findings of earlier runs, and the entries left to check."""
    findings: list[Finding] = []
    todo: list[Any] = []
    for entry in po:
        if entry.obsolete or (entry.msgid == "" and not entry.msgctxt):
            continue
        hit = cached.get(id(entry)) if cached else None
        if hit is not None:
            from l10n.checks.cache import decode_findings

            findings.extend(decode_findings(hit, path=ctx.path, locale=ctx.locale, linenum=entry.linenum))
        else:
            todo.append(entry)
    return findings, todo


def check_catalog(po: polib.POFile, *, locale: str, glossary: Any | None, template: polib.POFile | None = None,
                  path: str = "", select: set[str] | None = None, ignore: Iterable[str] = (),
                  options: Mapping[str, Any] | None = None, memo: RunMemo | None = None,
                  cache: MutableMapping[str, str] | None = None, executor: Executor | None = None) -> list[Finding]:
    """Run every (selected) check on a locale catalog; return the findings in file order.

    ``select`` limits the run to these codes; ``ignore`` drops suppressible
    codes (the project's disable list). ``options`` (from ``[tool.l10n.check]``)
    may set ``length_ratio = {es = [0.6, 2.0]}``. ``memo`` shares the per-text
    analysis between the catalogs of one run (each distinct msgid analysed once).
    ``cache`` (see :mod:`l10n.checks.cache`) holds the entry checks' findings of
    earlier runs, keyed by a hash of the entry, the locale, the glossary version,
    the code and the selection; catalog checks always run. ``executor`` (see
    :mod:`l10n.execute`; None: here) checks a large catalog's entries in slices,
    possibly in parallel (see :func:`_run_entries`); the findings are the same,
    in the same order.
    """
    ctx = CatalogContext(locale=locale, glossary=glossary, template=template, path=path, options=options,
                         memo=memo)
    ctx.catalog = po
    ctx.nplurals = _plural_count(po, locale)
    specs = _selected_checks(select, ignore)
    ctx.codes = frozenset(s.code for s in specs)
    entry_specs = [s for s in specs if s.scope == "entry"]
    keys = _cache_keys(po, ctx, entry_specs) if cache is not None else {}
    # first pass: findings of earlier runs; the rest is work
    findings, todo = _split_cached(po, ctx, _stored(cache, keys) if keys else {})
    catalog_found: list[Finding] = []

    def catalog_checks() -> None:  # here, while the workers (if any) check the entries
        for spec in specs:
            if spec.scope == "catalog":
                _run(spec, (po, ctx), ctx, None, catalog_found)

    for found, blob, entry in _run_entries(_EntryRun(ctx, entry_specs, bool(keys)), todo, executor, catalog_checks):
        findings.extend(found)
        if keys:
            cache[keys[id(entry)]] = blob  # type: ignore[index]
    findings[:0] = catalog_found  # before the entries' findings, as they were run first (the sort is stable)
    findings.sort(key=lambda f: (f.line, f.code))
    return findings


def check_file(data: bytes, *, locale: str | None, glossary: Any | None, template: polib.POFile | None = None,
               path: str = "", select: set[str] | None = None, ignore: Iterable[str] = (),
               options: Mapping[str, Any] | None = None, memo: RunMemo | None = None,
               cache: MutableMapping[str, str] | None = None,
               executor: Executor | None = None) -> tuple[list[Finding], str]:
    """Parse PO bytes as ``msgfmt -c`` would and check them.

    Syntax errors are ``L10N101`` findings, not exceptions. The locale is
    ``locale``, else the catalog's ``Language`` header, else the gettext path
    (:func:`catalog_locale`); a file whose locale is not known gets an
    ``L10N107`` finding (and its syntax findings) instead of its checks: no
    file stops a run. Returns (findings, locale in Babel's form). ``executor``
    checks a large catalog's entries (see :func:`check_catalog`).
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
                                        cache=cache, executor=executor)
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
