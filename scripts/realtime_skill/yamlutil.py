"""Safe YAML loading that reports duplicate keys (PyYAML silently keeps the last one)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import yaml


@dataclass(frozen=True, slots=True)
class YamlProblem:
    line: int  # 1-based, relative to the loaded text
    column: int
    message: str
    duplicate: bool = False


class _DupCheckLoader(yaml.SafeLoader):
    duplicates: list[YamlProblem]


def _construct_mapping(loader: _DupCheckLoader, node: yaml.MappingNode, deep: bool = False) -> Any:
    seen: dict[Any, int] = {}
    for key_node, _ in node.value:
        try:
            key = loader.construct_object(key_node, deep=True)
        except yaml.YAMLError:
            continue
        try:
            hash(key)
        except TypeError:
            continue
        line = key_node.start_mark.line + 1
        if key in seen:
            loader.duplicates.append(
                YamlProblem(line, key_node.start_mark.column + 1,
                            f"duplicate key {key!r} (first defined on line {seen[key]})", True)
            )
        else:
            seen[key] = line
    loader.flatten_mapping(node)
    return yaml.SafeLoader.construct_mapping(loader, node, deep=deep)


_DupCheckLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


def load_yaml(text: str) -> tuple[Any, list[YamlProblem]]:
    """Load one YAML document; return (data, problems). Never raises on bad input."""
    try:
        loader = _DupCheckLoader(text)
    except yaml.reader.ReaderError as exc:  # control characters are rejected up front
        line = text[: exc.position].count("\n") + 1
        return None, [YamlProblem(line, 1, f"unacceptable character #x{exc.character:04x}")]
    loader.duplicates = []
    try:
        data = loader.get_single_data()
    except yaml.reader.ReaderError as exc:
        line = text[: exc.position].count("\n") + 1
        return None, [YamlProblem(line, 1, f"unacceptable character #x{exc.character:04x}")]
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
        line = mark.line + 1 if mark is not None else 1
        col = mark.column + 1 if mark is not None else 1
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        context = getattr(exc, "context", None)
        message = f"{context}: {problem}" if context else str(problem)
        return None, [YamlProblem(line, col, message)]
    except RecursionError:
        return None, [YamlProblem(1, 1, "document nests too deeply")]
    finally:
        loader.dispose()
    if _too_big(data):
        return None, [YamlProblem(1, 1, f"aliases expand to more than {MAX_NODES} values")]
    return data, list(loader.duplicates)


MAX_NODES = 100_000


def _too_big(data: Any) -> bool:
    """True when aliases expand past MAX_NODES values (or loop): a 'billion laughs'
    document is small on disk but explodes in every consumer that walks it."""
    budget = MAX_NODES
    stack = [data]
    while stack:
        item = stack.pop()
        budget -= 1
        if budget < 0:
            return True
        if isinstance(item, dict):
            stack.extend(item.keys())
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
    return False
