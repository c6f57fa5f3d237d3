"""What readers see of a published page, judged statically: the one visibility analysis.

Both judges of published pages use it: ``l10n verify``
(:mod:`l10n.publish.verify`: L10N804, L10N806, L10N809) and the rendered-copy
checks (:mod:`l10n.checks.rendered`: L10N711-L10N713), which ``l10n build``
runs on every page before it publishes a locale and ``l10n check page.html``
runs on demand. Pages are read as a browser builds them
(:func:`l10n.formats.html5.parse_html5`), so markup a translator left open
(``<p>Beba agua.<details></p>``) hides what follows it here exactly as it
does in a browser.

Text is hidden from readers when it is, or is inside:

* an element with ``hidden``, ``aria-hidden="true"`` or ``popover``, or a
  hiding style (:func:`hiding_declaration`), inline or by a ``<style>`` rule
  whose subject selector can match it or an ancestor (conservatively:
  attribute values, combinators and pseudo-classes never rule a match out);
* an element that does not render its content as text: ``<template>``,
  ``<noscript>``, ``<head>``, ``<script>``, ``<style>``, ``<title>``, ``<rp>``,
  ``<noframes>``, ``<noembed>``, SVG ``<desc>``/``<metadata>``; the fallback
  content of ``<canvas>``, ``<video>``, ``<audio>``, ``<object>``, ``<embed>``,
  ``<iframe>``; ``<datalist>``; anything inside ``<select>``, ``<option>``,
  ``<optgroup>`` or ``<textarea>`` (a form field's options or value); a
  ``<picture>`` but its ``<img>``; a ``<dialog>`` without ``open``; a closed
  ``<details>`` but its ``<summary>``;
* text whose colour has a WCAG contrast ratio under
  :data:`~l10n.pages.css.MIN_CONTRAST` (3:1, the browser mode's
  threshold) with the background behind it: the colour (``color``,
  ``-webkit-text-fill-color``, ``<font color>``, ``<body text>``) and the
  backgrounds (``background``, ``background-color``, gradient stops, the
  ``bgcolor`` attribute) of it and its ancestors, inline or by ``<style>``
  rules that can match (the last in the page wins; specificity is not
  weighed), composited over the white page;
* an HTML comment.

Strike-through (``<s>``, ``<del>``, ``<strike>``, ``text-decoration:
line-through``) leaves text visible but negates it: it is reported apart,
whether inside a disclaimer or wrapping it.

The analysis is conservative: it may over-report on unusual CSS; it must not
miss what a browser would hide through these means. What only a browser
computes (``var()``, layout, overlap…) is left to ``l10n verify --browser``.
"""

from __future__ import annotations

import colorsys
import math
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field

from lxml import etree

from l10n.formats.html5 import parse_html5
from l10n.pages.css import MIN_CONTRAST, strip_css_comments
from l10n.pages.css import luminance as _luminance

__all__ = ["PageText", "contrast_ratio", "content_rules", "declarations", "fold", "hidden", "hidden_by_rule",
           "hiding_declaration", "hiding_rules", "page_text", "paint_rules", "parse_color", "parse_page",
           "self_hidden", "struck_by", "visible_disclaimer_text", "visible_parts"]

#: The page a browser builds (an ``lxml.html`` tree): see :mod:`l10n.formats.html5`.
parse_page = parse_html5

RGBA = tuple[float, float, float, float]
WHITE: RGBA = (255.0, 255.0, 255.0, 1.0)
BLACK: RGBA = (0.0, 0.0, 0.0, 1.0)

_NAMED_COLOURS = dict(item.split(":") for item in (
    "aliceblue:f0f8ff antiquewhite:faebd7 aqua:00ffff aquamarine:7fffd4 azure:f0ffff beige:f5f5dc bisque:ffe4c4 "
    "black:000000 blanchedalmond:ffebcd blue:0000ff blueviolet:8a2be2 brown:a52a2a burlywood:deb887 "
    "cadetblue:5f9ea0 chartreuse:7fff00 chocolate:d2691e coral:ff7f50 cornflowerblue:6495ed cornsilk:fff8dc "
    "crimson:dc143c cyan:00ffff darkblue:00008b darkcyan:008b8b darkgoldenrod:b8860b darkgray:a9a9a9 "
    "darkgreen:006400 darkgrey:a9a9a9 darkkhaki:bdb76b darkmagenta:8b008b darkolivegreen:556b2f darkorange:ff8c00 "
    "darkorchid:9932cc darkred:8b0000 darksalmon:e9967a darkseagreen:8fbc8f darkslateblue:483d8b "
    "darkslategray:2f4f4f darkslategrey:2f4f4f darkturquoise:00ced1 darkviolet:9400d3 deeppink:ff1493 "
    "deepskyblue:00bfff dimgray:696969 dimgrey:696969 dodgerblue:1e90ff firebrick:b22222 floralwhite:fffaf0 "
    "forestgreen:228b22 fuchsia:ff00ff gainsboro:dcdcdc ghostwhite:f8f8ff gold:ffd700 goldenrod:daa520 gray:808080 "
    "green:008000 greenyellow:adff2f grey:808080 honeydew:f0fff0 hotpink:ff69b4 indianred:cd5c5c indigo:4b0082 "
    "ivory:fffff0 khaki:f0e68c lavender:e6e6fa lavenderblush:fff0f5 lawngreen:7cfc00 lemonchiffon:fffacd "
    "lightblue:add8e6 lightcoral:f08080 lightcyan:e0ffff lightgoldenrodyellow:fafad2 lightgray:d3d3d3 "
    "lightgreen:90ee90 lightgrey:d3d3d3 lightpink:ffb6c1 lightsalmon:ffa07a lightseagreen:20b2aa "
    "lightskyblue:87cefa lightslategray:778899 lightslategrey:778899 lightsteelblue:b0c4de lightyellow:ffffe0 "
    "lime:00ff00 limegreen:32cd32 linen:faf0e6 magenta:ff00ff maroon:800000 mediumaquamarine:66cdaa "
    "mediumblue:0000cd mediumorchid:ba55d3 mediumpurple:9370db mediumseagreen:3cb371 mediumslateblue:7b68ee "
    "mediumspringgreen:00fa9a mediumturquoise:48d1cc mediumvioletred:c71585 midnightblue:191970 mintcream:f5fffa "
    "mistyrose:ffe4e1 moccasin:ffe4b5 navajowhite:ffdead navy:000080 oldlace:fdf5e6 olive:808000 olivedrab:6b8e23 "
    "orange:ffa500 orangered:ff4500 orchid:da70d6 palegoldenrod:eee8aa palegreen:98fb98 paleturquoise:afeeee "
    "palevioletred:db7093 papayawhip:ffefd5 peachpuff:ffdab9 peru:cd853f pink:ffc0cb plum:dda0dd powderblue:b0e0e6 "
    "purple:800080 rebeccapurple:663399 red:ff0000 rosybrown:bc8f8f royalblue:4169e1 saddlebrown:8b4513 "
    "salmon:fa8072 sandybrown:f4a460 seagreen:2e8b57 seashell:fff5ee sienna:a0522d silver:c0c0c0 skyblue:87ceeb "
    "slateblue:6a5acd slategray:708090 slategrey:708090 snow:fffafa springgreen:00ff7f steelblue:4682b4 tan:d2b48c "
    "teal:008080 thistle:d8bfd8 tomato:ff6347 turquoise:40e0d0 violet:ee82ee wheat:f5deb3 white:ffffff "
    "whitesmoke:f5f5f5 yellow:ffff00 yellowgreen:9acd32 "
).split())


# ---- CSS values ------------------------------------------------------------------------------------------------

_HIDING_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*(?:hidden|collapse)"
                           r"|(?<![\w-])opacity\s*:\s*(?:0[0.]*|\.0+)%?\s*(?:;|!|$)"
                           r"|font-size\s*:\s*(?:0[0.]*|\.0+)(?:[a-z]+|%)?\s*(?:;|!|$)"
                           r"|content-visibility\s*:\s*hidden", re.I)
_LENGTH = re.compile(r"^([+-]?(?:\d+\.?\d*|\.\d+))([a-z%]*)$")
_ZERO_FUNC = re.compile(r"^(?:calc|min|max|clamp)\(\s*[+-]?(?:0+\.?0*|\.0+)(?:[a-z%]*)\s*[-+*/,)]")
_NUMBER = re.compile(r"^[+-]?(?:\d+\.?\d*|\.\d+)$")


def _px(value: str) -> float | None:
    """A CSS length in (approximate) pixels, or None when it is not a plain length."""
    m = _LENGTH.match(value.strip().lower())
    if not m:
        return None
    n, unit = float(m.group(1)), m.group(2)
    return n * {"": 1, "px": 1, "em": 16, "rem": 16, "ch": 8, "ex": 8, "vw": 10, "vh": 10, "%": 10,
                "pt": 1.33, "cm": 38, "mm": 3.8, "in": 96}.get(unit, 1)


def _zeroish(value: str, tiny: float = 0.0) -> bool:
    """A length that is zero (or at most ``tiny`` px), including ``calc(0 …)``."""
    value = value.strip()
    if _ZERO_FUNC.match(value):
        return True
    px = _px(value)
    return px is not None and px <= tiny


def _alpha(value: str) -> float | None:
    v = value.strip().lower()
    m = re.fullmatch(r"([\d.]+)(%?)", v)
    if not m:
        return None
    try:
        return float(m.group(1)) / (100 if m.group(2) else 1)
    except ValueError:
        return None


def _channel(token: str, scale: float = 255.0) -> float | None:
    token = token.strip()
    try:
        if token.endswith("%"):
            return max(0.0, min(scale, float(token[:-1]) * scale / 100))
        if token == "none":
            return 0.0
        return max(0.0, min(scale, float(token)))
    except ValueError:
        return None


def _hue(token: str) -> float | None:
    m = re.fullmatch(r"([+-]?(?:\d+\.?\d*|\.\d+))(deg|grad|rad|turn)?", token.strip())
    if not m:
        return None
    n = float(m.group(1))
    return {"deg": n, None: n, "grad": n * 0.9, "rad": math.degrees(n), "turn": n * 360}[m.group(2)] % 360


def _hex_color(digits: str) -> RGBA | None:
    """``#rgb``, ``#rgba``, ``#rrggbb`` or ``#rrggbbaa`` (the digits after the ``#``)."""
    h = "".join(c * 2 for c in digits) if len(digits) in (3, 4) else digits
    if len(h) not in (6, 8):
        return None
    a = int(h[6:8], 16) / 255 if len(h) == 8 else 1.0
    return (float(int(h[0:2], 16)), float(int(h[2:4], 16)), float(int(h[4:6], 16)), a)


def _rgb_color(args: list[str], alpha: float) -> RGBA | None:
    rgb = [_channel(a) for a in args[:3]]
    r, g, b = rgb
    if r is None or g is None or b is None:
        return None
    return (r, g, b, alpha)


def _hsl_color(args: list[str], alpha: float) -> RGBA | None:
    h, s, light = _hue(args[0]), _channel(args[1], 1.0), _channel(args[2], 1.0)
    if h is None or s is None or light is None:
        return None
    if not args[1].endswith("%") and s > 1 or not args[2].endswith("%") and light > 1:
        return None
    r, g, b = colorsys.hls_to_rgb(h / 360, light, s)
    return (r * 255, g * 255, b * 255, alpha)


def _functional_color(name: str, arguments: str) -> RGBA | None:
    """``rgb()``, ``rgba()``, ``hsl()`` or ``hsla()`` of ``arguments``."""
    args = [a for a in re.split(r"[\s,/]+", arguments.strip()) if a]
    if len(args) not in (3, 4):
        return None
    alpha = 1.0 if len(args) == 3 else _channel(args[3], 1.0)
    if alpha is None:
        return None
    return _rgb_color(args, alpha) if name.startswith("rgb") else _hsl_color(args, alpha)


def parse_color(value: str) -> RGBA | None:
    """A CSS colour as (r, g, b, alpha), r/g/b in 0-255; None when unknown (``currentcolor``, ``var()``…)."""
    v = value.strip().lower()
    if v == "transparent":
        return (0.0, 0.0, 0.0, 0.0)
    v = "#" + _NAMED_COLOURS[v] if v in _NAMED_COLOURS else v
    m = re.fullmatch(r"#([0-9a-f]{3,8})", v)
    if m:
        return _hex_color(m.group(1))
    m = re.fullmatch(r"(rgba?|hsla?)\((.*)\)", v, re.S)
    if not m:
        return None
    return _functional_color(m.group(1), m.group(2))


def _legacy_color(value: str) -> RGBA | None:
    """A colour in an HTML attribute (``<font color>``, ``bgcolor``): a CSS colour or bare hex digits."""
    v = value.strip().lower()
    c = parse_color(v)
    if c is None and re.fullmatch(r"[0-9a-f]{3}|[0-9a-f]{6}", v):
        c = parse_color("#" + v)
    return c


def _over(top: RGBA, below: RGBA) -> RGBA:
    """``top`` composited over an opaque ``below``."""
    a = top[3]
    return (top[0] * a + below[0] * (1 - a), top[1] * a + below[1] * (1 - a), top[2] * a + below[2] * (1 - a), 1.0)


def contrast_ratio(a: RGBA, b: RGBA) -> float:
    """WCAG contrast ratio of two opaque colours (1 to 21)."""
    x, y = _luminance(*a[:3]), _luminance(*b[:3])
    return (max(x, y) + 0.05) / (min(x, y) + 0.05)


def _hex(c: RGBA) -> str:
    return "#" + "".join(f"{round(v):02x}" for v in c[:3])


_COLOUR_TOKEN = re.compile(r"(?:rgba?|hsla?)\([^()]*\)|#[0-9a-fA-F]{3,8}\b|\b[a-zA-Z]+\b")
_UNKNOWN = "unknown"


def _background_layer(value: str) -> list[RGBA] | str | None:
    """The colours a ``background`` value may paint behind text: a list of choices (gradient stops over the
    base colour), None when it paints nothing, :data:`_UNKNOWN` for an image or a value not understood."""
    v = value.strip().lower()
    if not v or v in ("none", "initial", "unset", "revert", "revert-layer", "inherit"):
        return None
    if re.search(r"url\(|image\(|image-set\(|element\(|paint\(|var\(|env\(|attr\(", v):
        return _UNKNOWN
    gradients = re.findall(r"(?:repeating-)?(?:linear|radial|conic)-gradient\((?:[^()]|\([^()]*\))*\)", v)
    rest = v
    for g in gradients:
        rest = rest.replace(g, " ")
    base = None
    for tok in _COLOUR_TOKEN.findall(rest):
        if (c := parse_color(tok)) is not None:
            base = c
    stops = [c for g in gradients for tok in _COLOUR_TOKEN.findall(g[g.index("(") + 1:])
             if (c := parse_color(tok)) is not None]
    if gradients and not stops:
        return _UNKNOWN
    if not stops:
        return [base] if base is not None and base[3] > 0 else None
    out = []
    for s in stops:
        if base is not None and s[3] < 1:
            under = _over(base, WHITE) if base[3] < 1 else base
            s = (*_over(s, under)[:3], max(s[3], base[3]))
        out.append(s)
    return out


# ---- CSS blocks and rules --------------------------------------------------------------------------------------

_ESCAPE = re.compile(r"\\([0-9a-fA-F]{1,6})\s?|\\(.)", re.S)
_COMPOUND_PART = re.compile(r"""(?P<tag>^(?:[\w-]+|\*)(?:\|(?:[\w-]+|\*))?)|\#(?P<id>[\w-]+)|\.(?P<cls>[\w-]+)
    |\[\s*(?:[\w-]*\|)?(?P<attr>[\w-]+)[^\]]*\]|::?[\w-]+(?:\([^)]*\))?|&""", re.X)


def _unescape(css: str) -> str:
    def one(m: re.Match[str]) -> str:
        if m.group(1):
            code = int(m.group(1), 16)
            return chr(code) if 0 < code <= 0x10FFFF else "\ufffd"
        return m.group(2)
    return _ESCAPE.sub(one, css)


def _split_top(text: str, seps: str) -> list[str]:
    """Split at any character of ``seps`` outside brackets and parentheses."""
    out, depth, cur = [], 0, []
    for ch in text:
        if ch in "([":
            depth += 1
        elif ch in ")]":
            depth = max(0, depth - 1)
        if ch in seps and depth == 0:
            out.append("".join(cur))
            cur = []
        else:
            cur.append(ch)
    out.append("".join(cur))
    return out


def declarations(css: str) -> dict[str, str]:
    """The declarations of a block (comments stripped, escapes decoded): property → value (last wins)."""
    css = strip_css_comments(_unescape(strip_css_comments(css)))
    out: dict[str, str] = {}
    for part in _split_top(css, ";"):
        if ":" in part:
            key, value = part.split(":", 1)
            out[key.strip().lower()] = re.sub(r"\s*!\s*important\s*$", "", value.strip().lower())
    return out


_OFFSETS = ("left", "right", "top", "bottom", "inset", "inset-inline-start", "inset-inline-end",
            "inset-block-start", "inset-block-end", "margin-left", "margin-top", "margin-inline-start",
            "text-indent")


def _polygon_area(points: list[tuple[str, str]], percent: float) -> float | None:
    """Area of a ``polygon()`` with percentages taken as ``percent`` px each; None when not plain lengths."""
    xy = []
    for x, y in points:
        pair = []
        for token in (x, y):
            m = _LENGTH.match(token)
            if not m:
                return None
            n = float(m.group(1))
            pair.append(n * percent if m.group(2) == "%" else (_px(token) or 0.0))
        xy.append(pair)
    return abs(sum(xy[i][0] * xy[i - 1][1] - xy[i - 1][0] * xy[i][1] for i in range(len(xy)))) / 2


def _inset_hides(arguments: str) -> bool:
    """``inset()`` leaving nothing: a first inset of 50% or more, or opposite insets adding up to 100%."""
    values = arguments.split(" round ")[0].split()
    if values and re.fullmatch(r"(?:[5-9]\d|\d{3,})(?:\.\d+)?%", values[0]):
        return True
    sides = {1: values * 4, 2: values * 2, 3: values + values[1:2]}.get(len(values), values[:4])
    pct = [float(t[:-1]) if t.endswith("%") and _NUMBER.match(t[:-1]) else 0.0 if _zeroish(t) else None
           for t in sides]
    return len(pct) == 4 and (_add_to_100(pct[0], pct[2]) or _add_to_100(pct[1], pct[3]))


def _add_to_100(a: float | None, b: float | None) -> bool:
    return a is not None and b is not None and a + b >= 100


def _polygon_hides(arguments: str) -> bool:
    """``polygon()`` of fewer than three points or of no area (percentages at two sizes of the box)."""
    parts = [p.strip() for p in _split_top(arguments, ",")]
    if parts and parts[0] in ("nonzero", "evenodd"):
        parts = parts[1:]
    points = [tuple(p.split()) for p in parts if p]
    if len(points) < 3:
        return True
    if any(len(p) != 2 for p in points):
        return False
    areas = [_polygon_area(points, scale) for scale in (1.0, 3.7)]
    return all(a is not None and a <= 1.0 for a in areas)


def _xywh_hides(arguments: str) -> bool:
    values = arguments.split()
    return len(values) >= 4 and (_zeroish(values[2]) or _zeroish(values[3]))


def _rect_hides(arguments: str) -> bool:
    values = arguments.replace(",", " ").split()
    return len(values) >= 4 and (values[0] == values[2] or values[1] == values[3])


#: the ``clip-path`` shapes judged by their arguments: (the shape, what its arguments say)
_CLIP_SHAPES = (
    (re.compile(r"inset\(([^)]*)\)"), _inset_hides),
    (re.compile(r"polygon\((.*)\)", re.S), _polygon_hides),
    (re.compile(r"xywh\(([^)]*)\)"), _xywh_hides),
    (re.compile(r"rect\(([^)]*)\)"), _rect_hides),
)


def _clip_path_hides(cp: str) -> bool:
    """Whether a ``clip-path`` value may leave nothing of the element visible (conservatively)."""
    cp = cp.strip()
    if re.match(r"(?:path|shape|url)\(", cp):
        return True  # not judged statically: reported, the browser mode knows better
    if re.match(r"(?:circle|ellipse)\(\s*0", cp):
        return True
    for shape, hides in _CLIP_SHAPES:
        m = shape.match(cp)
        if m:
            return hides(m.group(1))
    return False


#: Properties through which a block can hide, mirror or blank out text.
_SENSITIVE = ("display", "visibility", "opacity", "color", "-webkit-text-fill-color", "font-size", "font",
              "content-visibility", "clip-path", "-webkit-clip-path", "transform", "scale", "zoom", "filter",
              "text-indent", "height", "width", "max-height", "max-width") + _OFFSETS
_VAR = re.compile(r"var\(\s*(--[\w-]+)\s*(?:,\s*([^()]*(?:\([^()]*\)[^()]*)*))?\)")
_CALC = re.compile(r"calc\(([^()]*)\)")
_NUMERIC = re.compile(r"[\d.+\-*/\s()]+")
_UNKNOWN_COLOUR_FUNCS = re.compile(r"\b(?:lab|lch|oklab|oklch|color|color-mix|light-dark|hwb|device-cmyk)\(")
#: CSS system colours in the light scheme a reader sees by default (Canvas is the page background).
_SYSTEM_COLOURS = {"canvas": "#ffffff", "field": "#ffffff", "buttonface": "#efefef", "canvastext": "#000000",
                   "fieldtext": "#000000", "graytext": "#808080", "linktext": "#0000ee", "buttontext": "#000000"}
_KEYWORDS = {"inherit", "initial", "unset", "revert", "revert-layer", "currentcolor"}


def _resolve_vars(d: dict[str, str]) -> dict[str, str]:
    """``var(--x, fallback)`` replaced by the block's own ``--x`` or the fallback; system colours by their
    light-scheme value; ``calc()`` of plain numbers by its value. What stays unresolved is left as is."""
    def one(value: str, depth: int = 0) -> str:
        if "var(" in value and depth < 8:
            def sub(m: re.Match[str]) -> str:
                own = d.get(m.group(1))
                return own if own is not None and "var(" not in own else (m.group(2) or m.group(0)).strip()
            value = one(_VAR.sub(sub, value), depth + 1)
        if "calc(" in value:
            value = _CALC.sub(lambda m: _calc(m.group(1)) or m.group(0), value)
        return _SYSTEM_COLOURS.get(value.strip(), value)

    return {k: one(v) if not k.startswith("--") else v for k, v in d.items()}


def _calc(expr: str) -> str | None:
    """A ``calc()`` of unitless numbers (``calc(0)``, ``calc(1 - 1)``), evaluated; None otherwise."""
    if not _NUMERIC.fullmatch(expr) or "**" in expr:
        return None
    import ast

    try:
        tree = ast.parse(expr.strip(), mode="eval")
    except SyntaxError:
        return None
    allowed = (ast.Expression, ast.BinOp, ast.UnaryOp, ast.Constant, ast.Add, ast.Sub, ast.Mult, ast.Div,
               ast.USub, ast.UAdd)
    if not all(isinstance(n, allowed) for n in ast.walk(tree)):
        return None
    try:
        return f"{eval(compile(tree, '<calc>', 'eval'), {'__builtins__': {}}):g}"  # noqa: S307 (numbers only)
    except (ZeroDivisionError, OverflowError, ValueError):
        return None


_BROWSER = "run `l10n verify --browser`"


def _unresolved(d: dict[str, str]) -> str | None:
    """A variable, ``calc()``, ``env()`` or ``attr()`` left in a property that can hide text."""
    for key in _SENSITIVE:
        v = d.get(key, "")
        if "var(" in v or "calc(" in v or "env(" in v or "attr(" in v:
            return f"{key}:{v} (cannot be judged without a browser: {_BROWSER})"
    return None


def _uncomputed_colour(d: dict[str, str]) -> str | None:
    """A colour function this module cannot compute (``lab()``, ``color-mix()``…), or a text colour not known."""
    for key in ("color", "-webkit-text-fill-color", "background-color", "background"):
        v = d.get(key, "")
        if v and _UNKNOWN_COLOUR_FUNCS.search(v):
            return f"{key}:{v} (a colour that cannot be judged without a browser: {_BROWSER})"
    for key in ("color", "-webkit-text-fill-color"):
        v = d.get(key, "").strip()
        if v and v not in _KEYWORDS and parse_color(v) is None:
            return f"{key}:{v} (an unknown colour: cannot be judged without a browser)"
    return None


def _blurring_filter(d: dict[str, str]) -> str | None:
    """A blur of 3px or more, or a contrast of 20% or less."""
    blur = re.search(r"blur\(\s*([\d.]+)(px|em|rem)?\s*\)", d.get("filter", ""))
    if blur and float(blur.group(1) or 0) * (16 if blur.group(2) in ("em", "rem") else 1) >= 3:
        return f"filter:{d['filter']}"
    contrast = re.search(r"contrast\(\s*([\d.]+)(%?)\s*\)", d.get("filter", ""))
    if contrast and float(contrast.group(1)) / (100 if contrast.group(2) else 1) <= 0.2:
        return f"filter:{d['filter']}"
    return None


def _degenerate_matrix(d: dict[str, str]) -> str | None:
    """A ``matrix()`` of (nearly) no area, or one that cannot be read."""
    mx = re.search(r"matrix\(([^)]*)\)", d.get("transform", ""))
    if not mx:
        return None
    try:
        a, b, c, dd = (float(x) for x in re.split(r"[\s,]+", mx.group(1).strip())[:4])
    except ValueError:
        return f"transform:{d['transform']} (cannot be judged without a browser)"
    if abs(a * dd - b * c) < 0.01:
        return f"transform:{d['transform']}"
    return None


def _mirrored_bidi(d: dict[str, str]) -> str | None:
    if "bidi-override" in d.get("unicode-bidi", ""):
        return f"unicode-bidi:{d['unicode-bidi']} (the text is drawn mirrored)"
    return None


def _undecidable(d: dict[str, str]) -> str | None:
    """A declaration a static reading cannot judge and that could hide or mirror text, described; else None.

    Conservative, like the rest: a CSS variable left unresolved or a ``calc()``
    of anything but numbers in a property that can hide text, a colour
    function this module cannot compute (``lab()``, ``color-mix()``…), a blur
    of 3px or more, a degenerate ``matrix()``, ``unicode-bidi: bidi-override``
    (draws the text mirrored). ``l10n verify --browser`` judges them exactly.
    """
    for test in (_unresolved, _uncomputed_colour, _blurring_filter, _degenerate_matrix, _mirrored_bidi):
        why = test(d)
        if why is not None:
            return why
    return None


def _hidden_display(d: dict[str, str]) -> str | None:
    if d.get("display") == "none":
        return f"display:{d.get('display')}"
    if d.get("visibility") in ("hidden", "collapse"):
        return f"visibility:{d['visibility']}"
    return None


def _hidden_opacity(d: dict[str, str]) -> str | None:
    if (a := _alpha(d.get("opacity", "1"))) is not None and a <= 0.1:
        return f"opacity:{d['opacity']}"
    return None


def _hidden_font_size(d: dict[str, str]) -> str | None:
    """A zero or tiny font size, also in the ``font`` shorthand."""
    if "font-size" in d and _zeroish(d["font-size"], tiny=1.0):
        return f"font-size:{d['font-size']}"
    if "font" in d:
        size = d["font"].split("/")[0].split()
        if any(_zeroish(token, tiny=1.0) for token in size):
            return f"font:{d['font']}"
    return None


def _hidden_transparent_text(d: dict[str, str]) -> str | None:
    for key in ("color", "-webkit-text-fill-color"):
        if key in d and (c := parse_color(d[key])) is not None and c[3] <= 0.1:
            return f"{key}:{d[key]}"
    return None


def _hidden_low_contrast(d: dict[str, str]) -> str | None:
    """Text under 3:1 contrast with the background the same block sets."""
    bg = d.get("background-color") or d.get("background", "")
    layer = _background_layer(bg) if bg else None
    text = parse_color(d.get("-webkit-text-fill-color", "")) or parse_color(d.get("color", ""))
    if text is None or not isinstance(layer, list):
        return None
    worst = min(contrast_ratio(_over(text, _over(c, WHITE)), _over(c, WHITE)) for c in layer)
    if worst < MIN_CONTRAST:
        return f"color:{d.get('-webkit-text-fill-color') or d['color']} on background {bg} " \
               f"(contrast {worst:.1f}:1)"
    return None


def _hidden_clipped(d: dict[str, str]) -> str | None:
    if "clip" in d and d["clip"].startswith("rect("):
        return f"clip:{d['clip']}"
    for key in ("clip-path", "-webkit-clip-path"):
        if key in d and _clip_path_hides(d[key]):
            return f"{key}:{d[key]}"
    return None


def _far_off(tokens: list[str]) -> bool:
    """Whether one of the length ``tokens`` moves 999px or more."""
    for token in tokens:
        px = _px(token)
        if px is not None and abs(px) >= 999:
            return True
    return False


def _hidden_offscreen(d: dict[str, str]) -> str | None:
    for key in _OFFSETS:
        if _far_off(d.get(key, "").split()):
            return f"{key}:{d[key]}"
    return None


def _transform_hides(key: str, v: str) -> bool:
    """Whether the ``transform``, ``scale`` or ``translate`` value ``v`` scales to nothing or moves far off."""
    first = _alpha(v.split()[0]) if key == "scale" and v.split() else None
    if re.search(r"scale[xyz3d]*\(\s*[+-]?(?:0+\.?0*|0?\.0\d*)\s*[,)]", v) or \
            (first is not None and first <= 0.05):
        return True
    for length in re.findall(r"translate[xyz3d]*\(([^)]*)\)", v) + ([v] if key == "translate" else []):
        if _far_off(re.split(r"[\s,]+", length)):
            return True
    return False


def _hidden_transformed(d: dict[str, str]) -> str | None:
    for key in ("transform", "scale", "translate"):
        v = d.get(key, "")
        if _transform_hides(key, v):
            return f"{key}:{v}"
    return None


def _hidden_zoom(d: dict[str, str]) -> str | None:
    if (z := _alpha(d.get("zoom", "1"))) is not None and z <= 0.1:
        return f"zoom:{d['zoom']}"
    return None


def _hidden_filter_opacity(d: dict[str, str]) -> str | None:
    fm = re.search(r"opacity\(\s*([\d.]+%?)\s*\)", d.get("filter", ""))
    if fm and (_alpha(fm.group(1)) or 0) <= 0.1:
        return f"filter:{d['filter']}"
    return None


def _hidden_collapsed(d: dict[str, str]) -> str | None:
    """A zero height or width with overflow hidden."""
    if not any(d.get(k, "") in ("hidden", "clip") for k in ("overflow", "overflow-x", "overflow-y")):
        return None
    for key in ("height", "max-height", "width", "max-width"):
        if key in d and _zeroish(d[key], tiny=1.0):
            return f"{key}:{d[key]} with overflow hidden"
    return None


#: the tests of :func:`hiding_declaration` on a block's declarations, in the order they are reported
_HIDING_TESTS = (_hidden_display, _hidden_opacity, _hidden_font_size, _hidden_transparent_text, _hidden_low_contrast,
                 _hidden_clipped, _hidden_offscreen, _hidden_transformed, _hidden_zoom, _hidden_filter_opacity,
                 _hidden_collapsed)


def hiding_declaration(css: str) -> str | None:
    """The declaration(s) of a CSS block that hide what it applies to, or None.

    Deliberately conservative (over-reports rather than misses): ``display:none``,
    ``visibility:hidden``, ``opacity`` ≤ 0.1, a zero or tiny font size (also in
    the ``font`` shorthand and ``calc(0…)``), transparent text or text under
    3:1 contrast with the background the same block sets, clipping
    (``clip``, a ``clip-path`` that leaves nothing: ``inset(≥50%)``,
    ``circle(0)``, a polygon of no area, ``path()``/``url()``), moving far
    off-screen (offsets, ``text-indent``, ``translate``), scaling to nothing
    (``transform:scale(0)``, ``zoom``), ``filter:opacity()`` and a zero
    height or width with overflow hidden.
    """
    flat = strip_css_comments(_unescape(strip_css_comments(css)))
    m = _HIDING_STYLE.search(flat)
    if m:
        return m.group(0).strip().rstrip(";!").strip()
    d = _resolve_vars(declarations(css))
    why = _undecidable(d)
    if why:
        return why
    for test in _HIDING_TESTS:
        why = test(d)
        if why is not None:
            return why
    return None


def _compound_can_match(compound: str, el: etree._Element) -> bool:
    """Whether a compound selector can match ``el`` (attribute values and pseudo-classes are ignored)."""
    compound = compound.strip()
    if not compound:
        return False
    pos = 0
    classes = set((el.get("class") or "").split())
    while pos < len(compound):
        m = _COMPOUND_PART.match(compound, pos)
        if m is None or m.end() == pos:
            return True  # not understood: assume it can match
        if m.group("tag"):
            tag = m.group("tag").split("|")[-1]
            if tag != "*" and tag.lower() != str(el.tag).lower():
                return False
        elif m.group("id") and m.group("id") != el.get("id"):
            return False
        elif m.group("cls") and m.group("cls") not in classes:
            return False
        elif m.group("attr") and m.group("attr").lower() not in {k.lower() for k in el.attrib}:
            return False
        pos = m.end()
    return True


def _selector_can_match(selector: str, el: etree._Element) -> bool:
    """Whether a complex selector's subject (its last compound) can match ``el``."""
    parts = [p for p in re.split(r"\s+", " ".join(_split_top(selector, ">+~")).strip()) if p]
    return bool(parts) and _compound_can_match(parts[-1], el)


def _css_rules(css: str) -> list[tuple[str, str]]:
    """``(selector list, declarations)`` of every style rule, inside @media/@supports/… and nested rules."""
    out: list[tuple[str, str]] = []
    css = strip_css_comments(css)
    pos, n = 0, len(css)
    while pos < n:
        brace = css.find("{", pos)
        semi = css.find(";", pos)
        if brace < 0:
            break
        if 0 <= semi < brace:  # an at-statement (@import, @charset) or a stray declaration
            pos = semi + 1
            continue
        prelude = css[pos:brace].strip()
        depth, end = 1, brace + 1
        while end < n and depth:
            depth += {"{": 1, "}": -1}.get(css[end], 0)
            end += 1
        block = css[brace + 1:end - 1 if depth == 0 else end]
        if prelude.startswith("@"):
            if re.match(r"@(?:media|supports|layer|container|document|scope|-moz-document)\b", prelude, re.I):
                out.extend(_css_rules(block))
        else:
            decls = block
            while "{" in decls and (flat := re.sub(r"\{[^{}]*\}", " ", decls)) != decls:
                decls = flat  # nested rules keep their own declarations
            out.append((prelude, decls))
            if "{" in block:
                out.extend(_css_rules(block))
        pos = end
    return out


def _page_rules(root: etree._Element) -> Iterator[tuple[str, str]]:
    for el in root.iter():
        if isinstance(el.tag, str) and el.tag.lower() == "style":
            yield from _css_rules(_unescape(el.text or ""))


def hiding_rules(root: etree._Element) -> list[tuple[str, str]]:
    """``(selector list, hiding declaration)`` of every ``<style>`` rule that hides what it matches."""
    return [(selectors, why) for selectors, decls in _page_rules(root) if (why := hiding_declaration(decls))]


def content_rules(root: etree._Element) -> list[tuple[str, str]]:
    """``(selector, content)`` of every ``<style>`` rule adding text with ``::before``/``::after``."""
    out = []
    for selectors, decls in _page_rules(root):
        content = declarations(decls).get("content", "")
        if content and content not in ("none", "normal", '""', "''"):
            out.extend((sel.strip(), content) for sel in _split_top(selectors, ",")
                       if re.search(r":(?:before|after|marker)\b", sel, re.I))
    return out


_PAINT_PROPS = ("color", "-webkit-text-fill-color", "background", "background-color", "background-image",
                "text-decoration", "text-decoration-line")


@dataclass(frozen=True)
class PaintRules:
    """The ``<style>`` rules of a page that set colours, backgrounds or text decoration (in page order)."""

    rules: tuple[tuple[tuple[str, ...], Mapping[str, str]], ...] = ()


def paint_rules(root: etree._Element) -> PaintRules:
    """The rules :func:`page_text` and :func:`visible_parts` weigh for contrast and strike-through."""
    out = []
    for selectors, decls in _page_rules(root):
        d = _resolve_vars(declarations(decls))
        kept = {k: v for k, v in d.items() if k in _PAINT_PROPS}
        if kept:
            out.append((tuple(s.strip() for s in _split_top(selectors, ",") if s.strip()), kept))
    return PaintRules(tuple(out))


def _style_of(node: etree._Element, paint: PaintRules) -> dict[str, str]:
    """Paint declarations that may apply to ``node``: matching rules in page order, then its inline style."""
    out: dict[str, str] = {}
    for selectors, decls in paint.rules:
        if any(not re.search(r"::?(?:before|after|marker|placeholder|selection|first-line|first-letter)\b", s, re.I)
               and _selector_can_match(s, node) for s in selectors):
            out.update(decls)
    style = node.get("style")
    if style:
        out.update({k: v for k, v in _resolve_vars(declarations(style)).items() if k in _PAINT_PROPS})
    return out


# ---- colour and background, down the tree -------------------------------------------------------------------

@dataclass(frozen=True)
class _Paint:
    """What text inherits at a node: its colour, fill colour and the backgrounds behind it (None: unknown)."""

    color: RGBA | None = None
    fill: RGBA | None = None
    backgrounds: tuple[RGBA, ...] | None = (WHITE,)


def _css_colour(value: str, inherited: RGBA | None) -> RGBA | None:
    v = value.strip()
    if v in ("inherit", "unset", "currentcolor", "revert", "revert-layer") or "var(" in v:
        return inherited
    if v == "initial":
        return BLACK
    c = parse_color(v)
    return inherited if c is None else c


def _text_colours(paint: _Paint, node: etree._Element, tag: str, style: Mapping[str, str]
                  ) -> tuple[RGBA | None, RGBA | None]:
    """(colour, fill colour) of the text at ``node``: ``<font color>``, ``<body text>``, then its style."""
    color, fill = paint.color, paint.fill
    if tag == "font" and node.get("color"):
        color = _legacy_color(node.get("color")) or color
    if tag == "body" and node.get("text"):
        color = _legacy_color(node.get("text")) or color
    if "color" in style:
        color = _css_colour(style["color"], color)
    if "-webkit-text-fill-color" in style:
        v = style["-webkit-text-fill-color"].strip()
        fill = None if v in ("currentcolor", "initial") else _css_colour(v, fill)
    return color, fill


def _own_background(node: etree._Element, style: Mapping[str, str]) -> list[RGBA] | str | None:
    """The background ``node`` paints (see :func:`_background_layer`): its style, else its ``bgcolor``."""
    if "background" in style or "background-color" in style or "background-image" in style:
        value = style.get("background", "") + " " + style.get("background-image", "")
        if "background-color" in style:
            value += " " + style["background-color"]
        return _background_layer(value)
    if node.get("bgcolor"):
        c = _legacy_color(node.get("bgcolor"))
        return [c] if c is not None else None
    return None


def _composited(layer: list[RGBA], backgrounds: tuple[RGBA, ...]) -> tuple[RGBA, ...]:
    """Each colour of ``layer`` over each of ``backgrounds`` (the first 64 distinct)."""
    seen: list[RGBA] = []
    for below in backgrounds:
        for c in layer:
            mixed = _over(c, below)
            if mixed not in seen and len(seen) < 64:
                seen.append(mixed)
    return tuple(seen)


def _step(paint: _Paint, node: etree._Element, style: Mapping[str, str]) -> _Paint:
    color, fill = _text_colours(paint, node, str(node.tag).lower(), style)
    layer = _own_background(node, style)
    backgrounds = paint.backgrounds
    if layer == _UNKNOWN:
        backgrounds = None
    elif isinstance(layer, list) and layer and backgrounds is not None:
        backgrounds = _composited(layer, backgrounds)
    return _Paint(color, fill, backgrounds)


def _contrast_problem(paint: _Paint) -> str | None:
    if paint.backgrounds is None:
        return None
    text = paint.fill or paint.color or BLACK
    worst = None
    for bg in paint.backgrounds:
        tx = _over(text, bg)
        r = contrast_ratio(tx, bg)
        if worst is None or r < worst[0]:
            worst = (r, tx, bg)
    if worst is None or worst[0] >= MIN_CONTRAST:
        return None
    return f"contrast {worst[0]:.1f}:1 (text {_hex(worst[1])} on {_hex(worst[2])}, under {MIN_CONTRAST:g}:1)"


def _paint_at(el: etree._Element, paint: PaintRules) -> _Paint:
    """The paint an element's own text gets (folded from the root down)."""
    chain = [n for n in [el, *el.iterancestors()] if isinstance(n.tag, str)]
    state = _Paint()
    for node in reversed(chain):
        state = _step(state, node, _style_of(node, paint))
    return state


# ---- hidden elements -----------------------------------------------------------------------------------------

_STRIKE = ("s", "del", "strike")
_NOT_RENDERED = ("template", "noscript", "head", "script", "style", "rp", "title", "noframes", "noembed", "desc",
                 "metadata")
_FALLBACK = ("canvas", "video", "audio", "object", "embed", "iframe")
_CONTROLS = ("select", "option", "optgroup", "textarea")


def _attr_hidden(node: etree._Element) -> str | None:
    """Why ``node`` hides all its content whatever path leads into it, or None."""
    tag = str(node.tag).lower()
    if node.get("hidden") is not None:
        return f"<{node.tag}> has the hidden attribute"
    if (node.get("aria-hidden") or "").strip().lower() == "true":
        return f"<{node.tag}> has aria-hidden=true"
    if node.get("popover") is not None:
        return f"<{node.tag}> is a popover (hidden until opened)"
    why = hiding_declaration(node.get("style") or "")
    if why:
        return f"<{node.tag}> has style {why!r}"
    if tag in _NOT_RENDERED:
        return f"inside <{tag}>"
    if tag in _FALLBACK:
        return f"inside <{tag}> (its content is fallback content, not shown)"
    if tag == "datalist":
        return "inside <datalist> (never shown)"
    if tag in _CONTROLS:
        return f"inside <{tag}> (a form control's options, not page text)"
    if tag == "dialog" and node.get("open") is None:
        return "inside a <dialog> that is not open"
    if tag == "bdo":
        return f"inside <bdo dir={node.get('dir')!r}> (the text is drawn in forced order, mirrored)"
    return None


def _via_hidden(node: etree._Element, via: etree._Element | None) -> str | None:
    """Why ``node`` hides the content reached through its child ``via`` (None: its own text), or None."""
    tag = str(node.tag).lower()
    vtag = str(via.tag).lower() if via is not None and isinstance(via.tag, str) else None
    if tag == "details" and node.get("open") is None and vtag != "summary":
        return "inside a closed <details>"
    if tag == "picture" and vtag != "img":
        return "inside <picture> (only its <img> is shown)"
    return None


def self_hidden(node: etree._Element, via: etree._Element | None = None) -> str | None:
    """Why ``node`` itself hides its content (``via``: the child the content is in), or None."""
    return _attr_hidden(node) or _via_hidden(node, via)


def hidden(el: etree._Element) -> str | None:
    """Why an element (or an ancestor) is hidden, or None."""
    node, via = el, None
    while node is not None and isinstance(node.tag, str):
        why = self_hidden(node, via)
        if why:
            return why
        node, via = node.getparent(), node
    return _bidi_override(el)


def _bidi_override(el: etree._Element) -> str | None:
    """A bidi override character (U+202D, U+202E) in the block holding ``el`` draws its text mirrored."""
    block = el
    for anc in el.iterancestors():
        if not isinstance(anc.tag, str):
            continue
        block = anc
        if str(anc.tag).lower() in ("p", "div", "li", "td", "th", "section", "article", "aside", "main", "body",
                                    "blockquote", "dd", "dt", "figcaption", "h1", "h2", "h3", "h4", "h5", "h6"):
            break
    text = "".join(block.itertext())
    if "\u202d" in text or "\u202e" in text:
        return "a bidi override character (U+202D/U+202E) in its block draws the text mirrored"
    return None


def hidden_by_rule(el: etree._Element, rules: list[tuple[str, str]],
                   stop: etree._Element | None = None) -> str | None:
    """Why a ``<style>`` rule may hide ``el`` (through it or an ancestor), or None.

    With ``stop``, only ``el`` itself is considered (its ancestors up to
    ``stop`` were checked already).
    """
    if not rules:
        return None
    chain = [el] if stop is not None else [n for n in [el, *el.iterancestors()] if isinstance(n.tag, str)]
    for selectors, decl in rules:
        for sel in _split_top(selectors, ","):
            for node in chain:
                if _selector_can_match(sel, node):
                    return f"the style rule {sel.strip()!r} {{{decl}}} can match <{node.tag}>"
    return None


def _strikes(node: etree._Element, style: Mapping[str, str]) -> str | None:
    tag = str(node.tag).lower()
    if tag in _STRIKE:
        return f"<{tag}>"
    deco = style.get("text-decoration-line", "") + " " + style.get("text-decoration", "")
    if "line-through" in deco:
        return f"text-decoration:line-through on <{tag}>"
    return None


def struck_by(el: etree._Element, paint: PaintRules | None = None) -> str | None:
    """What strikes an element's text through from outside: an ancestor ``<s>``/``<del>``/``<strike>`` or
    ``text-decoration: line-through`` (inline or by a rule that can match), or None."""
    paint = paint or PaintRules()
    for node in el.iterancestors():
        if isinstance(node.tag, str) and (why := _strikes(node, _style_of(node, paint))):
            return why
    return None


def fold(text: str) -> str:
    """Whitespace folded to single spaces, trimmed."""
    return " ".join(text.split())


# ---- walking the text ----------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Chunk:
    """A run of text in document order: why readers cannot see it (None: seen), what strikes it (None: not)."""

    text: str
    hidden: str | None = None
    struck: str | None = None


def _walk(node: etree._Element, inherited: str | None, struck: str | None, paint: _Paint,
          rules: list[tuple[str, str]], prules: PaintRules, *, top: bool = False, alts: bool = False,
          comments: bool = False) -> Iterator[Chunk]:
    """Chunks of ``node``'s content in document order. ``inherited``: why its ancestors hide it; ``top``: the
    element judged (its own hiding, by attribute or rule, is for :func:`hidden` to report, not its text).
    Iterative: pages may nest deeper than Python recurses."""

    def enter(el: etree._Element, inherited: str | None, struck: str | None, paint: _Paint, is_top: bool
              ) -> tuple[str | None, str | None, _Paint, str | None]:
        style = _style_of(el, prules)
        paint = _step(paint, el, style)
        own = inherited if is_top else (inherited or _attr_hidden(el) or hidden_by_rule(el, rules, stop=el))
        struck = struck or _strikes(el, style)
        return own, struck, paint, own or _via_hidden(el, None) or _contrast_problem(paint)

    def opening(el: etree._Element, text_why: str | None, struck: str | None) -> Iterator[Chunk]:
        if el.text:
            yield Chunk(el.text, text_why, struck)
        if alts and str(el.tag).lower() in ("img", "area") and el.get("alt"):
            yield Chunk(" " + el.get("alt") + " ", text_why, struck)

    own, struck, paint, text_why = enter(node, inherited, struck, paint, top)
    yield from opening(node, text_why, struck)
    frames = [(node, own, struck, paint, text_why, iter(node))]
    while frames:
        el, own, struck, paint, text_why, children = frames[-1]
        child = next(children, None)
        if child is None:
            frames.pop()
            if frames and el.tail:
                yield Chunk(el.tail, frames[-1][4], frames[-1][2])
            continue
        if isinstance(child.tag, str):
            c_own, c_struck, c_paint, c_why = enter(child, own or _via_hidden(el, child), struck, paint, False)
            yield from opening(child, c_why, c_struck)
            frames.append((child, c_own, c_struck, c_paint, c_why, iter(child)))
            continue
        if comments and isinstance(child, etree._Comment):
            yield Chunk(child.text or "", "inside an HTML comment", None)
        if child.tail:
            yield Chunk(child.tail, text_why, struck)


def visible_parts(el: etree._Element, rules: list[tuple[str, str]], paint: PaintRules | None = None
                  ) -> tuple[str, list[str], list[str]]:
    """(visible text of ``el``, folded; strike-through problems; why the rest is hidden).

    A descendant's text is dropped when it hides itself, a ``<style>`` rule
    can hide it, or it is under 3:1 contrast with its background (``el``'s
    own text too); ``el``'s own hiding and its ancestors' are for
    :func:`hidden`. Strike-through (``<s>``, ``<del>``, ``<strike>``,
    ``line-through``) on ``el`` or inside it stays visible but is a problem.
    """
    prules = paint or PaintRules()
    parent = el.getparent()
    start = _paint_at(parent, prules) if parent is not None and isinstance(parent.tag, str) else _Paint()
    parts: list[str] = []
    problems: list[str] = []
    reasons: list[str] = []
    for chunk in _walk(el, None, None, start, rules, prules, top=True):
        if chunk.hidden:
            if chunk.text.strip() and chunk.hidden not in reasons:
                reasons.append(chunk.hidden)
            continue
        parts.append(chunk.text)
        if chunk.struck and chunk.text.strip():
            msg = f"part of it is struck through with {chunk.struck}"
            if msg not in problems:
                problems.append(msg)
    return fold("".join(parts)), problems, reasons


def visible_disclaimer_text(el: etree._Element, rules: list[tuple[str, str]],
                            paint: PaintRules | None = None) -> tuple[str, list[str]]:
    """(visible text of ``el`` with whitespace folded, problems): hidden descendants are dropped.

    See :func:`visible_parts`; strike-through is returned as a problem.
    """
    text, problems, _ = visible_parts(el, rules, paint)
    return text, problems


@dataclass(frozen=True)
class PageText:
    """A whole page's text in document order, each chunk with why it is hidden or struck through."""

    chunks: tuple[Chunk, ...] = field(default=())
    lang: str = ""

    @property
    def visible(self) -> str:
        """What readers see, struck-through text left out."""
        return " ".join(c.text for c in self.chunks if not c.hidden and not c.struck)

    @property
    def hidden(self) -> str:
        """What readers cannot see."""
        return " ".join(c.text for c in self.chunks if c.hidden)


def page_text(root: etree._Element) -> PageText:
    """Every text of a page (a :func:`parse_page` tree), ``<img alt>`` and comments included, judged."""
    html = root if str(root.tag).lower() == "html" else root.getroottree().getroot()
    rules = hiding_rules(root)
    prules = paint_rules(root)
    chunks = tuple(_walk(root, None, None, _Paint(), rules, prules, alts=True, comments=True))
    out, mirrored = [], False
    for c in chunks:  # after a bidi override character, text may be drawn mirrored (conservatively: all of it)
        if mirrored and not c.hidden and c.text.strip():
            c = Chunk(c.text, _MIRRORED, c.struck)
        elif not c.hidden and ("\u202d" in c.text or "\u202e" in c.text):
            mirrored = True
            c = Chunk(c.text, _MIRRORED, c.struck)
        out.append(c)
    return PageText(tuple(out), (html.get("lang") or "") if html is not None else "")


_MIRRORED = "after a bidi override character (U+202D/U+202E): drawn mirrored"
