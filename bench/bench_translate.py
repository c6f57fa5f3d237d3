"""Benchmarks of machine translation: ``python bench/bench_translate.py``.

1. The toolkit over the bundled corpus through Apertium (masking, one process
   per batch, validation, memory, catalog writes) against the raw
   ``apertium -u eng-spa`` pipe on the same text (target: at most 1.25x).
2. A local LibreTranslate-compatible server answering in 100 ms: throughput
   at concurrency 1, 4 and 16 (target: at least 10x at 16), within the rate limit.
3. A second run sends 0 characters (translation memory).
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from l10n.config import load_settings  # noqa: E402
from l10n.project import extract, update  # noqa: E402
from l10n.translate import translate_locale  # noqa: E402
from l10n.translate.base import parse_provider_config  # noqa: E402
from l10n.translate.registry import make_factory  # noqa: E402
from l10n.translate.resilience import RateLimiter, translate_texts  # noqa: E402
from tests.servers.libre import LibreServer  # noqa: E402

PYPROJECT = '[tool.l10n]\nsource_language = "en"\nlocales = ["es", "ca", "fr", "pt_BR", "ar"]\n'


def fresh_project(base: Path) -> Path:
    root = Path(tempfile.mkdtemp(dir=base))
    shutil.copytree(ROOT / "source_docs", root / "source_docs")
    if (ROOT / "glossary.yaml").is_file():
        shutil.copy(ROOT / "glossary.yaml", root / "glossary.yaml")
    (root / "pyproject.toml").write_text(PYPROJECT, encoding="utf-8")
    settings = load_settings(root)
    extract(settings)
    update(settings, ("es",))
    return root


def bench_apertium(base: Path, repeat: int = 5) -> None:
    if shutil.which("apertium") is None:
        print("apertium: not installed, skipped")
        return
    toolkit, raw = [], []
    msgids: list[str] = []
    for _ in range(repeat):
        root = fresh_project(base)
        settings = load_settings(root)
        t0 = time.perf_counter()
        summary = translate_locale(settings, "es", "apertium")
        toolkit.append(time.perf_counter() - t0)
        if not msgids:
            import polib
            for po in (root / "locales" / "es" / "LC_MESSAGES").glob("*.po"):
                msgids += [e.msgid for e in polib.pofile(str(po)) if not (e.msgctxt or "").startswith("disclaimer:")]
        text = "\n\n".join(msgids).encode("utf-8")
        t0 = time.perf_counter()
        subprocess.run(["apertium", "-u", "eng-spa"], input=text, capture_output=True, check=True)
        raw.append(time.perf_counter() - t0)
    t, r = min(toolkit), min(raw)
    print(f"apertium, bundled corpus into es ({summary.sent_segments} segments, {summary.sent_chars} chars): "
          f"toolkit {t * 1000:.0f} ms, raw pipe {r * 1000:.0f} ms, ratio {t / r:.2f}x (target <= 1.25x)")
    settings = load_settings(root)
    again = translate_locale(settings, "es", "apertium")
    print(f"second run: sent {again.sent_segments} segments, {again.sent_chars} characters (target 0)")


def bench_server(n: int = 64, rate: float = 200.0) -> None:
    texts = [f"Sentence number {i}: take kratom with care and talk to a doctor." for i in range(n)]
    results = {}
    with LibreServer(latency=0.1) as server:
        for conc in (1, 4, 16):
            config = parse_provider_config("libre", {"base_url": server.url, "timeout": 10, "concurrency": conc,
                                                     "rate_limit": rate})
            factory = make_factory(config, source="en", target="es")
            server.max_active = 0
            t0 = time.perf_counter()
            done = 0
            for batch in translate_texts(factory, texts, source="en", target="es", concurrency=conc,
                                         limiter=RateLimiter(rate)):
                done += sum(1 for _, a in batch if isinstance(a, str))
            dt = time.perf_counter() - t0
            results[conc] = done / dt
            print(f"libre @100 ms, concurrency {conc:2d}: {done}/{n} segments in {dt:.2f} s = "
                  f"{results[conc]:.1f} seg/s (max {server.max_active} in flight, rate limit {rate:g}/s)")
    print(f"speed-up: 4 workers {results[4] / results[1]:.1f}x, 16 workers {results[16] / results[1]:.1f}x "
          "(target >= 10x at 16)")


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        bench_apertium(Path(tmp))
    bench_server()


if __name__ == "__main__":
    main()
