"""A LibreTranslate-compatible server on 127.0.0.1, in a thread, for tests and benches.

``POST /translate`` (form or query parameters ``q``, ``source``, ``target``)
answers ``{"translatedText": ...}``: every letter outside ``⟦n⟧`` tokens
has its case swapped, so a translation is recognisable and never the source.
``script`` is a queue of what the next requests get instead:
``("429", retry_after)``, ``"500"``, ``"403"``, ``("stall", seconds)``,
``"truncate"``, ``"echo"``, ``"empty"``, ``"null"``, ``"drop-token"``.
``latency`` delays every answer (benchmarks). ``requests``, ``chars`` and
``max_active`` record what was received.

    with LibreServer() as server:
        server.url  # "http://127.0.0.1:<port>/"
"""

from __future__ import annotations

import json
import re
import threading
import time
from collections import deque
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlparse

_TOKEN = re.compile(r"(⟦\s*\d+\s*⟧)")


def fake_translate(text: str) -> str:
    """Swap the case of every letter outside tokens."""
    return "".join(p if i % 2 else p.swapcase() for i, p in enumerate(_TOKEN.split(text)))


class LibreServer:
    """Start with ``with LibreServer() as s:``; stops (and unblocks stalls) on exit."""

    def __init__(self, *, latency: float = 0.0) -> None:
        self.latency = latency
        self.script: deque[Any] = deque()
        self.requests: list[str] = []
        self.chars = 0
        self.active = 0
        self.max_active = 0
        self._lock = threading.Lock()
        self._stop = threading.Event()
        server = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: Any) -> None:  # quiet
                pass

            def _send(self, status: int, body: Any, headers: dict[str, str] | None = None) -> None:
                data = json.dumps(body).encode("utf-8")
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                for k, v in (headers or {}).items():
                    self.send_header(k, v)
                self.end_headers()
                self.wfile.write(data)

            def do_POST(self) -> None:  # noqa: N802
                params = parse_qs(urlparse(self.path).query)
                length = int(self.headers.get("Content-Length") or 0)
                if length:
                    params.update(parse_qs(self.rfile.read(length).decode("utf-8")))
                if urlparse(self.path).path.rstrip("/") != "/translate":
                    self._send(404, {"error": "not found"})
                    return
                q = params.get("q", [""])[0]
                with server._lock:
                    server.requests.append(q)
                    server.chars += len(q)
                    server.active += 1
                    server.max_active = max(server.max_active, server.active)
                    action = server.script.popleft() if server.script else "ok"
                try:
                    if server.latency:
                        time.sleep(server.latency)
                    server._answer(self, action, q)
                finally:
                    with server._lock:
                        server.active -= 1

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self._server.server_address[1]}/"
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    def _answer(self, h: Any, action: Any, q: str) -> None:
        kind, arg = (action if isinstance(action, tuple) else (action, None))
        if kind == "429":
            h._send(429, {"error": "Slowdown"}, {"Retry-After": str(arg if arg is not None else 1)})
        elif kind in ("500", "403"):
            h._send(int(kind), {"error": "nope"})
        elif kind == "stall":
            self._stop.wait(arg if arg is not None else 5.0)
            h._send(200, {"translatedText": fake_translate(q)})
        elif kind == "truncate":
            h._send(200, {"translatedText": fake_translate(q)[: max(1, len(q) // 4)]})
        elif kind == "echo":
            h._send(200, {"translatedText": q})
        elif kind == "empty":
            h._send(200, {"translatedText": ""})
        elif kind == "null":
            h._send(200, {"translatedText": None})
        elif kind == "drop-token":
            h._send(200, {"translatedText": _TOKEN.sub("", fake_translate(q), count=1)})
        else:
            h._send(200, {"translatedText": fake_translate(q)})

    def __enter__(self) -> LibreServer:
        self._thread.start()
        return self

    def __exit__(self, *exc: Any) -> None:
        self._stop.set()
        self._server.shutdown()
        self._server.server_close()
