"""Reading glossary YAML safely, with the line of every value.

Uses PyYAML's ``SafeLoader`` (no ``!!python/...`` object tags, no arbitrary
constructors). Besides the data, returns a map from data paths
(``terms[3].targets.es``) to 1-based line numbers, and reports duplicate keys
(which YAML would otherwise silently merge) as problems.

Parsing is bounded before anything is composed (:func:`check_limits`, one
pass over libyaml's event stream, which keeps its own stack): a document
larger than :data:`MAX_BYTES`, nested deeper than :data:`MAX_DEPTH`, whose
aliases would expand to more than :data:`MAX_NODES` values (a "billion
laughs" alias bomb), or with an alias inside its own anchor (a cycle) is
refused with the line of the offending alias or collection. Unbounded, nine
levels of aliases took every byte of memory, and 100,000 nested ``[`` crashed
the C composer.
"""

from __future__ import annotations

from typing import Any

import yaml

from l10n.errors import GlossaryError

__all__ = ["MAX_BYTES", "MAX_DEPTH", "MAX_NODES", "check_limits", "read_yaml"]

#: Largest glossary accepted, in characters (the bundled one is about 44,000).
MAX_BYTES = 8_000_000
#: Deepest nesting of mappings and sequences accepted.
MAX_DEPTH = 64
#: Most values (scalars and collections, every alias counted as the values it stands for) accepted.
MAX_NODES = 200_000


def _limit_error(message: str, name: str, line: int | None) -> GlossaryError:
    where = f"{name or 'glossary'}:{line}" if line else (name or "glossary")
    return GlossaryError(message, path=name or None, line=line, problems=[f"{where}: {message}"])


def check_limits(text: str, name: str = "", loader_class: type | None = None) -> None:
    """Refuse a YAML document that would take unbounded time or memory to load.

    Walks the event stream once (libyaml's parser is iterative), counting
    each alias as the number of values its anchor expands to.

    :raises GlossaryError: too large, too deep, too many values once aliases
        are expanded, or an alias used inside its own anchor.
    """
    if len(text) > MAX_BYTES:
        raise _limit_error(f"the document is {len(text):,} characters; the limit is {MAX_BYTES:,}", name, None)
    loader = (loader_class or getattr(yaml, "CSafeLoader", yaml.SafeLoader))(text)
    sizes: dict[str, int] = {}       # anchor -> values it expands to
    open_anchors: set[str] = set()  # anchors of collections not yet closed
    stack: list[list] = []          # per open collection: [values so far, anchor]
    total = 0
    try:
        while loader.check_event():
            event = loader.get_event()
            line = event.start_mark.line + 1 if event.start_mark is not None else None
            if isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
                if len(stack) >= MAX_DEPTH:
                    raise _limit_error(f"nested deeper than {MAX_DEPTH} levels", name, line)
                stack.append([1, event.anchor])
                if event.anchor:
                    open_anchors.add(event.anchor)
                continue
            if isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
                count, anchor = stack.pop()
                if anchor:
                    sizes[anchor] = count
                    open_anchors.discard(anchor)
            elif isinstance(event, yaml.ScalarEvent):
                count = 1
                if event.anchor:
                    sizes[event.anchor] = 1
            elif isinstance(event, yaml.AliasEvent):
                if event.anchor in open_anchors:
                    raise _limit_error(f"alias *{event.anchor} is used inside its own anchor (a cycle)", name, line)
                count = sizes.get(event.anchor, 1)  # an undefined alias is reported by the composer
                total += count - 1  # the values it stands for, beyond itself
            else:
                continue
            total += 1
            if total > MAX_NODES:
                what = f" (alias *{event.anchor} stands for {count:,})" if isinstance(event, yaml.AliasEvent) else ""
                raise _limit_error(f"aliases expand to more than {MAX_NODES:,} values{what}: "
                                   "an alias bomb is not a glossary", name, line)
            if stack:
                stack[-1][0] += count
    except yaml.YAMLError:
        return  # a syntax error: the composer reports it with its line
    finally:
        loader.dispose()


def _walk(node: yaml.Node, where: str, lines: dict[str, int], dups: list[tuple[int, str]]) -> None:
    lines.setdefault(where, node.start_mark.line + 1)
    if isinstance(node, yaml.MappingNode):
        seen: set[str] = set()
        for key, value in node.value:
            name = str(key.value) if isinstance(key, yaml.ScalarNode) else "?"
            path = f"{where}.{name}" if where else name
            if name in seen:
                dups.append((key.start_mark.line + 1, f"duplicate key {name!r}" + (f" in {where}" if where else "")))
                continue
            seen.add(name)
            lines[path] = key.start_mark.line + 1
            _walk(value, path, lines, dups)
    elif isinstance(node, yaml.SequenceNode):
        for i, item in enumerate(node.value):
            _walk(item, f"{where}[{i}]", lines, dups)


def _duplicates_error(dups: list[tuple[int, str]], name: str) -> GlossaryError:
    problems = [f"{name or 'glossary'}:{ln}: {msg}" for ln, msg in dups]
    return GlossaryError(f"{len(dups)} problem(s) in the glossary: "
                         + "; ".join(f"line {ln}: {msg}" for ln, msg in dups),
                         path=name or None, line=dups[0][0], problems=problems)


def _marked_error(exc: yaml.MarkedYAMLError, name: str) -> GlossaryError:
    """A YAML error with a position, as a GlossaryError naming its line (object tags said as such)."""
    mark = exc.problem_mark or exc.context_mark
    line = mark.line + 1 if mark is not None else None
    what = " ".join(x for x in (exc.context, exc.problem) if x) or "invalid YAML"
    constructor = isinstance(exc, yaml.constructor.ConstructorError)
    if constructor and "tag" in (exc.problem or ""):
        what = f"object tags are not allowed in the glossary ({exc.problem.strip()})"
    msg = what if constructor else f"YAML syntax error: {what}"
    return GlossaryError(msg, path=name or None, line=line, problems=[f"{name or 'glossary'}:{line}: {msg}"])


def _load(loader: Any, name: str) -> tuple[Any, dict[str, int]]:
    """Compose the single document, refuse duplicate keys, then construct it: (data, data path -> line)."""
    node = loader.get_single_node()
    lines: dict[str, int] = {}
    dups: list[tuple[int, str]] = []
    if node is not None:
        _walk(node, "", lines, dups)
    if dups:
        raise _duplicates_error(dups, name)
    data = loader.construct_document(node) if node is not None else None
    return data, lines


def read_yaml(text: str, name: str = "") -> tuple[Any, dict[str, int]]:
    """Parse YAML ``text`` safely: (data, data path -> line). Raises GlossaryError with the line.

    The document is bounded first (:func:`check_limits`): size, depth, alias expansion, cycles.
    """
    check_limits(text, name)
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)(text)  # the C parser when libyaml is there
    try:
        return _load(loader, name)
    except yaml.MarkedYAMLError as exc:
        raise _marked_error(exc, name) from None
    except yaml.YAMLError as exc:
        raise GlossaryError(f"YAML error: {exc}", path=name or None,
                            problems=[f"{name or 'glossary'}: YAML error: {exc}"]) from None
    finally:
        loader.dispose()
