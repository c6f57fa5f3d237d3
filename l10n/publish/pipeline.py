"""The publishing stage on disk: assess, build, run.

This module (with :mod:`l10n.project`) is where paths meet the pure core:

* :func:`assess` reads documents, glossary and catalogs, runs the checks and
  builds every copy in memory (nothing written) — ``status`` and ``report``
  use it. The checks run on each catalog as stored (as ``l10n check`` does)
  and on the catalog *as it will be published*: unreviewed machine
  translation that the policy lets through is fuzzy, so ``l10n check``
  skips its content checks; here it is checked as if translated, and an
  entry with a finding that would block a reviewed translation is withheld
  (its segment shows the source text) instead of blocking the locale;
* :func:`build` publishes per **(article, locale)**: every copy that passed
  is written, atomically; a copy that did not is held back (its previous
  output removed: never a stale copy in ``dist/``) without touching the
  other articles of its locale; MO files go to
  ``dist/<locale>/LC_MESSAGES/<doc>.mo`` (published translations only) and
  ``dist/manifest.json`` records every (article, locale) with its status
  (published, not ready, held back, withdrawn) and reasons. Pseudo-locales
  (``en_XA``) are built for preview into ``<output>-preview/``, never into
  the published folder or manifest;
* :func:`run` is ``l10n run``: extract, update, machine-translate the locales
  that have an offline engine, build, report. It reads the project once
  (:mod:`l10n.snapshot`) and runs the stages as pure tasks
  (:mod:`l10n.stages`, :mod:`l10n.publish.stages`) through an executor and
  the stage cache (:mod:`l10n.execute.stagecache`): a rerun redoes only the
  work whose inputs changed.
"""

from __future__ import annotations

import dataclasses
import shutil
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any

import polib

import l10n
from l10n.catalogs import NullAnnotator, generate_mo, mo_messages
from l10n.fileio import atomic_write
from l10n.config import Settings
from l10n.errors import CatalogError, L10nError, PublishError
from l10n.model import MT_NOTE, Finding, Severity, disclaimer_of
from l10n.execute import Executor
from l10n.execute.stagecache import StageCache, Work, stage_key
from l10n.project import load_documents, read_catalog, rel
from l10n.snapshot import Snapshot, SourceDocument
from l10n.stages import CatalogItem
from l10n.checks.disclaimer import CONFIGURED_LOCALES
from l10n.publish.build import CopyBuild, Notice, build_document
from l10n.publish.manifest import (DocumentRecord, LocaleRecord, Manifest, Meaning, WithheldRecord, article_records,
                                   document_record, locale_record, merge_manifest, sha256_bytes)
from l10n.publish.policy import PublishPolicy, machine_translation_detector, parse_policy, published_as_machine

__all__ = ["MT_NOTE", "MT_WITHHELD_NOTE", "HELD_BACK", "NOT_READY", "PUBLISHED", "PREVIEW", "WITHDRAWN",
           "LocaleAssessment", "Reason", "RunResult", "Withheld", "assess", "build", "build_exit_code",
           "check_counts", "is_pseudo_locale", "mark_withdrawn", "preview_folder", "published_locales",
           "reasons_by_document", "report_locales", "run", "run_locales", "withheld_lines", "write_report"]

MANIFEST = "manifest.json"

#: Reason kinds. "incomplete" (not enough translated) is the only one that is not a safety failure.
INCOMPLETE, DISCLAIMER, CHECK, MARKUP, CATALOG = "incomplete", "disclaimer", "check", "markup", "catalog"
#: A document lacks a disclaimer the glossary requires: a source problem, fatal in every locale.
REQUIRED = "required"
#: A configured locale has no approved translation for a disclaimer an article carries (glossary.yaml).
UNAPPROVED = "unapproved"
#: The check that reports it in a catalog.
UNAPPROVED_CODE = "L10N708"

#: Reason kinds, gravest first (the order reasons are shown in).
_GRAVITY = {k: i for i, k in enumerate((REQUIRED, UNAPPROVED, DISCLAIMER, CHECK, MARKUP, CATALOG, INCOMPLETE))}

#: The status of one (article, locale). "not ready" (too little translated yet) is not an error;
#: "held back" is a safety reason (disclaimer, check, markup, source); "withdrawn" is a copy the
#: previous manifest published that this build no longer publishes; "preview" a pseudo-locale's copy.
PUBLISHED, NOT_READY, HELD_BACK, WITHDRAWN, PREVIEW = "published", "not ready", "held back", "withdrawn", "preview"

#: MT_NOTE (from l10n.model, shared with `l10n check --mt`) marks a finding on an entry the build would
#: publish as unreviewed machine translation; this one marks a finding that stops it from being published.
MT_WITHHELD_NOTE = "[unreviewed machine translation: withheld, the source text is published instead]"


@dataclass(frozen=True, slots=True)
class Reason:
    """Why a locale is not built: a kind (see module constants) and a message."""

    kind: str
    message: str
    document: str | None = None

    def __str__(self) -> str:
        return self.message


@dataclass(frozen=True, slots=True)
class Withheld:
    """One unreviewed machine translation not published: where it is and the findings that stopped it."""

    document: str
    msgctxt: str | None
    msgid: str
    reasons: tuple[str, ...]

    def __str__(self) -> str:
        return "; ".join(self.reasons)


@dataclass
class LocaleAssessment:
    """Everything known about one locale before writing: copies, findings, reasons."""

    locale: str
    copies: list[CopyBuild] = field(default_factory=list)
    catalogs: dict[str, tuple[Path, bytes, polib.POFile]] = field(default_factory=dict)
    findings: list[Finding] = field(default_factory=list)
    reasons: list[Reason] = field(default_factory=list)
    #: documents (relative to source_docs/) of every source article, in order
    documents: list[str] = field(default_factory=list)
    #: set by :func:`build`: the articles written (in the published folder, or the preview one)
    published: list[str] = field(default_factory=list)
    #: set by :func:`build`: articles the previous manifest published that are no longer published
    withdrawn: list[str] = field(default_factory=list)
    #: "meaning verified" or "meaning unverified" (see :mod:`l10n.checks.coverage`), and the meaning
    #: checks that cannot run for the language
    meaning: str = ""
    not_checked: tuple[str, ...] = ()
    #: set by :func:`run`: the MO and manifest entry of a copy (see :func:`prebuild_copy`), by document
    prebuilt: dict[str, tuple[bytes, DocumentRecord]] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        """True when every article of the locale may be published."""
        return not self.reasons

    @property
    def built(self) -> bool:
        """True when :func:`build` wrote at least one article of the locale."""
        return bool(self.published)

    @property
    def pseudo(self) -> bool:
        """A pseudo-locale: built for preview, never published."""
        return is_pseudo_locale(self.locale)

    def document_reasons(self, document: str) -> list[Reason]:
        """Why ``document`` may not be published in this locale (empty: it may), without repeats.

        The gravest first: a source or glossary problem, then disclaimers, checks, markup, and
        incompleteness last (in their order of discovery within a kind).
        """
        out: list[Reason] = []
        for r in self.reasons:
            if (r.document is None or r.document == document) and r not in out:
                out.append(r)
        return sorted(out, key=lambda r: _GRAVITY.get(r.kind, len(_GRAVITY)))

    def publishable(self, document: str) -> bool:
        """True when ``document`` may be published in this locale."""
        return not self.document_reasons(document)

    def not_ready(self, document: str) -> bool:
        """``document`` is held back only because it is not translated enough yet (not an error)."""
        reasons = self.document_reasons(document)
        if not reasons or any(r.kind in (REQUIRED, UNAPPROVED) for r in reasons):
            return False  # a source article lost a required disclaimer, or the glossary lost an approval
        if all(r.kind == INCOMPLETE for r in reasons):
            return True
        # An untranslated article also lacks its disclaimers: that is "not translated", not "unsafe".
        copy = self.copy(document)
        if copy is None:
            return all(r.kind == INCOMPLETE for r in reasons)
        c = copy.counts
        return c.get("translated", 0) + c.get("machine", 0) + c.get("withheld", 0) == 0

    def status(self, document: str) -> str:
        """The status of (``document``, this locale): see the module's status constants."""
        if self.publishable(document):
            return PREVIEW if self.pseudo else PUBLISHED
        if document in self.withdrawn:
            return WITHDRAWN
        return NOT_READY if self.not_ready(document) else HELD_BACK

    def copy(self, document: str) -> CopyBuild | None:
        """The copy of ``document`` built in memory (None when its catalog is missing)."""
        return next((c for c in self.copies if c.document == document), None)

    @property
    def publishable_documents(self) -> list[str]:
        """The articles that may be published, in document order."""
        return [d for d in self.documents if self.publishable(d)]

    @property
    def unsafe_documents(self) -> list[str]:
        """The articles held back for a safety reason (not merely not translated yet)."""
        return [d for d in self.documents if not self.publishable(d) and not self.not_ready(d)]

    @property
    def completeness(self) -> float:
        """Share of segments published translated, over every document."""
        total = sum(sum(c.counts.values()) for c in self.copies)
        return round(sum(len(c.published) for c in self.copies) / total, 4) if total else 0.0

    @property
    def withheld(self) -> list[Withheld]:
        """Unreviewed machine translations not published because a check failed on them (document order)."""
        return [Withheld(c.document, ctxt, msgid, reasons)
                for c in self.copies for (ctxt, msgid), reasons in c.withheld.items()]

    @property
    def safety_failure(self) -> bool:
        """True when an article is held back for a safety reason (disclaimer, check, markup, source)."""
        return bool(self.unsafe_documents)


def is_pseudo_locale(locale: str) -> bool:
    """True for a pseudo-locale (``en_XA``): built for preview, never published."""
    from l10n.locales import PSEUDO_LOCALES

    return locale in PSEUDO_LOCALES


def preview_folder(settings: Settings) -> Path:
    """Where pseudo-locales are built: ``<output>-preview/`` next to the published folder."""
    return settings.output.with_name(settings.output.name + "-preview")


def _glossary(settings: Settings) -> Any:
    """The glossary (an annotator), or a null annotator when the project has none.

    A glossary configured in ``[tool.l10n] glossary`` but absent is an error
    (:class:`~l10n.errors.GlossaryError`): publishing without it would strip
    every disclaimer of its protection.
    """
    from l10n.project import load_project_glossary

    glossary = load_project_glossary(settings)
    return NullAnnotator() if glossary is None else glossary


def _notices(glossary: Any, locale: str) -> tuple[Notice, ...]:
    out = []
    for d in getattr(glossary, "disclaimers", ()) or ():
        if not getattr(d, "standard", False):
            continue
        tr = d.approved_for(locale)
        stale = bool(getattr(d, "is_stale", lambda loc: False)(locale))
        out.append(Notice(id=d.id, source=d.text, text=None if tr is None or stale else tr.text))
    return tuple(sorted(out, key=lambda n: n.id))


def _required(glossary: Any, document: str) -> tuple[str, ...]:
    """Disclaimer ids the glossary says ``document`` (relative to source_docs/) must carry."""
    return tuple(sorted(d.id for d in getattr(glossary, "disclaimers", ()) or ()
                        if document in (getattr(d, "documents", ()) or ())))


def _approved(glossary: Any, locale: str) -> Callable[[str], str | None]:
    def approved(did: str) -> str | None:
        getter = getattr(glossary, "disclaimer", None)
        if getter is None:
            return None
        try:
            d = getter(did)
        except (KeyError, L10nError):
            return None
        tr = d.approved_for(locale) if d is not None else None
        return tr.text if tr is not None else None
    return approved


def _check_module():
    try:
        import l10n.checks as checks
    except ImportError:
        return None
    return checks


def blocking(finding: Finding) -> bool:
    """A finding that stops a locale from being published (or withholds a machine translation).

    Any error that stands: a waivable one (a changed link, a dropped
    sentence, an inflated claim, markup) blocks until it is fixed or waived
    with a reason (``# l10n-waive: CODE reason``, which removes the finding);
    the others cannot be waived. Warnings never block.
    """
    return finding.severity >= Severity.ERROR


def _where(f: Finding) -> str:
    return f"{f.path}:{f.line}: " if f.path else ""


def _finding_reason(f: Finding, document: str | None = None) -> Reason:
    kind = UNAPPROVED if f.code == UNAPPROVED_CODE else \
        DISCLAIMER if disclaimer_of(f.msgctxt) is not None else CHECK
    return Reason(kind, f"{_where(f)}{f.code} {f.message}", document)


def _as_published(po: polib.POFile, *, locale: str, policy: PublishPolicy,
                  is_mt: Callable[[polib.POEntry], bool]) -> tuple[polib.POFile, set[tuple[str | None, str]]]:
    """``po`` as the build would publish it, and the keys of the entries that differ.

    Entries published as unreviewed machine translation (see
    :func:`~l10n.publish.policy.published_as_machine`) are copies without the
    fuzzy flag, so every content check runs on them; every other entry (and
    the catalog itself) is untouched. Line numbers are kept.
    """
    from l10n.checks.machine import unfuzzied_view

    return unfuzzied_view(po, lambda e: published_as_machine(e, locale=locale, policy=policy, is_mt=is_mt))


def _check_published(checks: Any, po: polib.POFile, *, locale: str, policy: PublishPolicy,
                     is_mt: Callable[[polib.POEntry], bool], **kwargs: Any
                     ) -> tuple[list[Finding], dict[tuple[str | None, str], tuple[str, ...]]]:
    """The findings of ``po`` as stored and as published; the machine translations to withhold.

    The catalog is checked as stored (the findings of ``l10n check``) then,
    when it has machine translation the policy would publish, as published
    (see :func:`_as_published`): the findings of the second run on those
    entries that the first did not report are added, marked as being about
    unreviewed machine translation. Such an entry with a :func:`blocking`
    finding (from either run) is returned with its reasons
    (``path:line: CODE message``), to be withheld rather than published.
    """
    memo = kwargs.pop("memo", None) or checks.RunMemo()
    found = checks.check_catalog(po, locale=locale, memo=memo, **kwargs)
    view, machine = _as_published(po, locale=locale, policy=policy, is_mt=is_mt)
    if not machine:
        return found, {}
    from l10n.checks.machine import as_published_findings

    extra = as_published_findings(checks.check_catalog, view, machine, found, locale=locale, memo=memo, **kwargs)
    withhold: dict[tuple[str | None, str], tuple[str, ...]] = {}
    out = []
    for f in found + extra:
        key = (f.msgctxt, f.msgid)
        if key in machine and blocking(f):
            message = f.message[:-len(MT_NOTE)].rstrip() if f.message.endswith(MT_NOTE) else f.message
            withhold[key] = withhold.get(key, ()) + (f"{_where(f)}{f.code} {message}",)
            f = dataclasses.replace(f, message=f"{message} {MT_WITHHELD_NOTE}")
        out.append(f)
    out.sort(key=lambda f: (f.line, f.code))
    return out, withhold


def assess(settings: Settings, locales: tuple[str, ...], *, policy: PublishPolicy | None = None,
           on_locale: Callable[[str], None] | None = None) -> list[LocaleAssessment]:
    """Build every copy of every locale in memory and decide which locales may be published."""
    policy = policy or parse_policy(settings.publish)
    docs = load_documents(settings)
    glossary = _glossary(settings)
    is_mt = machine_translation_detector()
    checks = _check_module()
    memo = checks.RunMemo() if checks is not None else None
    verdicts = judge_assets(settings)
    out = []
    for locale in locales:
        if on_locale:
            on_locale(locale)
        a = LocaleAssessment(locale, documents=[d.name for d in docs])
        ctx = DocumentContext(settings, locale, _meaning_policy(a, policy, glossary), glossary, is_mt, checks, memo,
                              verdicts)
        for doc in docs:
            _assess_into(a, ctx, doc)
        out.append(a)
    return out


def _assess_into(a: LocaleAssessment, ctx: DocumentContext, doc: Any) -> None:
    """Read one article's catalog of ``a.locale``, assess it (:func:`assess_document`) and record the result on ``a``."""
    settings = ctx.settings
    path = settings.po_path(a.locale, doc.domain)
    if not path.is_file():
        a.reasons.append(Reason(INCOMPLETE, f"no catalog {rel(settings, path)} (run `l10n update`)", doc.name))
        return
    data = path.read_bytes()
    po = read_catalog(path, settings, locale=a.locale)
    a.catalogs[doc.domain] = (path, data, po)
    pot_path = settings.pot_path(doc.domain)
    template = read_catalog(pot_path, settings) if ctx.checks is not None and pot_path.is_file() else None
    found, reasons, copy = assess_document(ctx, doc, po, template, path)
    a.findings.extend(found)
    a.reasons.extend(reasons)
    a.copies.append(copy)


@dataclass
class DocumentContext:
    """What assessing the documents of one locale shares: the locale's publishing policy (after
    :func:`_meaning_policy`), the glossary, the checks and the run's memos."""

    settings: Settings
    locale: str
    policy: PublishPolicy
    glossary: Any
    is_mt: Callable[[polib.POEntry], bool]
    checks: Any
    memo: Any = None
    #: the source folder's scriptable files (SVG images …) by name, each with the active content it carries
    #: (:func:`judge_assets`, judged once per run on the machine that read them: a worker reads no file)
    asset_verdicts: Mapping[str, tuple[str, ...]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.notices = _notices(self.glossary, self.locale)
        self.configured = self.locale in self.settings.locales and not is_pseudo_locale(self.locale)


def assess_document(ctx: DocumentContext, doc: Any, po: polib.POFile, template: polib.POFile | None,
                    path: Path) -> tuple[list[Finding], list[Reason], CopyBuild]:
    """Check one article's catalog (``po``, read from ``path``) and build its copy in memory: the findings,
    the reasons it may not be published (in order of discovery) and the copy."""
    findings: list[Finding] = []
    reasons: list[Reason] = []
    withhold: dict[tuple[str | None, str], tuple[str, ...]] = {}
    if ctx.checks is not None:
        findings, reasons, withhold = _check_catalog(ctx, doc, po, template, path)
    glossary = ctx.glossary
    copy = build_document(doc, po, locale=ctx.locale, policy=ctx.policy,
                          disclaimer_of=getattr(glossary, "disclaimer_id", lambda s: s.disclaimer_id),
                          approved=_approved(glossary, ctx.locale), notices=ctx.notices, is_mt=ctx.is_mt,
                          required=_required(glossary, doc.name), withhold=withhold)
    for asset, what in unsafe_assets(doc.name, copy.assets, ctx.asset_verdicts):
        reasons.append(Reason(MARKUP, f"{doc.name}: image {asset} carries active content ({what}); "
                                      "the article is not published with it", doc.name))
    reasons.extend(_problem_reason(p, doc.name, configured=ctx.configured) for p in copy.problems)
    if ctx.checks is not None and copy.files:
        found, why = _check_rendered_copy(ctx, doc.name, copy)
        findings.extend(found)
        reasons.extend(why)
    return findings, reasons, copy


def _check_catalog(ctx: DocumentContext, doc: Any, po: polib.POFile, template: polib.POFile | None, path: Path
                   ) -> tuple[list[Finding], list[Reason], dict[tuple[str | None, str], tuple[str, ...]]]:
    """Run the checks on one catalog (as stored and as published): the findings, the blocking ones as
    reasons, and the machine translations to withhold."""
    settings, glossary = ctx.settings, ctx.glossary
    found, withhold = _check_published(
        ctx.checks, po, locale=ctx.locale, policy=ctx.policy, is_mt=ctx.is_mt,
        glossary=glossary if ctx.notices or getattr(glossary, "disclaimers", None) is not None else None,
        template=template, path=rel(settings, path),
        options={**settings.check, CONFIGURED_LOCALES: tuple(settings.locales)}, memo=ctx.memo)
    # a blocking finding on machine translation withholds that entry, not the whole locale
    reasons = [_finding_reason(f, doc.name) for f in found
               if blocking(f) and (f.msgctxt, f.msgid) not in withhold]
    return list(found), reasons, withhold


def _problem_reason(problem: str, document: str, *, configured: bool) -> Reason:
    """The reason a copy's problem (see :class:`~l10n.publish.build.CopyBuild`) gives, by its kind."""
    kind = INCOMPLETE if "completeness threshold" in problem else \
        MARKUP if "markup" in problem or "cannot render" in problem else \
        REQUIRED if problem.startswith(f"document {document} must carry") else \
        UNAPPROVED if configured and problem.startswith("the standard safety notice") else DISCLAIMER
    return Reason(kind, f"{document}: {problem}", document)


def _check_rendered_copy(ctx: DocumentContext, document: str, copy: CopyBuild) -> tuple[list[Finding], list[Reason]]:
    """The rendered-copy checks on every file of a copy; an error is a disclaimer reason."""
    findings: list[Finding] = []
    reasons: list[Reason] = []
    for name, blob in sorted(copy.files.items()):
        fmt = name.rsplit(".", 1)[-1]
        found = ctx.checks.check_rendered(blob, fmt, locale=ctx.locale, glossary=ctx.glossary,
                                          expected=copy.disclaimers, path=f"{ctx.locale}/{name}")
        findings.extend(found)
        reasons.extend(Reason(DISCLAIMER, f"{ctx.locale}/{name}: {f.code} {f.message}", document)
                       for f in found if f.severity >= Severity.ERROR)
    return findings, reasons


def _meaning_policy(a: LocaleAssessment, policy: PublishPolicy, glossary: Any) -> PublishPolicy:
    """Record the locale's meaning coverage on ``a``; the policy for it: a locale whose meaning checks are
    not all active ("meaning unverified") publishes reviewed human translation only, never unreviewed
    machine translation (nothing would catch a reversed dose or negation in it)."""
    if a.pseudo:
        return policy
    from l10n.checks.coverage import coverage

    cov = coverage(a.locale, glossary)
    a.meaning, a.not_checked = cov.status, cov.not_checked
    if not cov.verified and policy.allows_machine_translation(a.locale):
        return dataclasses.replace(policy, allow_machine_translation=False)
    return policy


def judge_assets(source: Settings | Mapping[str, bytes | None]) -> dict[str, tuple[str, ...]]:
    """What each scriptable file of the source folder (SVG images …) carries that a browser would run, by name
    (empty: nothing); ``source`` is a snapshot's :attr:`~l10n.snapshot.Snapshot.scriptable` files, or the
    settings whose source folder is read now. A file that cannot be judged counts as active."""
    from l10n.pages.sanitize import active_file_content
    from l10n.snapshot import read_assets, source_paths

    if isinstance(source, Settings):
        source = read_assets(source, set(source_paths(source)), hashed=False)[1]
    return {name: active_file_content(name, data) for name, data in source.items()}


def asset_name(document: str, asset: str) -> str:
    """The name, relative to the source folder, of the file ``asset`` that the article ``document`` links to."""
    return (PurePosixPath(document).parent / asset).as_posix()


def unsafe_assets(document: str, assets: Iterable[str], verdicts: Mapping[str, tuple[str, ...]]
                  ) -> list[tuple[str, str]]:
    """The files an article links to that carry scripts, handlers or ``javascript:`` URLs (a browser runs them
    when the file is opened by itself), each with the first such thing, from ``verdicts`` (:func:`judge_assets`).

    A linked file the source folder does not have is not published (:func:`_write_locale` copies only files
    it judges safe), so it is not a reason here.
    """
    from l10n.pages.sanitize import is_scriptable_file

    out = []
    for asset in assets:
        name = asset_name(document, asset)
        what = verdicts.get(name) if is_scriptable_file(name) else None
        if what:
            out.append((asset, what[0]))
    return out


def _mo(po: polib.POFile, copy: CopyBuild) -> bytes:
    """An MO with exactly the translations the copy published."""
    published = polib.POFile()
    published.metadata = dict(po.metadata)
    for (ctxt, msgid), text in sorted(copy.published.items(), key=lambda kv: (kv[0][0] or "", kv[0][1])):
        published.append(polib.POEntry(msgctxt=ctxt, msgid=msgid, msgstr=text))
    return generate_mo(mo_messages(published, use_fuzzy=False))


def _copy_files(copy: CopyBuild, mo: bytes) -> dict[str, bytes]:
    """The files of a published copy, relative to the output folder: its pages and its MO."""
    files = {f"{copy.locale}/{name}": blob for name, blob in copy.files.items()}
    files[f"{copy.locale}/LC_MESSAGES/{copy.domain}.mo"] = mo
    return files


def prebuild_copy(settings: Settings, copy: CopyBuild, po: polib.POFile, path: Path,
                  data: bytes) -> tuple[bytes, DocumentRecord]:
    """What publishing ``copy`` (built from the catalog ``po``, read from ``path`` as ``data``) writes
    besides its pages, and records: its MO and its manifest record (a function of the copy and catalog)."""
    mo = _mo(po, copy)
    record = document_record(copy, files=_copy_files(copy, mo), catalog_path=rel(settings, path),
                             catalog_bytes=data, revision=po.metadata.get("PO-Revision-Date", ""),
                             withheld=_withheld_records(copy))
    return mo, record


def _withheld_records(copy: CopyBuild) -> tuple[WithheldRecord, ...]:
    """The manifest's record of the machine translations a copy did not publish (sorted, deterministic)."""
    return tuple(WithheldRecord(ctxt, msgid, tuple(reasons)) for (ctxt, msgid), reasons
                 in sorted(copy.withheld.items(), key=lambda kv: (kv[0][0] or "", kv[0][1])))


def _remove_tree(folder: Path, root: Path) -> bool:
    if folder.is_dir() and folder.resolve() != root.resolve() and root.resolve() in folder.resolve().parents:
        shutil.rmtree(folder)
        return True
    return False


def _write_locale(settings: Settings, a: LocaleAssessment, out_dir: Path,
                  written: list[Path]) -> tuple[dict[str, DocumentRecord], dict[str, str]]:
    """Write the publishable articles of one locale into ``out_dir/<locale>/``; delete every other file there.

    Returns the manifest's ``(documents, locale files)``; ``a.published`` lists the articles written.
    """
    folder = out_dir / a.locale
    keep: set[Path] = set()
    documents: dict[str, DocumentRecord] = {}
    assets: dict[str, bytes] = {}
    for copy in a.copies:
        if not a.publishable(copy.document):
            continue  # held back: its previous files are deleted below, the other articles stay
        path, data, po = a.catalogs[copy.domain]
        mo, entry = a.prebuilt.get(copy.document) or prebuild_copy(settings, copy, po, path, data)
        files = _copy_files(copy, mo)
        for asset in copy.assets:
            name = asset_name(copy.document, asset)
            if (blob := _publishable_asset(settings, name)) is not None:
                assets[f"{a.locale}/{name}"] = blob
        for name, blob in files.items():
            target = out_dir / name
            keep.add(target)
            if atomic_write(target, blob):
                written.append(target)
        documents[copy.document] = entry
        a.published.append(copy.document)
    for name, blob in assets.items():
        target = out_dir / name
        keep.add(target)
        if atomic_write(target, blob):
            written.append(target)
    if not documents:
        _remove_tree(folder, out_dir)
        return {}, {}
    for stale in sorted(p for p in folder.rglob("*") if p.is_file() and p not in keep):
        stale.unlink()
    return documents, {name: sha256_bytes(blob) for name, blob in assets.items()}


def _publishable_asset(settings: Settings, name: str) -> bytes | None:
    """The bytes of the source folder's file ``name`` as published, or None: missing, unreadable, or a
    scriptable file that carries active content now (judged again as written: the file may have changed
    since the run read it; the article's pages then link to no file rather than to an unsafe one)."""
    from l10n.pages.sanitize import active_file_content, is_scriptable_file

    src = settings.source_docs / name
    try:
        data = src.read_bytes() if src.is_file() else None
    except OSError:
        return None
    if data is None or is_scriptable_file(name) and active_file_content(name, data):
        return None
    return data


def _published_before(manifest: Manifest | None, locale: str) -> set[str]:
    """Articles of ``locale`` that ``manifest`` publishes, or records as withdrawn by an earlier build.

    So a withdrawal stays reported, with its reasons, until the article is published again.
    """
    return manifest.published_before(locale) if manifest is not None else set()


def mark_withdrawn(settings: Settings, assessments: list[LocaleAssessment]) -> None:
    """Without building: set ``withdrawn`` to the articles the output's manifest publishes that may no
    longer be published (what the next build withdraws), for ``status`` and ``report``."""
    for a in assessments:
        folder = preview_folder(settings) if a.pseudo else settings.output
        path = folder / MANIFEST
        before = _published_before(_read_manifest(settings, path), a.locale) if path.is_file() else set()
        a.withdrawn[:] = [d for d in a.documents if d in before and not a.publishable(d)]


def _read_manifest(settings: Settings, path: Path) -> Manifest | None:
    return Manifest.from_bytes(path.read_bytes(), rel(settings, path)) if path.is_file() else None


def build(settings: Settings, locales: tuple[str, ...], *, policy: PublishPolicy | None = None,
          on_locale: Callable[[str], None] | None = None,
          assessments: list[LocaleAssessment] | None = None) -> tuple[list[LocaleAssessment], list[Path]]:
    """Publish every (article, locale) that passes into ``settings.output``; returns (assessments, written files).

    The unit is the article in one locale: a reviewed article stays published
    when another article of its locale is incomplete or fails. An article
    that may not be published is *held back*: its previous output is removed
    (``dist/`` never holds a copy the manifest does not vouch for), and the
    manifest's ``articles`` say why; one the previous manifest published is
    recorded as *withdrawn* (``a.withdrawn``). Pseudo-locales are built into
    :func:`preview_folder` with their own manifest, and removed from the
    published folder and manifest. Files are written atomically and only when
    their bytes change. ``assessments`` (from :func:`assess`, same locales)
    avoids assessing twice.
    """
    results = assessments if assessments is not None else \
        assess(settings, locales, policy=policy, on_locale=on_locale)
    written: list[Path] = []
    targets = [(settings.output, [a for a in results if not a.pseudo]),
               (preview_folder(settings), [a for a in results if a.pseudo])]
    # both manifests are read before anything is written: a malformed one (exit 2) changes nothing
    previous_of = {out_dir: _read_manifest(settings, out_dir / MANIFEST) for out_dir, group in targets
                   if group or out_dir == settings.output}
    for out_dir, group in targets:
        published = out_dir == settings.output
        if not group and not published:
            continue
        previous = previous_of.get(out_dir)
        built, removed = _write_group(settings, group, out_dir, previous, written)
        if published:  # a pseudo-locale (this build's, or one an older version published) never stays in dist/
            pseudo_names = _pseudo_locales(results, previous)
            for loc in pseudo_names:
                _remove_tree(out_dir / loc, out_dir)
            removed.extend(pseudo_names)
        manifest = merge_manifest(previous, version=l10n.__version__, source_language=settings.source_language,
                                  built=built, removed=tuple(removed), articles=article_records(group),
                                  preview=not published)
        if atomic_write(out_dir / MANIFEST, manifest.to_bytes()):
            written.append(out_dir / MANIFEST)
    return results, written


def _write_group(settings: Settings, group: list[LocaleAssessment], out_dir: Path, previous: Manifest | None,
                 written: list[Path]) -> tuple[dict[str, LocaleRecord], list[str]]:
    """Write the locales of one output folder: the manifest records of those built, the locales removed.

    Sets each assessment's ``published`` and ``withdrawn`` (against ``previous``, the folder's manifest).
    """
    before = {a.locale: _published_before(previous, a.locale) for a in group}
    built: dict[str, LocaleRecord] = {}
    removed: list[str] = []
    for a in group:
        a.published.clear()
        documents, files = _write_locale(settings, a, out_dir, written)
        a.withdrawn[:] = [d for d in a.documents if d in before[a.locale] and d not in documents]
        if documents:  # with which meaning checks vouch for the published text
            meaning = Meaning(a.meaning, tuple(a.not_checked)) if a.meaning else None
            built[a.locale] = locale_record(a.locale, documents, files, meaning)
        else:
            removed.append(a.locale)
    return built, removed


def _pseudo_locales(results: list[LocaleAssessment], previous: Manifest | None) -> tuple[str, ...]:
    """The pseudo-locales built now or found in the previous manifest (an older version published them)."""
    old = previous or Manifest()
    return tuple(sorted({a.locale for a in results if a.pseudo} |
                        {loc for loc in (*old.locales, *old.articles) if is_pseudo_locale(loc)}))


@dataclass
class RunResult:
    """What ``l10n run`` did: translation summaries, the build, the dashboard path."""

    locales: tuple[str, ...]
    translated: dict[str, Any] = field(default_factory=dict)
    skipped: dict[str, str] = field(default_factory=dict)
    assessments: list[LocaleAssessment] = field(default_factory=list)
    report: Path | None = None

    #: locales named on the command line (``-l``): one of them with nothing built is an error
    requested: tuple[str, ...] = ()
    #: per stage ("extract", "update", "translate", "assess"): tasks computed and reused from the cache
    work: dict[str, Work] = field(default_factory=dict)

    @property
    def exit_code(self) -> int:
        """See :func:`build_exit_code`: being untranslated is not an error."""
        return build_exit_code(self.assessments, requested=self.requested)


def build_exit_code(assessments: list[LocaleAssessment], *, requested: tuple[str, ...] = ()) -> int:
    """The exit code of ``build`` and ``run``.

    0 when everything that is ready is built (an article or locale that is
    merely not translated enough yet is reported, not an error); 1 when an
    (article, locale) is held back for a safety reason (a disclaimer, a
    check, markup, a required disclaimer missing from the source, a
    disclaimer without an approved translation), or when a locale named in
    ``requested`` has no article built. A pseudo-locale (a preview) counts
    only when requested.
    """
    for a in assessments:
        if a.pseudo and a.locale not in requested:
            continue
        if a.unsafe_documents or (a.locale in requested and not a.built):
            return 1
    return 0


def run_locales(settings: Settings) -> tuple[str, ...]:
    """The configured locales plus any locale that has an engine (such as the pseudo-locale)."""
    extra = tuple(loc for loc in settings.engines if loc not in settings.locales)
    return tuple(settings.locales) + extra


def published_locales(settings: Settings) -> tuple[str, ...]:
    """The locales ``dist/manifest.json`` says are published (none when there is no readable manifest)."""
    path = settings.output / MANIFEST
    if not path.is_file():
        return ()
    try:
        return tuple(sorted(Manifest.from_bytes(path.read_bytes(), rel(settings, path)).locales))
    except L10nError:
        return ()


def report_locales(settings: Settings) -> tuple[str, ...]:
    """The dashboard's locales: :func:`run_locales` plus any other locale published in ``dist/``.

    ``l10n report`` and ``l10n run`` both use it, so they write the same page.
    """
    base = run_locales(settings)
    return base + tuple(loc for loc in published_locales(settings) if loc not in base)


def check_counts(a: LocaleAssessment) -> tuple[int, int, int]:
    """``(catalogs, errors, warnings)`` of the catalog checks of one assessed locale."""
    errors = sum(1 for f in a.findings if f.severity >= Severity.ERROR)
    warnings = sum(1 for f in a.findings if Severity.WARNING <= f.severity < Severity.ERROR)
    return len(a.catalogs), errors, warnings


def withheld_lines(a: LocaleAssessment, *, limit: int | None = None) -> list[str]:
    """What to tell about a locale's withheld machine translation (``l10n run`` prints it after the checks).

    Empty when nothing was withheld; else a summary line, then one line per
    finding (``path:line: CODE message``), at most ``limit`` of them.
    """
    held = a.withheld
    if not held:
        return []
    docs = sorted({w.document for w in held})
    lines = [f"{a.locale}: {len(held)} machine-translated segment(s) withheld in {', '.join(docs)} "
             "(a check failed on them: their segments fall back to the source text until a translator "
             "fixes them):"]
    reasons = [r for w in held for r in w.reasons]
    shown = reasons if limit is None else reasons[:limit]
    lines.extend(f"  {r}" for r in shown)
    if len(reasons) > len(shown):
        lines.append(f"  ... and {len(reasons) - len(shown)} more")
    return lines


def reasons_by_document(a: LocaleAssessment) -> dict[str | None, list[Reason]]:
    """A locale's reasons grouped by document (None: not about one document), in order, without repeats."""
    out: dict[str | None, list[Reason]] = {}
    for r in a.reasons:
        group = out.setdefault(r.document, [])
        if r not in group:
            group.append(r)
    return out


def _engine_available(name: str) -> str | None:
    """None when the engine can run offline here, else the reason it cannot."""
    if name == "apertium" and shutil.which("apertium") is None:
        return "apertium is not installed (apt install apertium apertium-eng-spa apertium-eng-cat)"
    return None


def run(settings: Settings, *, locales: tuple[str, ...] | None = None,
        on_step: Callable[[str], None] | None = None, executor: Executor | None = None,
        cache: bool = True) -> RunResult:
    """``l10n run``: extract, update, translate (offline engines), check and build, report.

    The project is read once (:func:`l10n.snapshot.read_snapshot`); extract, update and assess are
    pure tasks over its bytes (:mod:`l10n.stages`, :mod:`l10n.publish.stages`), run through
    ``executor`` (default: forked processes for large projects) and the stage cache under
    ``.l10n/cache/`` (``cache=False`` or ``L10N_NO_CACHE=1``: no cache), so a rerun redoes only the
    work whose inputs changed. Templates and catalogs are written together after update (the
    translation stage reads and writes catalogs itself, as ``l10n translate`` does); the published
    pages, manifests and dashboard at the end. ``RunResult.work`` counts computed and reused tasks.
    """
    from l10n.execute.stagecache import open_cache
    from l10n.snapshot import read_snapshot

    step = on_step or (lambda s: None)
    glossary = _glossary(settings)  # a configured glossary that is missing stops the run before anything is written
    requested = tuple(locales or ())
    locales = locales or run_locales(settings)
    result = RunResult(locales, requested=requested)
    store = open_cache(settings.state_dir, enabled=cache, allowed=_CACHED_CLASSES)
    executor = executor if executor is not None else _default_executor()
    if executor.distributed:  # before any stage writes: a worker elsewhere cannot share a SQLite memory
        _require_shared_memory(settings, locales, executor)
    step("extract")
    snap = first = read_snapshot(settings, locales)
    snap = _run_extract(snap, glossary, executor, store, result)
    step("update")
    snap = _run_update(snap, locales, glossary, executor, store, result)
    snap = _run_translate(snap, locales, executor, store, result, step)
    _settle_catalogs(snap, first, store)
    step("check")
    assessments = _run_assess(snap, locales, glossary, executor, store, result)
    for a in assessments:
        ncat, nerr, nwarn = check_counts(a)
        step(f"  {a.locale}: {ncat} catalog(s) checked, {nerr} error(s), {nwarn} warning(s)")
        for line in withheld_lines(a):
            step(f"  {line}")
    step("build")
    result.assessments, _ = build(settings, locales, assessments=assessments)
    step("report")
    order = report_locales(settings)
    order += tuple(loc for loc in locales if loc not in order)
    by_locale = {a.locale: a for a in result.assessments}
    extra = tuple(loc for loc in order if loc not in by_locale)
    if extra:
        by_locale.update((a.locale, a) for a in assess(settings, extra))
    result.report = write_report(settings, [by_locale[loc] for loc in order])
    store.prune()
    return result


def _cached_classes() -> tuple[type, ...]:
    from l10n.catalogs import UpdateStats
    from l10n.publish.stages import AssessOut
    from l10n.stages import CatalogOut, TemplateOut

    from l10n.publish.manifest import CatalogRecord, DisclaimerRecord

    classes: list[type] = [TemplateOut, CatalogOut, UpdateStats, AssessOut, CopyBuild, Finding, Severity, Reason,
                           DocumentRecord, CatalogRecord, DisclaimerRecord, WithheldRecord]
    try:
        from l10n.translate.run import TranslationSummary
    except ImportError:
        pass
    else:
        classes.append(TranslationSummary)
    return tuple(classes)


#: the only classes a stage cache entry may build (besides plain values): see :mod:`l10n.execute.stagecache`
_CACHED_CLASSES = _cached_classes()

def _default_executor() -> Executor:
    from l10n.execute import default_executor

    return default_executor()


def _run_extract(snap: Snapshot, glossary: Any, executor: Executor, store: StageCache, result: RunResult) -> Snapshot:
    """Extract every article's template (only those whose inputs changed); write the changed ones."""
    from l10n.catalogs.header import format_date, now
    from l10n.execute.stagecache import cached_map
    from l10n.project import _unique_domains
    from l10n.snapshot import Blob
    from l10n.stages import EXTRACT_VERSION, TemplateContext, TemplateItem, extract_template

    settings = snap.settings
    _unique_domains(settings, [(d.domain, d.name) for d in snap.documents])
    fresh = format_date(now())

    def key(doc: SourceDocument, template_hash: str) -> str:
        return stage_key("extract", EXTRACT_VERSION, doc.name, doc.sha256, template_hash, snap.glossary_hash,
                         snap.config_hash)

    items, keys = [], []
    for doc in snap.documents:
        old = snap.template(doc.domain)
        items.append(TemplateItem(doc.name, rel(settings, doc.path), doc.data, old.data if old else None, fresh))
        keys.append(key(doc, old.sha256 if old else "-"))
    ctx = lambda: TemplateContext(glossary, settings.project_name, settings.bugs_address,  # noqa: E731
                                  settings.unit, settings.source_language)
    outs, result.work["extract"] = cached_map(executor, store, "extract", extract_template, items, keys,
                                              shared_factory=ctx)
    templates = {}
    for doc, out in zip(snap.documents, outs):
        blob = Blob.of(settings.pot_path(doc.domain), out.data)
        templates[doc.domain] = blob
        if out.changed:
            # a template is its own fixed point: extracting the same article over it changes nothing
            store.put("extract", key(doc, blob.sha256), dataclasses.replace(out, changed=False))
            atomic_write(blob.path, blob.data)
    return snap.with_files(templates=templates)


def _run_update(snap: Snapshot, locales: tuple[str, ...], glossary: Any, executor: Executor, store: StageCache,
                result: RunResult) -> Snapshot:
    """Update every catalog of ``locales`` from its template (only those whose inputs changed); write them."""
    from l10n.catalogs.header import format_date, now
    from l10n.catalogs.lock import catalog_lock
    from l10n.execute.stagecache import cached_map
    from l10n.snapshot import Blob
    from l10n.stages import UpdateContext, update_catalog_bytes

    settings = snap.settings
    fresh = format_date(now())  # here: a worker never dates a catalog from its own clock
    if not snap.templates:
        raise CatalogError("no templates found; run `l10n extract` first", path=rel(settings, settings.locales_dir))
    items, keys = [], []
    for locale in locales:
        for domain, pot in sorted(snap.templates.items(), key=lambda kv: kv[1].path):
            old = snap.catalog(locale, domain)
            path = settings.po_path(locale, domain)
            items.append(CatalogItem(locale, rel(settings, pot.path), pot.data, rel(settings, path),
                                     old.data if old else None))
            keys.append(_update_key(snap, locale, pot.sha256, old.sha256 if old else "-"))
    outs, result.work["update"] = cached_map(executor, store, "update", update_catalog_bytes, items, keys,
                                             shared_factory=lambda: UpdateContext(glossary, fresh))
    catalogs = {}
    for item, out in zip(items, outs):
        domain = Path(item.template_name).stem
        path = settings.po_path(item.locale, domain)
        seen = snap.catalog(item.locale, domain)
        data = out.data
        if seen is None or seen.data != data:
            with catalog_lock(path, settings.state_dir, name=item.name):
                now_there = path.read_bytes() if path.is_file() else None
                if now_there != (seen.data if seen else None):  # written by another command meanwhile: merge that
                    data = update_catalog_bytes(UpdateContext(glossary, fresh),
                                                dataclasses.replace(item, old=now_there)).data
                atomic_write(path, data)
            catalogs[(item.locale, domain)] = Blob.of(path, data)
    return snap.with_files(catalogs=catalogs)


def _update_key(snap: Snapshot, locale: str, template_hash: str, catalog_hash: str) -> str:
    from l10n.stages import UPDATE_VERSION

    return stage_key("update", UPDATE_VERSION, locale, template_hash, catalog_hash, snap.glossary_hash,
                     snap.config_hash)


def _settle_catalogs(snap: Snapshot, before: Snapshot, store: StageCache) -> None:
    """Record every catalog this run wrote (update, translation) as update's fixed point.

    Updating a catalog from the template it was updated from changes nothing (a rerun changes no
    file), and translation fills entries without touching what update merges; so the next run
    finds these catalogs in the cache instead of merging them again.
    """
    from l10n.stages import CatalogOut

    if not store.enabled:
        return
    for (locale, domain), blob in snap.catalogs.items():
        pot, old = snap.template(domain), before.catalog(locale, domain)
        if pot is not None and (old is None or old.sha256 != blob.sha256):
            store.put("update", _update_key(snap, locale, pot.sha256, blob.sha256), CatalogOut(blob.data, None))


def _run_translate(snap: Snapshot, locales: tuple[str, ...], executor: Executor, store: StageCache,
                   result: RunResult, step: Callable[[str], None]) -> Snapshot:
    """Machine-translate the locales that have an offline engine, a task per catalog on ``executor``
    (:func:`l10n.translate.translate_locale`); a locale whose catalogs are as a previous run left them
    with nothing more to translate is not read again."""
    from l10n.execute.stagecache import MISS, Work

    settings = snap.settings
    translate = _translate_module()
    translate_locale = translate.translate_locale if translate is not None else None
    work = Work()
    for loc in locales:
        engine = settings.engines.get(loc)
        why = _why_not_translated(settings, engine, translate_locale is not None)
        if why:
            result.skipped[loc] = why
            continue
        step(f"translate {loc} ({engine})")
        done = store.get("translate", _translate_key(snap, loc, engine))
        if done is not MISS:  # its catalogs are as a run left them with nothing more to send
            result.translated[loc] = done
            work += Work(0, 1)
            continue
        work += Work(1, 0)
        try:
            summary = translate_locale(settings, loc, engine, executor=executor)
        except L10nError as exc:
            result.skipped[loc] = f"{engine}: {exc}"
            snap = snap.reread_catalogs((loc,))  # what it wrote before it stopped is what assess and build see
            continue
        result.translated[loc] = summary
        snap = snap.reread_catalogs((loc,)) if summary.files else snap
        if not summary.failed and not summary.kept:  # nothing left that a rerun would send
            store.put("translate", _translate_key(snap, loc, engine), _nothing_sent(summary))
    result.work["translate"] = work
    return snap


def _translate_module() -> Any:
    """:mod:`l10n.translate`, or None when the translation stage is not installed."""
    try:
        import l10n.translate as translate
    except ImportError:
        return None
    return translate


def _require_shared_memory(settings: Settings, locales: tuple[str, ...], executor: Executor) -> None:
    """ConfigError when the run will translate (see :func:`_run_translate`) on ``executor`` with a SQLite memory."""
    translate = _translate_module()
    translating = tuple(loc for loc in locales
                        if _why_not_translated(settings, settings.engines.get(loc), translate is not None) is None)
    if translating:
        translate.require_shared_memory(settings, executor, locales=translating)


def _why_not_translated(settings: Settings, engine: str | None, installed: bool) -> str | None:
    if not engine:
        return "no machine-translation engine configured; needs human translation"
    if not installed:
        return "the translation stage is not installed"
    return _engine_available(engine)


def _translate_key(snap: Snapshot, locale: str, engine: str) -> str:
    settings = snap.settings
    hashes = [f"{d}:{b.sha256}" for (loc, d), b in sorted(snap.catalogs.items()) if loc == locale]
    return stage_key("translate", "1", locale, engine, snap.glossary_hash, snap.config_hash,
                     repr(settings.providers.get(engine)), *hashes)


def _nothing_sent(summary: Any) -> Any:
    """What translating the locale again would report: nothing sent, nothing filled, nothing written."""
    return dataclasses.replace(summary, sent_segments=0, sent_chars=0, from_memory=0, translated=0, files=(),
                               kept=0)


def _run_assess(snap: Snapshot, locales: tuple[str, ...], glossary: Any, executor: Executor, store: StageCache,
                result: RunResult) -> list[LocaleAssessment]:
    """:func:`assess` over the snapshot, one cached task per (article, locale) that has a catalog."""
    from l10n.execute.stagecache import cached_map
    from l10n.publish.stages import AssessItem, AssessShared, assess_key, assess_task

    settings = snap.settings
    policy = parse_policy(settings.publish)
    out: list[LocaleAssessment] = []
    policies: dict[str, PublishPolicy] = {}
    items, keys = [], []
    for locale in locales:
        a = LocaleAssessment(locale, documents=[d.name for d in snap.documents])
        policies[locale] = _meaning_policy(a, policy, glossary)
        out.append(a)
        for doc in snap.documents:
            blob, pot = snap.catalog(locale, doc.domain), snap.template(doc.domain)
            if blob is None:
                continue
            items.append(AssessItem(locale, doc.name, doc.data, blob.path, blob.data,
                                    settings.pot_path(doc.domain), pot.data if pot else None))
            keys.append(assess_key(snap, locale, doc.name, doc.sha256, doc.domain))

    def shared() -> AssessShared:
        is_mt, checks = machine_translation_detector(), _check_module()
        memo, verdicts = (checks.RunMemo() if checks is not None else None), judge_assets(snap.scriptable)
        return AssessShared({loc: DocumentContext(settings, loc, policies[loc], glossary, is_mt, checks, memo,
                                                  verdicts)
                             for loc in locales}, assess_document, prebuild_copy)

    outs, result.work["assess"] = cached_map(executor, store, "assess", assess_task, items, keys,
                                             shared_factory=shared)
    done = {(item.locale, item.name): o for item, o in zip(items, outs)}
    for a in out:
        for doc in snap.documents:
            o = done.get((a.locale, doc.name))
            if o is None:
                path = settings.po_path(a.locale, doc.domain)
                a.reasons.append(Reason(INCOMPLETE, f"no catalog {rel(settings, path)} (run `l10n update`)", doc.name))
                continue
            blob = snap.catalog(a.locale, doc.domain)
            a.catalogs[doc.domain] = (blob.path, blob.data, _header_only(o.header))
            a.findings.extend(o.findings)
            a.reasons.extend(o.reasons)
            a.copies.append(o.copy)
            if o.prebuilt is not None:
                a.prebuilt[doc.name] = o.prebuilt
    return out


def _header_only(header: tuple[tuple[str, str], ...]) -> polib.POFile:
    """A catalog holding only its header: what building a copy reads of it (the MO's and manifest's metadata)."""
    po = polib.POFile()
    po.metadata = dict(header)
    return po


def write_report(settings: Settings, assessments: list[LocaleAssessment], path: Path | None = None) -> Path:
    """Write the dashboard (default ``dist/report.html``); returns its path."""
    from l10n.publish.report import render_report

    path = path or settings.output / "report.html"
    page = render_report(assessments, title=f"{settings.project_name}: translation status",
                         base=path.parent.resolve(), root=settings.root)
    atomic_write(path, page.encode("utf-8"))
    return path


def load_published_manifest(dist: Path) -> Manifest:
    """The manifest of a published folder (``<dist>/manifest.json``)."""
    path = dist / MANIFEST
    if not path.is_file():
        raise PublishError("no manifest.json: not a folder written by `l10n build`", path=str(dist))
    return Manifest.from_bytes(path.read_bytes(), str(path))
