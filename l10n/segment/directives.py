"""In-document directives: ``<!-- l10n: ... -->`` comments (as mdpo's commands).

``<!-- l10n: disclaimer <id> -->``
    the next block is the safety disclaimer ``<id>``: one segment, with
    ``msgctxt "disclaimer:<id>"``.
``<!-- l10n: skip -->``
    the next block is not translated.
``<!-- l10n: off -->`` / ``<!-- l10n: on -->``
    nothing between them is translated.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from l10n.errors import SourceError

__all__ = ["Directive", "DirectiveState", "parse_directive"]

_COMMENT = re.compile(r"^\s*<!--\s*l10n\s*:\s*(.*?)\s*-->\s*$", re.S)
_ID = re.compile(r"^[a-z0-9][a-z0-9._-]*$")
COMMANDS = ("disclaimer", "skip", "off", "on")


@dataclass(frozen=True, slots=True)
class Directive:
    """A parsed ``<!-- l10n: ... -->`` comment."""

    command: str
    arg: str = ""


def parse_directive(comment: str, *, path: str = "", line: int = 0) -> Directive | None:
    """Parse one HTML comment; ``None`` when it is not an l10n directive.

    >>> parse_directive("<!-- l10n: disclaimer not-medical-advice -->")
    Directive(command='disclaimer', arg='not-medical-advice')
    >>> parse_directive("<!-- a plain comment -->") is None
    True
    """
    m = _COMMENT.match(comment)
    if not m:
        return None
    words = m.group(1).split()
    if not words or words[0] not in COMMANDS:
        raise SourceError(
            f"unknown l10n directive {m.group(1)!r} (known: {', '.join(COMMANDS)})", path=path, line=line
        )
    cmd, args = words[0], words[1:]
    if cmd == "disclaimer":
        if len(args) != 1 or not _ID.match(args[0]):
            raise SourceError("l10n directive 'disclaimer' needs one id such as 'not-medical-advice'",
                              path=path, line=line)
        return Directive(cmd, args[0])
    if args:
        raise SourceError(f"l10n directive {cmd!r} takes no argument", path=path, line=line)
    return Directive(cmd)


@dataclass
class DirectiveState:
    """What the directives seen so far say about the blocks that follow.

    Every segmenter feeds it the directives it meets (:meth:`apply`), asks
    whether the next block is translated (:meth:`translating`) and then
    takes the one-shot directives for that block (:meth:`consume`).

    >>> state = DirectiveState()
    >>> state.apply(Directive("disclaimer", "not-medical-advice"))
    >>> state.translating(), state.consume(), state.consume()
    (True, 'not-medical-advice', None)
    """

    disclaimer: str | None = None
    skip_next: bool = False
    off: bool = False

    def apply(self, directive: Directive) -> None:
        """Take one directive into account."""
        if directive.command == "disclaimer":
            self.disclaimer = directive.arg
        elif directive.command == "skip":
            self.skip_next = True
        else:
            self.off = directive.command == "off"

    def translating(self) -> bool:
        """False while translation is off or the next block is skipped."""
        return not (self.off or self.skip_next)

    def consume(self) -> str | None:
        """End the one-shot directives at a block; the disclaimer id it carries, if any."""
        disclaimer = self.disclaimer if self.translating() else None
        self.disclaimer = None
        self.skip_next = False
        return disclaimer
