"""The run memo is bounded: a huge catalog's analyses do not all stay in memory."""

from __future__ import annotations

from l10n.checks import context
from l10n.checks.context import CatalogContext, RunMemo


def test_run_memo_starts_again_when_full(monkeypatch) -> None:
    monkeypatch.setattr(context, "RUN_MEMO_LIMIT", 10)
    memo = RunMemo()
    ctx = CatalogContext(locale="es", memo=memo)
    calls = []
    for i in range(25):
        assert ctx.src("len", f"text {i}", lambda i=i: calls.append(i) or i) == i
        assert ctx.tgt("len", f"texto {i}", lambda i=i: i) == i
        assert len(ctx._src_cache) <= 10 and len(ctx._tgt_cache) <= 10
    assert ctx.src("len", "text 24", lambda: -1) == 24  # still memoised: computed once
    assert calls == list(range(25))


def test_run_memo_shares_results_between_catalogs() -> None:
    memo = RunMemo()
    one, two = CatalogContext(locale="es", memo=memo), CatalogContext(locale="fr", memo=memo)
    assert one.src("words", "Take 2 tablets.", lambda: 1) == 1
    assert two.src("words", "Take 2 tablets.", lambda: 2) == 1
