"""CLI command: translate (registered on import)."""

from __future__ import annotations

import json
from contextlib import ExitStack
from typing import Annotated

import typer

from l10n.cli._app import LocaleOpt, ProjectOpt, app, console, progress, settings_for
from l10n.errors import ConfigError

ProviderOpt = Annotated[str | None, typer.Option(
    "--provider", "-p", help="Engine: apertium, apy, pseudo, libre, google, deepl, ... "
    "Default: [tool.l10n.engines] for the locale.")]


@app.command("translate")
def translate_cmd(locale: LocaleOpt = None, provider: ProviderOpt = None, project: ProjectOpt = None,
                  base_url: Annotated[str | None, typer.Option(
                      "--base-url", help="Server of a LibreTranslate-, MyMemory- or APy-compatible engine.")] = None,
                  dry_run: Annotated[bool, typer.Option(
                      "--dry-run", help="Only tell what would be sent and what the memory holds.")] = False,
                  fmt: Annotated[str, typer.Option("--format", help="Output: text or json.")] = "text") -> None:
    """Fill untranslated catalog entries by machine translation.

    Glossary terms come back as approved, do-not-translate terms verbatim,
    markup and URLs as in the source; disclaimers are never sent. Output
    enters as fuzzy with '# machine translation: <engine>, <date>' for a
    person to review; human translations are never overwritten. Answers are
    kept in the translation memory ($L10N_TM, else [tool.l10n] tm, else
    .l10n/tm.sqlite), so nothing is sent twice. Keys come only from
    the environment variables named in [tool.l10n.providers.<name>].

    Exit 1 when some segments could not be translated (reasons listed).

    Examples:

        l10n translate -l es --provider apertium

        l10n translate -l fr --provider libre --dry-run --format json

        l10n translate -l en_XA --provider pseudo
    """
    from l10n.translate import translate_locale

    if fmt not in ("text", "json"):
        raise typer.BadParameter("must be 'text' or 'json'", param_hint="--format")
    settings = settings_for(project)
    summaries = []
    for loc in settings.resolve_locales(locale):
        name = provider or settings.engines.get(loc)
        if not name:
            raise ConfigError(f"no provider for {loc}: pass --provider or set it in [tool.l10n.engines]")
        opts = {"base_url": base_url} if base_url else None
        with ExitStack() as stack:
            state: dict = {"last": 0, "advance": None}

            def on_progress(done: int, total: int, _st=state, _loc=loc, _name=name) -> None:
                if _st["advance"] is None:  # the bar starts once the number to send is known
                    _st["advance"] = stack.enter_context(progress(f"{_loc} ({_name})", total))
                _st["advance"](done - _st["last"])
                _st["last"] = done

            summaries.append(translate_locale(settings, loc, name, dry_run=dry_run, options=opts,
                                              on_progress=on_progress))
    if fmt == "json":
        console.print_json(json.dumps([s.as_dict() for s in summaries]))
    else:
        for s in summaries:
            if s.dry_run:
                console.print(f"{s.locale} ({s.provider}): would send {s.sent_segments} segments, "
                              f"{s.sent_chars} characters; memory holds {s.from_memory}", markup=False)
            else:
                console.print(f"{s.locale} ({s.provider}): {s.translated} translated, sent {s.sent_segments} "
                              f"segments ({s.sent_chars} characters), {s.from_memory} from memory, "
                              f"{len(s.failed)} failed", markup=False)
                if s.kept:
                    console.print(f"  {s.kept} entries were translated by a person while this ran; their "
                                  "translation was kept", markup=False)
            for msgid, reason in s.failed:
                short = msgid if len(msgid) <= 60 else msgid[:57] + "..."
                console.print(f"  untranslated: {short!r}: {reason}", markup=False)
            for did in s.skipped_disclaimers:
                console.print(f"  disclaimer {did}: no approved translation for {s.locale}; left untranslated "
                              "(disclaimers are never machine-translated)", markup=False)
    if any(s.failed for s in summaries):
        raise typer.Exit(1)
