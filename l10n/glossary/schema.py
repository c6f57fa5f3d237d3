"""The schema of glossary.yaml and its validation (pure: a mapping in, values out).

Layout (every key below is known; any other key is an error)::

    version: 1
    rules:                       # per-locale word lists, "en" included
      en: {negations: [...], hedges: [...], inflated: [...], local_numbers: ["911"]}
    terms:
      - id: opioid-receptor      # optional: derived from ``source``
        source: opioid receptor
        kind: pharmacology       # botanical | compound | medical | pharmacology | care | general
        definition: ...
        variants: [opioid receptors]
        nonstandard: [opiate receptor]
        misspellings: [...]
        keep: false              # never translated anywhere (Latin binomials)
        keep_in: [fr]            # locales writing the source form
        targets:
          es: receptor opioide                  # or {text: ..., forms: [...]}
        forbidden:
          es: [receptor opiáceo]
    disclaimers:
      - id: not-medical-advice
        text: ...
        severity: critical       # critical | error
        match: text              # text | marker | both
        standard: false
        documents: [article.md]
        negations: [not]
        hedges: [may]
        translations:
          es: {text: ..., reviewed_by: ..., reviewed_on: 2026-01-31, source_sha256: ...,
               required: [...], negations: [...], hedges: [...]}

Every problem is collected, with the line it is on; :class:`GlossaryError`
lists them all at once.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from datetime import date
from types import MappingProxyType
from typing import Any

from l10n.errors import GlossaryError, LocaleError
from l10n.glossary.model import (Disclaimer, DisclaimerTranslation, LocaleRules, Term, TermTarget, fold_text,
                                 text_sha256)
from l10n.locales import normalize_locale

__all__ = ["KINDS", "MATCHES", "SEVERITIES", "Problems", "parse_parts"]

KINDS = ("botanical", "compound", "medical", "pharmacology", "care", "general")
SEVERITIES = ("critical", "error")
MATCHES = ("text", "marker", "both")

_TOP = {"version", "rules", "terms", "disclaimers"}
_TERM = {"id", "source", "kind", "definition", "variants", "nonstandard", "misspellings", "keep", "keep_in",
         "targets", "forbidden"}
_TARGET = {"text", "forms"}
_DISC = {"id", "text", "severity", "match", "standard", "documents", "negations", "hedges", "translations"}
_TRANS = {"text", "reviewed_by", "reviewed_on", "source_sha256", "required", "negations", "hedges"}
_RULES = {"negations", "hedges", "inflated", "local_numbers"}
_ID = re.compile(r"^[a-z0-9][a-z0-9._-]*$")
_SHA = re.compile(r"^[0-9a-f]{64}$")


def slug(text: str) -> str:
    """An id from a term's source text.

    >>> slug("7-Hydroxymitragynine"), slug("opioid receptor")
    ('7-hydroxymitragynine', 'opioid-receptor')
    """
    return re.sub(r"[^a-z0-9]+", "-", text.casefold()).strip("-")


class Problems:
    """Collects ``path:line: message`` problems; lines come from a path -> line map."""

    def __init__(self, path: str, lines: Mapping[str, int] | None) -> None:
        self.path = path
        self.lines = lines or {}
        self.items: list[tuple[int, str]] = []

    def line(self, where: str) -> int:
        """The line of ``where`` (a data path such as ``terms[2].kind``) or of its nearest parent."""
        while where:
            if where in self.lines:
                return self.lines[where]
            cut = max(where.rfind("."), where.rfind("["))
            where = where[:cut] if cut > 0 else ""
        return 0

    def add(self, where: str, message: str) -> None:
        """Record a problem at the data path ``where``."""
        self.items.append((self.line(where), message))

    def raise_if_any(self) -> None:
        """Raise one :class:`GlossaryError` listing every problem, sorted by line."""
        if not self.items:
            return
        items = sorted(set(self.items))
        prefix = self.path or "glossary"
        problems = [f"{prefix}:{ln}: {msg}" if ln else f"{prefix}: {msg}" for ln, msg in items]
        n = len(items)
        summary = "; ".join(f"line {ln}: {msg}" if ln else msg for ln, msg in items)
        raise GlossaryError(f"{n} problem{'s' if n != 1 else ''} in the glossary: {summary}",
                            path=self.path or None, line=items[0][0] or None, problems=problems)


class _Reader:
    """Typed access to one mapping of the data, recording problems instead of raising."""

    def __init__(self, p: Problems, locales: Sequence[str], source_language: str) -> None:
        self.p = p
        self.locales = tuple(locales)
        self.source_language = source_language

    def mapping(self, value: Any, where: str, what: str, known: set[str]) -> dict[str, Any] | None:
        if not isinstance(value, Mapping):
            self.p.add(where, f"{what} must be a mapping, not {type(value).__name__}")
            return None
        for key in value:
            if not isinstance(key, str) or key not in known:
                self.p.add(f"{where}.{key}", f"unknown key {key!r} in {what} (known: {', '.join(sorted(known))})")
        return {k: v for k, v in value.items() if isinstance(k, str) and k in known}

    def text(self, m: Mapping[str, Any], key: str, where: str, what: str, *, required: bool = False,
             default: str = "") -> str:
        if key not in m or m[key] is None:
            if required:
                self.p.add(where, f"{what} has no {key}")
            return default
        value = m[key]
        if isinstance(value, (date,)):
            value = value.isoformat()
        if not isinstance(value, (str, int, float)) or isinstance(value, bool) or not str(value).strip():
            self.p.add(f"{where}.{key}", f"{key} of {what} must be a non-empty string")
            return default
        return str(value).strip() if not isinstance(value, str) else value.strip()

    def strings(self, m: Mapping[str, Any], key: str, where: str, what: str) -> tuple[str, ...]:
        value = m.get(key)
        if value is None:
            return ()
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
            self.p.add(f"{where}.{key}", f"{key} of {what} must be a list of non-empty strings")
            return ()
        out: list[str] = []
        for v in value:
            v = " ".join(v.split())
            if v not in out:
                out.append(v)
        return tuple(out)

    def flag(self, m: Mapping[str, Any], key: str, where: str, what: str) -> bool:
        value = m.get(key, False)
        if not isinstance(value, bool):
            self.p.add(f"{where}.{key}", f"{key} of {what} must be true or false")
            return False
        return value

    def choice(self, m: Mapping[str, Any], key: str, where: str, what: str, options: Sequence[str],
               *, required: bool = False, default: str = "") -> str:
        value = self.text(m, key, where, what, required=required, default=default)
        if value and value not in options:
            self.p.add(f"{where}.{key}", f"{key} of {what} must be one of {', '.join(options)}, not {value!r}")
            return default
        return value

    def locale(self, code: Any, where: str, what: str, *, allow_source: bool = False) -> str | None:
        """The configured locale ``code`` names, or None (problem recorded)."""
        try:
            loc = normalize_locale(str(code))
        except LocaleError:
            self.p.add(where, f"{what}: {code!r} is not a locale code")
            return None
        if loc in self.locales or (allow_source and loc == self.source_language):
            return loc
        self.p.add(where, f"{what}: locale {code!r} is not configured (configured: {', '.join(self.locales)})")
        return None


def _entries(r: _Reader, data: Any, key: str) -> list[Any]:
    """The list under the top-level ``key`` (terms, disclaimers); empty, with a problem, if it is no list."""
    if data is None:
        return []
    if not isinstance(data, list):
        r.p.add(key, f"{key} must be a list")
        return []
    return data


def _entry_mapping(r: _Reader, raw: Any, where: str, noun: str, key: str, i: int,
                   known: set[str]) -> dict[str, Any] | None:
    peek = raw.get(key) if isinstance(raw, Mapping) else None
    return r.mapping(raw, where, f"{noun} {peek!r}" if isinstance(peek, str) else f"{noun} #{i + 1}", known)


def _check_id(r: _Reader, ident: str, where: str, what: str) -> None:
    if ident and not _ID.match(ident):
        r.p.add(f"{where}.id", f"id {ident!r} of {what} must be lower-case letters, digits, '.', '_' or '-'")


def _locale_map(r: _Reader, m: Mapping[str, Any], key: str, where: str, what: str, shape: str) -> Mapping[Any, Any]:
    """The mapping locale -> value under ``key`` (empty, with a problem, if it is no mapping)."""
    raw = m.get(key) or {}
    if not isinstance(raw, Mapping):
        r.p.add(f"{where}.{key}", f"{key} of {what} must be a mapping locale -> {shape}")
        return {}
    return raw


def _keep_in(r: _Reader, m: Mapping[str, Any], where: str, what: str) -> set[str]:
    keep_in: set[str] = set()
    for j, code in enumerate(r.strings(m, "keep_in", where, what)):
        loc = r.locale(code, f"{where}.keep_in[{j}]", f"keep_in of {what}")
        if loc:
            keep_in.add(loc)
    return keep_in


def _targets(r: _Reader, m: Mapping[str, Any], where: str, what: str) -> dict[str, TermTarget]:
    targets: dict[str, TermTarget] = {}
    for code, value in _locale_map(r, m, "targets", where, what, "translation").items():
        tw = f"{where}.targets.{code}"
        loc = r.locale(code, tw, f"targets of {what}")
        if isinstance(value, str):
            value = {"text": value}
        tm = r.mapping(value, tw, f"the {code} target of {what}", _TARGET)
        if tm is None or loc is None:
            continue
        text = " ".join(r.text(tm, "text", tw, f"the {code} target of {what}", required=True).split())
        forms = r.strings(tm, "forms", tw, f"the {code} target of {what}")
        if text:
            targets[loc] = TermTarget(text, (text, *(f for f in forms if f != text)))
    return targets


def _forbidden(r: _Reader, m: Mapping[str, Any], where: str, what: str,
               targets: Mapping[str, TermTarget]) -> dict[str, tuple[str, ...]]:
    forbidden: dict[str, tuple[str, ...]] = {}
    for code, value in _locale_map(r, m, "forbidden", where, what, "list").items():
        fw = f"{where}.forbidden.{code}"
        loc = r.locale(code, fw, f"forbidden of {what}")
        words = r.strings({"x": value}, "x", fw, f"the {code} forbidden list of {what}")
        if loc is None:
            continue
        tgt = targets.get(loc)
        clash = [w for w in words if tgt is not None and w.casefold() in {f.casefold() for f in tgt.forms}]
        if clash:
            r.p.add(fw, f"{what}: {', '.join(clash)} is both an approved and a forbidden {loc} form")
        forbidden[loc] = words
    return forbidden


def _check_coverage(r: _Reader, where: str, what: str, source: str, keep: bool, keep_in: set[str],
                    targets: Mapping[str, TermTarget]) -> None:
    """A term is kept, or translated, in every configured locale, and never both."""
    if keep and targets:
        r.p.add(f"{where}.targets", f"{what} is kept in every locale (keep: true) but has targets")
    for loc in keep_in & set(targets):
        r.p.add(f"{where}.targets.{loc}", f"{what} is kept in {loc} (keep_in) but has a {loc} target")
    if keep:
        return
    missing = [loc for loc in r.locales if loc not in targets and loc not in keep_in]
    if missing and source:
        r.p.add(f"{where}.targets", f"{what} has no approved translation for {', '.join(missing)} "
                "(add a target, or keep_in)")


def _claim_id(r: _Reader, ident: str, where: str, noun: str, seen: dict[str, int]) -> None:
    if ident in seen:
        r.p.add(where, f"duplicate {noun} {ident!r} (first defined on line {seen[ident]})")
    elif ident:
        seen[ident] = r.p.line(where)


def _claim_forms(r: _Reader, forms: Sequence[str], tid: str, where: str, what: str, seen: dict[str, str]) -> None:
    for form in forms:
        key = form.casefold()
        if not key:
            continue
        if key in seen and seen[key] != tid:
            r.p.add(where, f"{what}: the form {form!r} also belongs to term {seen[key]!r}")
        seen.setdefault(key, tid)


def _term(r: _Reader, m: Mapping[str, Any], i: int, where: str, seen_ids: dict[str, int],
          seen_forms: dict[str, str]) -> Term | None:
    source = " ".join(r.text(m, "source", where, f"term #{i + 1}", required=True).split())
    what = f"term {source!r}" if source else f"term #{i + 1}"
    tid = r.text(m, "id", where, what) or slug(source)
    _check_id(r, tid, where, what)
    kind = r.choice(m, "kind", where, what, KINDS, required=True)
    definition = r.text(m, "definition", where, what)
    variants = r.strings(m, "variants", where, what)
    nonstandard = r.strings(m, "nonstandard", where, what)
    misspellings = r.strings(m, "misspellings", where, what)
    keep = r.flag(m, "keep", where, what)
    keep_in = _keep_in(r, m, where, what)
    targets = _targets(r, m, where, what)
    forbidden = _forbidden(r, m, where, what, targets)
    _check_coverage(r, where, what, source, keep, keep_in, targets)
    if tid:
        _claim_id(r, tid, where, "term", seen_ids)
    _claim_forms(r, (source, *variants, *nonstandard, *misspellings), tid, where, what, seen_forms)
    if not (source and kind):
        return None
    return Term(id=tid, source=source, kind=kind, definition=definition, variants=variants,
                misspellings=misspellings, keep=keep, keep_in=frozenset(keep_in),
                targets=MappingProxyType(targets), forbidden=MappingProxyType(forbidden),
                nonstandard=nonstandard, line=r.p.line(where))


def _terms(r: _Reader, data: Any) -> tuple[Term, ...]:
    out: list[Term] = []
    seen_ids: dict[str, int] = {}
    seen_forms: dict[str, str] = {}
    for i, raw in enumerate(_entries(r, data, "terms")):
        where = f"terms[{i}]"
        m = _entry_mapping(r, raw, where, "term", "source", i, _TERM)
        term = None if m is None else _term(r, m, i, where, seen_ids, seen_forms)
        if term is not None:
            out.append(term)
    return tuple(out)


def _folded(text: str) -> str:
    return fold_text(text, quotes=True).casefold()


def _check_words(r: _Reader, where: str, what: str, text: str, negations: Sequence[str],
                 hedges: Sequence[str]) -> None:
    """Every negation and hedge a disclaimer names is in its English text."""
    low = _folded(text)
    for kind, words in (("negation", negations), ("hedge", hedges)):
        for w in words:
            if _folded(w) not in low:
                r.p.add(f"{where}.{kind}s", f"{what}: the {kind} {w!r} is not in its English text")


def _check_reviewed_on(r: _Reader, on: str, tw: str, tw_what: str) -> None:
    if not on:
        return
    try:
        date.fromisoformat(on)
    except ValueError:
        r.p.add(f"{tw}.reviewed_on", f"reviewed_on of {tw_what} must be a date YYYY-MM-DD, not {on!r}")


def _translation_lists(r: _Reader, tm: Mapping[str, Any], tw: str, tw_what: str,
                       ttext: str) -> dict[str, tuple[str, ...]]:
    """The required wording, negations and hedges of a translation, each of them checked to be in its text."""
    lists = {k: r.strings(tm, k, tw, tw_what) for k in ("required", "negations", "hedges")}
    tlow = _folded(ttext)
    for k, words in lists.items():
        for w in words:
            if ttext and _folded(w) not in tlow:
                r.p.add(f"{tw}.{k}", f"{tw_what}: the {k.rstrip('s') if k != 'required' else 'required'} "
                        f"wording {w!r} is not in its text")
    return lists


def _translation(r: _Reader, tm: Mapping[str, Any], tw: str, tw_what: str) -> DisclaimerTranslation | None:
    ttext = fold_text(r.text(tm, "text", tw, tw_what, required=True))
    by = r.text(tm, "reviewed_by", tw, tw_what, required=True)
    on = r.text(tm, "reviewed_on", tw, tw_what, required=True)
    _check_reviewed_on(r, on, tw, tw_what)
    sha = r.text(tm, "source_sha256", tw, tw_what, required=True).lower()
    if sha and not _SHA.match(sha):
        r.p.add(f"{tw}.source_sha256", f"source_sha256 of {tw_what} must be 64 hex digits")
    lists = _translation_lists(r, tm, tw, tw_what, ttext)
    if not (ttext and by and on and sha):
        return None
    return DisclaimerTranslation(ttext, by, on, sha, lists["required"], lists["negations"], lists["hedges"])


def _translations(r: _Reader, m: Mapping[str, Any], where: str, what: str) -> dict[str, DisclaimerTranslation]:
    translations: dict[str, DisclaimerTranslation] = {}
    for code, value in _locale_map(r, m, "translations", where, what, "translation").items():
        tw = f"{where}.translations.{code}"
        loc = r.locale(code, tw, f"translations of {what}")
        tm = r.mapping(value, tw, f"the {code} translation of {what}", _TRANS)
        if tm is None or loc is None:
            continue
        found = _translation(r, tm, tw, f"the {code} translation of {what}")
        if found is not None:
            translations[loc] = found
    return translations


def _disclaimer_text(r: _Reader, m: Mapping[str, Any], where: str, what: str, did: str,
                     seen_text: dict[str, str]) -> str:
    text = fold_text(r.text(m, "text", where, what, required=True))
    if text:
        key = _folded(text)
        if key in seen_text:
            r.p.add(f"{where}.text", f"{what} has the same text as disclaimer {seen_text[key]!r}")
        seen_text.setdefault(key, did)
    return text


def _disclaimer(r: _Reader, m: Mapping[str, Any], i: int, where: str, seen: dict[str, int],
                seen_text: dict[str, str]) -> Disclaimer | None:
    did = r.text(m, "id", where, f"disclaimer #{i + 1}", required=True)
    what = f"disclaimer {did!r}" if did else f"disclaimer #{i + 1}"
    _check_id(r, did, where, what)
    _claim_id(r, did, where, "disclaimer", seen)
    text = _disclaimer_text(r, m, where, what, did, seen_text)
    severity = r.choice(m, "severity", where, what, SEVERITIES, default="critical")
    match = r.choice(m, "match", where, what, MATCHES, default="text")
    standard = r.flag(m, "standard", where, what)
    documents = r.strings(m, "documents", where, what)
    negations = r.strings(m, "negations", where, what)
    hedges = r.strings(m, "hedges", where, what)
    _check_words(r, where, what, text, negations, hedges)
    translations = _translations(r, m, where, what)
    if not (did and text):
        return None
    return Disclaimer(id=did, text=text, severity=severity or "critical", match=match or "text",
                      standard=standard, documents=documents, negations=negations, hedges=hedges,
                      translations=MappingProxyType(translations), line=r.p.line(where))


def _disclaimers(r: _Reader, data: Any) -> tuple[Disclaimer, ...]:
    out: list[Disclaimer] = []
    seen: dict[str, int] = {}
    seen_text: dict[str, str] = {}
    for i, raw in enumerate(_entries(r, data, "disclaimers")):
        where = f"disclaimers[{i}]"
        m = _entry_mapping(r, raw, where, "disclaimer", "id", i, _DISC)
        disclaimer = None if m is None else _disclaimer(r, m, i, where, seen, seen_text)
        if disclaimer is not None:
            out.append(disclaimer)
    return tuple(out)


def _rules(r: _Reader, data: Any) -> dict[str, LocaleRules]:
    if data is None:
        return {}
    if not isinstance(data, Mapping):
        r.p.add("rules", "rules must be a mapping locale -> word lists")
        return {}
    out: dict[str, LocaleRules] = {}
    for code, value in data.items():
        where = f"rules.{code}"
        loc = r.locale(code, where, "rules", allow_source=True)
        m = r.mapping(value, where, f"the {code} rules", _RULES)
        if m is None or loc is None:
            continue
        local = r.strings(m, "local_numbers", where, f"the {code} rules")
        bad = [n for n in local if not re.fullmatch(r"\+?[\d -]+", n) or not re.search(r"\d", n)]
        if bad:
            r.p.add(f"{where}.local_numbers", f"local_numbers of the {code} rules must be phone-like numbers "
                                              f"(digits, spaces, +, -), not {bad[0]!r}")
        local = tuple(dict.fromkeys(re.sub(r"\D", "", n) for n in local if n not in bad))
        out[loc] = LocaleRules(*(r.strings(m, k, where, f"the {code} rules") for k in ("negations", "hedges",
                                                                                        "inflated")),
                               local_numbers=local)
    return out


def parse_parts(data: Any, *, locales: Sequence[str], source_language: str = "en", path: str = "",
                lines: Mapping[str, int] | None = None
                ) -> tuple[tuple[Term, ...], tuple[Disclaimer, ...], dict[str, LocaleRules]]:
    """Validate ``data`` and return (terms, disclaimers, rules); raise GlossaryError listing every problem."""
    p = Problems(path, lines)
    r = _Reader(p, [normalize_locale(x) for x in locales], normalize_locale(source_language))
    if data is None:
        data = {}
    if not isinstance(data, Mapping):
        p.add("", f"the glossary must be a mapping with terms and disclaimers, not {type(data).__name__}")
        p.raise_if_any()
    top = r.mapping(data, "", "the glossary", _TOP) or {}
    version = top.get("version", 1)
    if version != 1:
        p.add("version", f"unsupported glossary version {version!r} (expected 1)")
    terms = _terms(r, top.get("terms"))
    disclaimers = _disclaimers(r, top.get("disclaimers"))
    rules = _rules(r, top.get("rules"))
    p.raise_if_any()
    return terms, disclaimers, rules


def stale_hint(disclaimer: Disclaimer) -> str:
    """The sha256 a re-approved translation of ``disclaimer`` must record."""
    return text_sha256(disclaimer.text)
