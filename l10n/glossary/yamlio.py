"""Reading glossary YAML safely, with the line of every value.

Uses PyYAML's ``SafeLoader`` (no ``!!python/...`` object tags, no arbitrary
constructors). Besides the data, returns a map from data paths
(``terms[3].targets.es``) to 1-based line numbers, and reports duplicate keys
(which YAML would otherwise silently merge) as problems.
"""

from __future__ import annotations

from typing import Any

import yaml

from l10n.errors import GlossaryError

__all__ = ["read_yaml"]


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


def read_yaml(text: str, name: str = "") -> tuple[Any, dict[str, int]]:
    """Parse YAML ``text`` safely: (data, data path -> line). Raises GlossaryError with the line."""
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)(text)  # the C parser when libyaml is there
    try:
        node = loader.get_single_node()
        lines: dict[str, int] = {}
        dups: list[tuple[int, str]] = []
        if node is not None:
            _walk(node, "", lines, dups)
        if dups:
            problems = [f"{name or 'glossary'}:{ln}: {msg}" for ln, msg in dups]
            raise GlossaryError(f"{len(dups)} problem(s) in the glossary: "
                                + "; ".join(f"line {ln}: {msg}" for ln, msg in dups),
                                path=name or None, line=dups[0][0], problems=problems)
        data = loader.construct_document(node) if node is not None else None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark is not None else None
        what = " ".join(x for x in (exc.context, exc.problem) if x) or "invalid YAML"
        if isinstance(exc, yaml.constructor.ConstructorError) and "tag" in (exc.problem or ""):
            what = f"object tags are not allowed in the glossary ({exc.problem.strip()})"
        msg = f"YAML syntax error: {what}" if not isinstance(exc, yaml.constructor.ConstructorError) else what
        raise GlossaryError(msg, path=name or None, line=line,
                            problems=[f"{name or 'glossary'}:{line}: {msg}"]) from None
    except yaml.YAMLError as exc:
        raise GlossaryError(f"YAML error: {exc}", path=name or None,
                            problems=[f"{name or 'glossary'}: YAML error: {exc}"]) from None
    finally:
        loader.dispose()
    return data, lines
