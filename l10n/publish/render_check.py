"""Disclaimers as a reader sees them: published pages judged in headless Chromium.

``l10n verify --browser`` loads each published page in a real headless
Chromium (through selenium and chromedriver, imported lazily) and judges
every disclaimer and the machine-translation notice **as rendered**, which
the static analysis of :mod:`l10n.publish.verify` cannot: computed styles
(so ``var(--x)``, cascade layers, ``@supports``… are resolved), layout and
painting. Each page is judged at two viewports (:data:`VIEWPORTS`: a
1200×900 desktop window and a 390×844 phone), after playing its finite CSS
animations to their end. Each text node of a target is judged on its own:

* rendered at all: no ``display:none`` / ``content-visibility:hidden``
  ancestor, not left out of a shadow tree, a box of non-zero size; no
  animation without end on it or an ancestor;
* ``visibility`` visible, and the product of the ``opacity`` (and
  ``filter:opacity()``) of it and its ancestors above :data:`MIN_OPACITY`;
* a rendered font size (computed size × zoom and transforms) of at least
  :data:`MIN_FONT_PX`;
* inside the document's scrollable area (not pushed off the page to the left
  or top, nor outside the viewport when fixed or when the page cannot
  scroll), and not cut away by an ancestor with ``overflow:hidden``/``clip``
  or ``contain:paint``;
* a WCAG contrast ratio of at least :data:`MIN_CONTRAST` between its colour
  and the background behind it (ancestors' background colours and gradient
  stops, composited with their opacity over the white page);
* not covered: hit-testing (``DOM.getNodeForLocation``, ``pointer-events:none``
  ignored) at several points of each of its line boxes finds the text itself,
  or only something that paints nothing;
* its pixels (a screenshot of each line box) show some contrast: a backstop
  for what no style names (masks, shadows or outlines painted over it, blend
  modes, filters, images).

Text nodes that fail are left out of what the reader sees; a target is
hidden when that rendered text no longer equals the published text (so text
that was never part of the disclaimer, say inside ``<span hidden>``, does not
count). The caller compares; this module only reports what it saw.

The page is loaded from disk with its own scripts disabled and every
``http``/``https``/``ws`` request blocked (``Network.setBlockedURLs``, plus a
dead proxy as a second lock), so nothing leaves the machine.
"""

from __future__ import annotations

import base64
import json
import os
import secrets
import shutil
import struct
import tempfile
import zlib
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from l10n.errors import PublishError
from l10n.pages.css import MIN_CONTRAST  # one threshold for the static and the browser judge
from l10n.pages.css import luminance as _luminance

__all__ = ["MIN_CONTRAST", "MIN_FONT_PX", "MIN_OPACITY", "PIXEL_MIN_CONTRAST", "Browser", "BrowserUnavailable",
           "RenderedTarget", "open_browser"]

#: Below this rendered font size (CSS px) text counts as unreadable.
MIN_FONT_PX = 6.0
#: At or below this product of opacities text counts as invisible.
MIN_OPACITY = 0.1
#: Below this contrast between any pixel of a line box and its most common colour, the line shows nothing.
PIXEL_MIN_CONTRAST = 2.0
#: Environment variables naming the browser and its driver (default: found on PATH).
CHROMIUM_ENV = "L10N_CHROMIUM"
DRIVER_ENV = "L10N_CHROMEDRIVER"
WINDOW = (1200, 900)
#: Viewports every page is judged at: (width, height, mobile) — a desktop window and a phone.
VIEWPORTS = ((1200, 900, False), (390, 844, True))
#: At most this many line boxes of one page are hit-tested and photographed.
MAX_BOXES = 200

_CHROMIUM_NAMES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "chrome")
_CHROMIUM_PATHS = ("/usr/bin/chromium", "/usr/lib/chromium/chromium", "/snap/bin/chromium")
_DRIVER_PATHS = ("/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver")
_BLOCKED = ["http://*", "https://*", "ws://*", "wss://*", "ftp://*"]
_ARGS = ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
         "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
         "--disable-extensions", "--disable-default-apps", "--mute-audio", "--hide-scrollbars",
         "--force-color-profile=srgb", "--font-render-hinting=none",
         # a second lock besides Network.setBlockedURLs: every request goes to a proxy that is not there
         "--proxy-server=http://127.0.0.1:9", "--proxy-bypass-list=<-loopback>",
         f"--window-size={WINDOW[0]},{WINDOW[1]}")


class BrowserUnavailable(PublishError):
    """``--browser`` was asked for but Chromium, chromedriver or selenium cannot be used."""


@dataclass(frozen=True)
class RenderedText:
    """One text node of a target: its text and why a reader cannot see it (None: visible)."""

    text: str
    problem: str | None = None


@dataclass(frozen=True)
class RenderedTarget:
    """A disclaimer (``kind="disclaimer"``, ``key`` its id) or the notice (``kind="notice"``) on a page."""

    kind: str
    key: str
    index: int
    texts: tuple[RenderedText, ...] = field(default=())

    @property
    def visible_text(self) -> str:
        """The text a reader sees: failing text nodes left out (whitespace always kept)."""
        return "".join(t.text for t in self.texts if t.problem is None or not t.text.strip())

    @property
    def problems(self) -> list[str]:
        """Why parts are not seen, in document order, without repeats."""
        out: list[str] = []
        for t in self.texts:
            if t.problem and t.text.strip() and t.problem not in out:
                out.append(t.problem)
        return out


def _first_line(exc: BaseException) -> str:
    text = str(getattr(exc, "msg", None) or exc).strip()
    line = text.splitlines()[0].strip() if text else type(exc).__name__
    return line.split("; For documentation on this error")[0]


def _executable(env: str, names: Iterable[str], paths: Iterable[str], what: str, hint: str) -> str:
    value = os.environ.get(env)
    if value:
        found = shutil.which(value)
        if not found:
            raise BrowserUnavailable(f"--browser: {env}={value} is not an executable {what}")
        return found
    for name in names:
        if found := shutil.which(name):
            return found
    for path in paths:
        if os.access(path, os.X_OK) and Path(path).is_file():
            return path
    raise BrowserUnavailable(f"--browser needs {what}, which was not found ({hint}, or set {env})")


def find_chromium() -> tuple[str, str]:
    """(Chromium binary, chromedriver) from ``L10N_CHROMIUM``/``L10N_CHROMEDRIVER`` or the PATH."""
    binary = _executable(CHROMIUM_ENV, _CHROMIUM_NAMES, _CHROMIUM_PATHS, "Chromium",
                         "install the chromium package")
    driver = _executable(DRIVER_ENV, ("chromedriver",), _DRIVER_PATHS, "chromedriver",
                         "install chromium-driver")
    return binary, driver


def open_browser(binary: str | None = None, driver: str | None = None) -> Browser:
    """Start a headless Chromium for :meth:`Browser.inspect`; close it (or use ``with``).

    Raises :class:`BrowserUnavailable` (one line) when selenium, Chromium or
    chromedriver is missing or the browser does not start.
    """
    if binary is None or driver is None:
        found_binary, found_driver = find_chromium()
        binary, driver = binary or found_binary, driver or found_driver
    try:
        from selenium import webdriver
        from selenium.common.exceptions import WebDriverException
        from selenium.webdriver.chrome.service import Service
    except ImportError:
        raise BrowserUnavailable("--browser needs selenium (pip install 'l10n[browser]')") from None
    profile = tempfile.TemporaryDirectory(prefix="l10n-chromium-", ignore_cleanup_errors=True)
    opts = webdriver.ChromeOptions()
    opts.binary_location = binary
    for arg in (*_ARGS, f"--user-data-dir={profile.name}"):
        opts.add_argument(arg)
    try:
        session = webdriver.Chrome(options=opts, service=Service(executable_path=driver))
    except (WebDriverException, OSError) as exc:
        profile.cleanup()
        raise BrowserUnavailable(f"--browser: Chromium did not start ({binary}): {_first_line(exc)}") from None
    browser = Browser(session, profile)
    try:
        browser._lock_down()
    except Exception:
        browser.close()
        raise
    return browser


class Browser:
    """A headless Chromium session; :meth:`inspect` loads one page and judges its targets."""

    def __init__(self, driver: Any, profile: tempfile.TemporaryDirectory | None = None) -> None:
        self._driver = driver
        self._profile = profile
        self._key = "__l10n_" + secrets.token_hex(8)
        self._own: dict[int, int | None] = {}

    def __enter__(self) -> Browser:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Quit the browser and remove its profile."""
        if self._driver is not None:
            try:
                self._driver.quit()
            except Exception:  # noqa: BLE001 - already gone
                pass
            self._driver = None
        if self._profile is not None:
            self._profile.cleanup()
            self._profile = None

    def _cdp(self, cmd: str, params: dict[str, Any] | None = None) -> dict[str, Any]:
        return self._driver.execute_cdp_cmd(cmd, params or {})

    def _lock_down(self) -> None:
        from selenium.common.exceptions import WebDriverException

        self._driver.set_page_load_timeout(60)
        self._driver.set_script_timeout(60)
        try:
            self._cdp("Network.enable")
            self._cdp("Network.setBlockedURLs", {"urls": _BLOCKED})
            self._cdp("Emulation.setScriptExecutionDisabled", {"value": True})
        except WebDriverException as exc:
            raise BrowserUnavailable(f"--browser: this Chromium cannot be locked down: {_first_line(exc)}") from None

    def inspect(self, path: Path, *, disclaimers: Iterable[str], notice: str | None = None
                ) -> list[RenderedTarget]:
        """Load ``path`` and judge every ``data-disclaimer`` element with one of ``disclaimers``.

        With ``notice`` (the machine-translation notice's text), also the
        ``data-l10n-notice="machine-translation"`` element(s), or else an
        ``<em>`` holding exactly that text (a Markdown copy).
        """
        from selenium.common.exceptions import WebDriverException

        try:
            return self._inspect(Path(path), sorted(set(disclaimers)), notice)
        except WebDriverException as exc:
            raise BrowserUnavailable(f"--browser: Chromium failed on {Path(path).name}: {_first_line(exc)}") from None

    def _inspect(self, path: Path, ids: list[str], notice: str | None) -> list[RenderedTarget]:
        merged: list[dict[str, Any]] | None = None
        for width, height, mobile in VIEWPORTS:
            self._cdp("Emulation.setDeviceMetricsOverride", {"width": width, "height": height,
                                                             "deviceScaleFactor": 1, "mobile": mobile})
            found = self._judge_page(path, ids, notice)
            label = "" if (width, height, mobile) == VIEWPORTS[0] else f"at {width}px wide: "
            if merged is None or len(found) != len(merged):
                merged = found
                continue
            for mine, theirs in zip(merged, found):
                for a, b in zip(mine["nodes"], theirs["nodes"]):
                    if a["problem"] is None and b["problem"] is not None:
                        a["problem"] = label + b["problem"]
        return [RenderedTarget(t["kind"], t["key"], t["index"],
                               tuple(RenderedText(n["text"], n["problem"]) for n in t["nodes"]))
                for t in merged or []]

    def _judge_page(self, path: Path, ids: list[str], notice: str | None) -> list[dict[str, Any]]:
        """Load ``path`` at the current viewport and judge its targets (see the module's docstring)."""
        self._driver.get(path.resolve().as_uri())
        self._own: dict[int, int | None] = {}
        opts = {"minContrast": MIN_CONTRAST, "minFont": MIN_FONT_PX, "minOpacity": MIN_OPACITY,
                "key": self._key}
        found = self._driver.execute_script(_JUDGE, ids, notice, opts)
        boxes = 0
        for target in found:
            for node in target["nodes"]:
                if node["problem"] is not None or node["ws"]:
                    continue
                for j in range(node["boxes"]):
                    if boxes >= MAX_BOXES:
                        break
                    boxes += 1
                    problem = self._probe(node["id"], j)
                    if problem:
                        node["problem"] = problem
                        break
        try:
            self._cdp("Runtime.releaseObjectGroup", {"objectGroup": self._key})
        except Exception:  # noqa: BLE001 - nothing to release
            pass
        return found

    def _backend_id(self, node: int) -> int | None:
        """The DevTools id of the element holding text node ``node`` (to recognise it in hit tests cheaply)."""
        if node in self._own:
            return self._own[node]
        self._own[node] = None
        obj = self._cdp("Runtime.evaluate", {"expression": f"window[{json.dumps(self._key)}].parents[{int(node)}]",
                                             "objectGroup": self._key})
        object_id = obj.get("result", {}).get("objectId")
        if not object_id:
            return None
        self._own[node] = self._cdp("DOM.describeNode", {"objectId": object_id}).get("node", {}).get("backendNodeId")
        return self._own[node]

    def _probe(self, node: int, box: int) -> str | None:
        """Hit-test and photograph line box ``box`` of text node ``node`` (scrolled into view)."""
        spot = self._driver.execute_script(f"return window[{json.dumps(self._key)}].place(arguments[0], arguments[1])",
                                           node, box)
        if not spot:
            return None
        from selenium.common.exceptions import WebDriverException

        own = self._backend_id(node)
        for x, y in spot["points"]:
            try:
                hit = self._cdp("DOM.getNodeForLocation", {"x": round(x), "y": round(y),
                                                           "ignorePointerEventsNone": True,
                                                           "includeUserAgentShadowDOM": False})
            except WebDriverException:  # "No node found at given location"
                continue
            if "backendNodeId" not in hit or hit["backendNodeId"] == own:
                continue  # the text's own element is on top there
            obj = self._cdp("DOM.resolveNode", {"backendNodeId": hit["backendNodeId"], "objectGroup": self._key})
            object_id = obj.get("object", {}).get("objectId")
            if not object_id:
                continue
            res = self._cdp("Runtime.callFunctionOn", {
                "objectId": object_id, "returnByValue": True,
                "functionDeclaration": "function(k, i) { return window[k].judgeHit(this, i); }",
                "arguments": [{"value": self._key}, {"value": node}]})
            why = res.get("result", {}).get("value")
            if why:
                return why
        x, y, w, h = spot["clip"]
        if w < 2 or h < 2:
            return None
        shot = self._cdp("Page.captureScreenshot", {"format": "png", "clip": {
            "x": x, "y": y, "width": w, "height": h, "scale": 1}, "fromSurface": True, "optimizeForSpeed": True})
        ratio = _pixel_contrast(base64.b64decode(shot.get("data", "")), segment=max(3 * round(h), 24))
        if ratio is not None and ratio < PIXEL_MIN_CONTRAST:
            return (f"its pixels show no text (contrast {ratio:.1f}:1 at most on part of a line): something "
                    "paints over it or fades it")
        return None


_PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
#: bytes per pixel of each 8-bit PNG colour type (grey, RGB, grey + alpha, RGBA)
_PNG_BPP = {0: 1, 2: 3, 4: 2, 6: 4}


def decode_png(data: bytes) -> tuple[int, int, int, list[bytearray]] | None:
    """(width, height, bytes per pixel, rows) of an 8-bit non-interlaced PNG; None for anything else."""
    if data[:8] != _PNG_SIGNATURE:
        return None
    header, idat = _png_chunks(data)
    if header is None:
        return None
    w, h, depth, ctype, _, _, interlace = header
    bpp = _PNG_BPP.get(ctype)
    if depth != 8 or interlace or bpp is None:
        return None
    raw = zlib.decompress(idat)
    stride = w * bpp
    prev = bytearray(stride)
    rows = []
    for y in range(h):
        i = y * (1 + stride)
        line = _unfilter(raw[i], bytearray(raw[i + 1:i + 1 + stride]), prev, bpp, stride)
        rows.append(line)
        prev = line
    return w, h, bpp, rows


def _png_chunks(data: bytes) -> tuple[tuple | None, bytes]:
    """The IHDR fields (None when absent) and the concatenated IDAT data of a PNG, up to IEND."""
    pos, idat, header = 8, [], None
    while pos + 8 <= len(data):
        n, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + n]
        pos += 12 + n
        if kind == b"IHDR":
            header = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            idat.append(body)
        elif kind == b"IEND":
            break
    return header, b"".join(idat)


def _unfilter(kind: int, line: bytearray, prev: bytearray, bpp: int, stride: int) -> bytearray:
    """Undo one scanline's PNG filter (0 none, 1 sub, 2 up, 3 average, 4 Paeth) in place; returns ``line``."""
    if kind == 1:
        for x in range(bpp, stride):
            line[x] = (line[x] + line[x - bpp]) & 255
    elif kind == 2:
        for x in range(stride):
            line[x] = (line[x] + prev[x]) & 255
    elif kind == 3:
        for x in range(stride):
            line[x] = (line[x] + ((line[x - bpp] if x >= bpp else 0) + prev[x]) // 2) & 255
    elif kind == 4:
        for x in range(stride):
            a = line[x - bpp] if x >= bpp else 0
            c = prev[x - bpp] if x >= bpp else 0
            line[x] = (line[x] + _paeth(a, prev[x], c)) & 255
    return line


def _paeth(a: int, b: int, c: int) -> int:
    """The PNG Paeth predictor of left ``a``, up ``b`` and up-left ``c``."""
    p = a + b - c
    pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
    return a if pa <= pb and pa <= pc else b if pb <= pc else c


def _pixel_contrast(png: bytes, segment: int = 48) -> float | None:
    """How much a line box's screenshot shows: the lowest, over slices ``segment`` px wide, of the
    highest contrast of a pixel with the slice's commonest colour.

    None when the image cannot be read. A line of visible text has glyph
    pixels far from its background in every slice; a line painted over,
    masked or faded has none.
    """
    decoded = decode_png(png)
    if decoded is None:
        return None
    w, h, bpp, rows = decoded
    if w == 0 or h == 0:
        return None
    segment = max(1, int(segment))
    cuts = list(range(0, w, segment))
    if len(cuts) > 1 and w - cuts[-1] < segment // 2:
        cuts.pop()  # a short last slice joins the one before
    worst = None
    for n, x0 in enumerate(cuts):
        x1 = cuts[n + 1] if n + 1 < len(cuts) else w
        counts: dict[tuple[int, ...], int] = {}
        for row in rows:
            for x in range(x0, x1):
                px = tuple(row[x * bpp:x * bpp + min(bpp, 3)]) if bpp >= 3 else (row[x * bpp],) * 3
                counts[px] = counts.get(px, 0) + 1
        bg = max(counts, key=counts.__getitem__)
        lb = _luminance(*bg)
        best = 1.0
        for px in counts:
            lp = _luminance(*px)
            best = max(best, (max(lb, lp) + 0.05) / (min(lb, lp) + 0.05))
        worst = best if worst is None else min(worst, best)
    return worst


# Runs in the page (its own scripts are disabled): finds the targets, judges each text node from computed
# styles and layout, and leaves window[key] with place() and judgeHit() for the hit tests done over CDP.
_JUDGE = r"""
const [ids, notice, opts] = arguments;
const MINC = opts.minContrast, MINF = opts.minFont, MINO = opts.minOpacity;
const fold = s => s.replace(/\s+/g, ' ').trim();
const cvs = document.createElement('canvas');
cvs.width = cvs.height = 1;
const ctx = cvs.getContext('2d', {willReadFrequently: true});
const colours = new Map();
function rgba(s) {
  if (!s) return [0, 0, 0, 0];
  if (colours.has(s)) return colours.get(s);
  let out;
  const m = s.match(/^rgba?\(\s*([\d.]+)[,\s]+([\d.]+)[,\s]+([\d.]+)(?:\s*[,/]\s*([\d.]+)(%?))?\s*\)$/);
  if (m) {
    let a = m[4] === undefined ? 1 : parseFloat(m[4]) / (m[5] ? 100 : 1);
    out = [+m[1], +m[2], +m[3], a];
  } else if (s === 'transparent') {
    out = [0, 0, 0, 0];
  } else {
    ctx.clearRect(0, 0, 1, 1);
    ctx.fillStyle = 'rgba(0, 0, 0, 0)';
    ctx.fillStyle = s;
    ctx.fillRect(0, 0, 1, 1);
    const d = ctx.getImageData(0, 0, 1, 1).data;
    out = [d[0], d[1], d[2], d[3] / 255];
  }
  colours.set(s, out);
  return out;
}
const over = (top, below) => [0, 1, 2].map(i => top[i] * top[3] + below[i] * (1 - top[3]));
const mix = (a, b, t) => [0, 1, 2].map(i => a[i] * t + b[i] * (1 - t));
function lum(c) {
  const f = v => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); };
  return 0.2126 * f(c[0]) + 0.7152 * f(c[1]) + 0.0722 * f(c[2]);
}
function ratio(a, b) { const x = lum(a), y = lum(b); return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05); }
const hex = c => '#' + c.slice(0, 3).map(v => Math.round(v).toString(16).padStart(2, '0')).join('');
function parent(n) {
  if (n.assignedSlot) return n.assignedSlot;
  const p = n.parentNode;
  if (!p) return null;
  if (p.nodeType === 11) return p.host || null;
  return p.nodeType === 1 ? p : null;
}
function chain(el) { const out = []; for (let n = el; n; n = parent(n)) out.push(n); return out; }
function describe(el) {
  if (!el || el.nodeType !== 1) return 'something';
  let s = '<' + el.localName;
  if (el.id) s += ' id="' + el.id.slice(0, 40) + '"';
  const c = (el.getAttribute('class') || '').trim();
  if (c) s += ' class="' + c.slice(0, 40) + '"';
  const d = el.getAttribute('data-disclaimer');
  if (d) s += ' data-disclaimer="' + d.slice(0, 40) + '"';
  return s + '>';
}
const style = el => getComputedStyle(el);
function ownOpacity(cs) {
  let o = parseFloat(cs.opacity);
  if (isNaN(o)) o = 1;
  for (const m of (cs.filter || '').matchAll(/opacity\(\s*([\d.]+)(%?)\s*\)/g)) o *= parseFloat(m[1]) / (m[2] ? 100 : 1);
  return o;
}
const opacityOf = el => chain(el).reduce((o, n) => o * ownOpacity(style(n)), 1);
const COLOUR_FN = /(?:rgba?|hsla?|hwb|lab|lch|oklab|oklch|color)\([^()]*\)/g;
function layerChoices(cs) {
  const base = rgba(cs.backgroundColor);
  const img = cs.backgroundImage || 'none';
  const stops = img === 'none' ? [] : (img.match(COLOUR_FN) || []);
  const shadow = (cs.boxShadow || '').includes('inset') ? ((cs.boxShadow.match(COLOUR_FN) || []).slice(0, 1)) : [];
  const all = stops.concat(shadow);
  if (!all.length) return [base];
  return all.map(s => {
    const c = rgba(s);
    const a = c[3] + base[3] * (1 - c[3]);
    if (a <= 0) return [0, 0, 0, 0];
    return [0, 1, 2].map(i => (c[i] * c[3] + base[i] * base[3] * (1 - c[3])) / a).concat([a]);
  });
}
// finite animations are played to their end (text that fades out after a few seconds is judged faded out);
// one that never ends on a target or an ancestor is a problem of its own (see animatedForever below)
const forever = new Set();
for (const a of document.getAnimations()) {
  try { a.finish(); } catch (e) { a.pause(); if (a.effect && a.effect.target) forever.add(a.effect.target); }
}
const de = document.documentElement, body = document.body;
const rootCs = style(de), bodyCs = body ? style(body) : null;
const scheme = (rootCs.colorScheme || '').split(/\s+/);
const canvasColour = scheme.includes('dark') && !scheme.includes('light') ? [18, 18, 18] : [255, 255, 255];
// colours of the background pixel and of a text pixel, root to leaf, one choice per layer
function contrastOf(el, text) {
  const nodes = chain(el).reverse().map(n => { const cs = style(n); return {o: ownOpacity(cs), choices: layerChoices(cs)}; });
  let combos = [[]];
  for (const n of nodes) {
    const next = [];
    for (const c of combos) for (const ch of n.choices) if (next.length < 64) next.push(c.concat([ch]));
    combos = next;
  }
  let worst = null;
  for (const combo of combos) {
    const rec = (i, B) => {
      if (i === nodes.length) return [B, over(text, B)];
      const [bg, tx] = rec(i + 1, over(combo[i], B));
      return [mix(bg, B, nodes[i].o), mix(tx, B, nodes[i].o)];
    };
    const [bg, tx] = rec(0, canvasColour);
    const r = ratio(bg, tx);
    if (!worst || r < worst.r) worst = {r, bg, tx};
  }
  return worst;
}
function viewportOverflow(axis) {
  const v = rootCs['overflow' + axis];
  if (v !== 'visible' || !bodyCs) return v;
  return bodyCs['overflow' + axis];
}
const rtl = rootCs.direction === 'rtl';
const sx0 = scrollX, sy0 = scrollY;
const cw = de.clientWidth, ch = de.clientHeight, sw = de.scrollWidth, sh = de.scrollHeight;
const page = {x0: rtl ? cw - sw : 0, x1: rtl ? cw : sw, y0: 0, y1: sh};
if (['hidden', 'clip'].includes(viewportOverflow('X'))) { page.x0 = sx0; page.x1 = sx0 + cw; }
if (['hidden', 'clip'].includes(viewportOverflow('Y'))) { page.y0 = sy0; page.y1 = sy0 + ch; }
const SKIP = new Set(['script', 'style', 'template', 'noscript', 'title', 'rp']);
function textNodes(el) {
  const out = [];
  const walk = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
  for (let t = walk.nextNode(); t; t = walk.nextNode()) {
    let skip = false;
    for (let n = t.parentNode; n && n !== el.parentNode; n = n.parentNode) if (n.nodeType === 1 && SKIP.has(n.localName)) skip = true;
    if (!skip) out.push(t);
  }
  return out;
}
function boxesOf(t) {
  const r = document.createRange();
  r.selectNodeContents(t);
  return [...r.getClientRects()].filter(b => b.width > 0.5 && b.height > 0.5);
}
function notRendered(p) {
  for (const n of chain(p)) {
    const cs = style(n);
    if (cs.display === 'none') return 'display:none on ' + describe(n);
  }
  for (const n of chain(p)) if (style(n).contentVisibility === 'hidden') return 'content-visibility:hidden on ' + describe(n);
  if (p.checkVisibility && !p.checkVisibility()) return 'not rendered (outside what its page lays out)';
  return 'not rendered (no box of any size)';
}
function scaleOf(p) {
  const r = p.getBoundingClientRect();
  if (p.offsetWidth > 0 && p.offsetHeight > 0) return Math.min(r.width / p.offsetWidth, r.height / p.offsetHeight);
  return 1;
}
function judge(t) {
  const p = t.parentElement;
  if (!p) return 'not in an element';
  const boxes = boxesOf(t);
  if (!boxes.length) return notRendered(p);
  for (const n of chain(p)) if (forever.has(n)) return 'animated without end on ' + describe(n) + ' (it may not stay visible)';
  const cs = style(p);
  if (cs.visibility !== 'visible') {
    let who = p;
    for (const n of chain(p)) { if (style(n).visibility === cs.visibility) who = n; else break; }
    return 'visibility:' + cs.visibility + ' on ' + describe(who);
  }
  const opacity = opacityOf(p);
  if (opacity <= MINO) return 'opacity ' + +opacity.toFixed(3) + ' (it and its ancestors)';
  const size = parseFloat(cs.fontSize) * scaleOf(p);
  if (size < MINF) return 'font size ' + +size.toFixed(1) + 'px (under ' + MINF + 'px)';
  const fixed = chain(p).some(n => style(n).position === 'fixed');
  const area = fixed ? {x0: 0, x1: cw, y0: 0, y1: ch} : page;
  const dx = fixed ? 0 : scrollX, dy = fixed ? 0 : scrollY;
  for (const b of boxes) {
    const x0 = b.left + dx, x1 = b.right + dx, y0 = b.top + dy, y1 = b.bottom + dy;
    if (x0 < area.x0 - 1 || x1 > area.x1 + 1 || y0 < area.y0 - 1 || y1 > area.y1 + 1)
      return 'off the page at (' + Math.round(x0) + ', ' + Math.round(y0) + '), outside the area a reader can scroll to';
    for (const n of chain(p).slice(1)) {
      if (n === de || (n === body && rootCs.overflowX === 'visible' && rootCs.overflowY === 'visible')) continue;
      const ncs = style(n);
      const paint = /\b(paint|strict|content)\b/.test(ncs.contain || '');
      const clipX = paint || ['hidden', 'clip'].includes(ncs.overflowX);
      const clipY = paint || ['hidden', 'clip'].includes(ncs.overflowY);
      if (!clipX && !clipY) continue;
      const c = n.getBoundingClientRect();
      if ((clipX && (b.left < c.left - 1 || b.right > c.right + 1)) || (clipY && (b.top < c.top - 1 || b.bottom > c.bottom + 1)))
        return 'cut off by ' + describe(n) + ' (' + (paint ? 'contain:' + ncs.contain : 'overflow:' + (clipX ? ncs.overflowX : ncs.overflowY)) + ')';
    }
  }
  const text = rgba(cs.webkitTextFillColor || cs.color);
  const c = contrastOf(p, text);
  if (c && c.r < MINC) return 'contrast ' + c.r.toFixed(1) + ':1 (text ' + hex(c.tx) + ' on ' + hex(c.bg) + ', under ' + MINC + ':1)';
  return null;
}
const targets = [];
const perKey = {};
function add(kind, key, el) {
  const index = perKey[kind + key] || 0;
  perKey[kind + key] = index + 1;
  targets.push({kind, key, index, el});
}
for (const el of document.querySelectorAll('[data-disclaimer]')) {
  const d = el.getAttribute('data-disclaimer');
  if (ids.includes(d)) add('disclaimer', d, el);
}
if (notice !== null) {
  let marked = [...document.querySelectorAll('[data-l10n-notice="machine-translation"]')];
  if (!marked.length) marked = [...document.querySelectorAll('em')].filter(e => fold(e.textContent) === fold(notice));
  for (const el of marked) add('notice', 'machine-translation', el);
}
// the element hit-testing returns for a text: its parent, or the first ancestor with a box of its own
function boxed(el) {
  let n = el;
  while (n && parent(n) && style(n).display === 'contents') n = parent(n);
  return n;
}
const parents = [], texts = [];
const out = targets.map(tg => ({kind: tg.kind, key: tg.key, index: tg.index, nodes: textNodes(tg.el).map(t => {
  const ws = !t.data.trim();
  const problem = ws ? null : judge(t);
  const id = texts.length;
  texts.push(t);
  parents.push(boxed(t.parentElement));
  return {id, text: t.data, ws, problem, boxes: ws || problem ? 0 : boxesOf(t).length};
})}));
const isAncestor = (a, n) => { for (let x = parent(n); x; x = parent(x)) if (x === a) return true; return false; };
function paints(n) {
  const cs = style(n);
  if (opacityOf(n) <= MINO || cs.visibility !== 'visible') return false;
  if (['img', 'svg', 'video', 'canvas', 'iframe', 'object', 'embed', 'picture', 'input', 'textarea', 'select',
       'button', 'meter', 'progress'].includes(n.localName)) return true;
  if (cs.backdropFilter && cs.backdropFilter !== 'none') return true;
  return layerChoices(cs).some(c => c[3] >= 0.2);
}
window[opts.key] = {
  parents,
  place(i, j) {
    const b = boxesOf(texts[i])[j];
    if (!b) return null;
    window.scrollTo(b.left + scrollX + b.width / 2 - innerWidth / 2, b.top + scrollY + b.height / 2 - innerHeight / 2);
    const r = boxesOf(texts[i])[j];
    if (!r) return null;
    const vw = de.clientWidth, vh = de.clientHeight;
    const points = [];
    for (const f of [0.15, 0.5, 0.85]) {
      const x = r.left + r.width * f, y = r.top + r.height / 2;
      if (x >= 0 && x < vw && y >= 0 && y < vh) points.push([x + scrollX, y + scrollY]);  // CDP wants page coordinates
    }
    const x0 = Math.max(r.left, 0), x1 = Math.min(r.right, vw), y0 = Math.max(r.top, 0), y1 = Math.min(r.bottom, vh);
    // screenshots count x from the left end of the scrollable area (left of 0 in a right-to-left page)
    const origin = rtl ? de.clientWidth - de.scrollWidth : 0;
    return {points, clip: [x0 + scrollX - origin, y0 + scrollY, Math.max(0, x1 - x0), Math.max(0, y1 - y0)]};
  },
  judgeHit(hit, i) {
    const p = parents[i];
    let h = hit && hit.nodeType === 1 ? hit : (hit && hit.parentElement);
    if (!h || h === p) return null;
    if (isAncestor(h, p)) return 'not on top at its place: ' + describe(h) + ' is (clipped away, or covered by a ::before/::after of it)';
    const mine = new Set(chain(p));
    for (let n = h; n && !mine.has(n); n = parent(n)) if (paints(n)) return 'covered by ' + describe(n);
    return null;
  },
};
return out;
"""
