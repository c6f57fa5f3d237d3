"""CSS and colour facts shared by the static visibility analysis and the browser check.

:data:`MIN_CONTRAST` is one threshold for both judges of a page (the static
analysis in :mod:`l10n.pages.visibility` and the browser mode in
:mod:`l10n.publish.render_check`), so they never disagree on what "unreadable" is.
"""

from __future__ import annotations

import re

__all__ = ["MIN_CONTRAST", "luminance", "strip_css_comments"]

#: Below this WCAG contrast ratio text counts as unreadable (WCAG's lowest bar, for large text).
MIN_CONTRAST = 3.0

_CSS_COMMENT = re.compile(r"/\*.*?(?:\*/|$)", re.S)


def strip_css_comments(css: str) -> str:
    """CSS text without its ``/* comments */`` (an unclosed comment runs to the end, as in a browser).

    >>> strip_css_comments("p{color:red}/* x */a{}/* open")
    'p{color:red} a{} '
    """
    return _CSS_COMMENT.sub(" ", css)


def luminance(r: int, g: int, b: int) -> float:
    """WCAG relative luminance of an sRGB colour (0 black .. 1 white)."""
    def lin(c: int) -> float:
        s = c / 255
        return s / 12.92 if s <= 0.03928 else ((s + 0.055) / 1.055) ** 2.4
    return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b)
