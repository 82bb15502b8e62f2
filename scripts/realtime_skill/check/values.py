"""Follow values through code the way a reviewer does: a local constant to its
literal, a spread (`...OPTS`) or `**kwargs` to the object it names, an option to its
value. Resolution is per file: a name with one distinct definition in the file
resolves, a name assigned several different values does not (the caller then treats
the value as unknown, never as a finding). The one exception is shadowing: when every
definition of the name is a declaration (`const`/`let`/`var`, `function f`, Python
`def f`), the declaration made in the innermost function that encloses the use is
taken (two Svelte actions that each declare their own `function onMove`).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from tree_sitter import Node

# Wrappers that do not change a value: (x), x as T, x satisfies T, x!, <T>x.
_TRANSPARENT = frozenset({
    "parenthesized_expression", "as_expression", "satisfies_expression",
    "non_null_expression", "type_assertion",
})
_JS_FUNCTIONS = frozenset({
    "function_declaration", "function_expression", "arrow_function", "method_definition",
    "generator_function", "generator_function_declaration", "function",
})
_MAX_DEPTH = 8

State = Literal["found", "absent", "unknown"]


def text(node: Node) -> str:
    raw = node.text
    return raw.decode("utf-8", "replace") if raw is not None else ""


def unwrap(node: Node) -> Node:
    while node.type in _TRANSPARENT and node.named_child_count:
        child = node.named_children[0]
        if child is None:
            break
        node = child
    return node


@dataclass
class Definitions:
    """name -> value nodes of its definitions in one file (`x`, `this.x`, `self.x`)."""

    values: dict[str, list[Node]] = field(default_factory=dict)
    # name -> the function (or module) whose body declares each definition, None for
    # assignments and members, which may be reassignments of an outer name
    scopes: dict[str, list[Node | None]] = field(default_factory=dict)

    def add(self, name: str, value: Node, scope: Node | None = None) -> None:
        self.values.setdefault(name, []).append(value)
        self.scopes.setdefault(name, []).append(scope)

    def unique(self, name: str, at: Node | None = None) -> Node | None:
        found = self.values.get(name)
        if not found:
            return None
        first = found[0]
        if all(text(v) == text(first) for v in found[1:]):
            return first
        if at is not None:
            return self._shadowing(name, at)
        return None

    def _shadowing(self, name: str, at: Node) -> Node | None:
        """Several declarations in different functions: the innermost one whose
        function encloses the use, when it is the only one there."""
        scopes = self.scopes.get(name, [])
        if any(s is None for s in scopes):
            return None
        enclosing = _ancestors(at)
        best: list[tuple[int, Node]] = []
        for value, scope in zip(self.values[name], scopes, strict=True):
            assert scope is not None
            depth = enclosing.get(_key(scope))
            if depth is not None:
                best.append((depth, value))
        if not best:
            return None
        nearest = min(d for d, _ in best)
        chosen = [v for d, v in best if d == nearest]
        if all(text(v) == text(chosen[0]) for v in chosen[1:]):
            return chosen[0]
        return None


def _key(node: Node) -> tuple[int, int, str]:
    return (node.start_byte, node.end_byte, node.type)


def _ancestors(node: Node) -> dict[tuple[int, int, str], int]:
    """Every ancestor of `node` (itself excluded) -> how many levels up it is."""
    out: dict[tuple[int, int, str], int] = {}
    current = node.parent
    depth = 1
    while current is not None:
        out.setdefault(_key(current), depth)
        current = current.parent
        depth += 1
    return out


_SCOPES = _JS_FUNCTIONS | {"program", "module", "function_definition", "lambda"}


def _declaring_scope(node: Node) -> Node | None:
    """The function (or module) whose body holds a declaration at `node`."""
    current = node.parent
    while current is not None:
        if current.type in _SCOPES:
            return current
        current = current.parent
    return None


def _walk(node: Node) -> Iterator[Node]:
    cursor = node.walk()
    visited = False
    while True:
        if not visited:
            current = cursor.node
            if current is not None:
                yield current
            if cursor.goto_first_child():
                continue
        if cursor.goto_next_sibling():
            visited = False
            continue
        if not cursor.goto_parent():
            return
        visited = True


def collect_definitions(root: Node, language: str) -> Definitions:
    defs = Definitions()
    if language == "python":
        _python_definitions(root, defs)
    else:
        _js_definitions(root, defs)
    return defs


def _js_definitions(root: Node, defs: Definitions) -> None:
    for node in _walk(root):
        kind = node.type
        if kind == "variable_declarator":
            name, value = node.child_by_field_name("name"), node.child_by_field_name("value")
            if name is not None and name.type == "identifier":
                # `let x;` defines nothing yet; a later assignment does
                if value is not None:
                    defs.add(text(name), value, _declaring_scope(node))
        elif kind == "assignment_expression":
            left, right = node.child_by_field_name("left"), node.child_by_field_name("right")
            if left is not None and right is not None and left.type in ("identifier", "member_expression"):
                defs.add(_norm(text(left)), right)
        elif kind == "augmented_assignment_expression":
            left = node.child_by_field_name("left")
            if left is not None:
                defs.add(_norm(text(left)), node)  # a second, different value: ambiguous
        elif kind in ("function_declaration", "generator_function_declaration"):
            name = node.child_by_field_name("name")
            if name is not None:
                defs.add(text(name), node, _declaring_scope(node))
        elif kind == "method_definition":
            name = node.child_by_field_name("name")
            if name is not None:
                defs.add("this." + text(name), node)
        elif kind in ("public_field_definition", "field_definition"):
            name = node.child_by_field_name("name") or node.child_by_field_name("property")
            value = node.child_by_field_name("value")
            if name is not None and value is not None:
                defs.add("this." + text(name), value)


def _python_definitions(root: Node, defs: Definitions) -> None:
    for node in _walk(root):
        kind = node.type
        if kind == "assignment":
            left, right = node.child_by_field_name("left"), node.child_by_field_name("right")
            if left is not None and right is not None and left.type in ("identifier", "attribute"):
                defs.add(_norm(text(left)), right)
        elif kind == "augmented_assignment":
            left = node.child_by_field_name("left")
            if left is not None:
                defs.add(_norm(text(left)), node)
        elif kind == "function_definition":
            name = node.child_by_field_name("name")
            if name is not None:
                defs.add(text(name), node, _declaring_scope(node))


def _norm(name: str) -> str:
    return "".join(name.split())


def resolve(node: Node, defs: Definitions, depth: int = 0) -> Node:
    """The value a node stands for: follows identifiers, `this.x`/`self.x` and
    `OBJ.key` of a local object constant. Returns the last node reached."""
    node = unwrap(node)
    if depth > _MAX_DEPTH:
        return node
    if node.type in ("identifier", "shorthand_property_identifier"):
        target = defs.unique(text(node), node)
        if target is not None and target != node:
            return resolve(target, defs, depth + 1)
        return node
    if node.type in ("member_expression", "attribute"):
        target = defs.unique(_norm(text(node)))
        if target is not None:
            return resolve(target, defs, depth + 1)
        obj = node.child_by_field_name("object")
        prop = node.child_by_field_name("property") or node.child_by_field_name("attribute")
        if obj is not None and prop is not None:
            container = resolve(obj, defs, depth + 1)
            state, value = _lookup(container, (prop.text or b"").decode("utf-8", "replace"), defs, depth + 1)
            if state == "found" and value is not None:
                return resolve(value, defs, depth + 1)
    return node


# Deployment configuration read once at start-up: fixed for the life of the process,
# so a delay taken from it is as constant as a literal.
_ENV_OBJECTS = frozenset({"process.env", "import.meta.env", "os.environ"})
_ENV_GETTERS = frozenset({"os.getenv", "os.environ.get", "getenv"})
# Conversions that keep a constant constant: Number("5000"), int(os.getenv(...)).
_CONVERSIONS = frozenset({"Number", "parseInt", "parseFloat", "int", "float", "String", "str"})


def _env_read(node: Node) -> bool:
    kind = node.type
    if kind in ("member_expression", "subscript_expression", "subscript"):
        obj = node.child_by_field_name("object") or node.child_by_field_name("value")
        return obj is not None and _norm(text(obj)) in _ENV_OBJECTS
    return False


def is_constant(node: Node, defs: Definitions, depth: int = 0) -> bool:
    """A value fixed for the life of the process: numbers, strings without
    interpolation, arithmetic of them, and configuration read from the environment
    (`process.env.X`, `os.environ["X"]`, `os.getenv("X", "5")`, also through `Number()`,
    `parseInt()`, `int()`, `float()` and `??`/`||` defaults)."""
    node = resolve(node, defs, depth)
    kind = node.type
    if depth > _MAX_DEPTH:
        return False
    if _env_read(node):
        return True
    if kind in ("call_expression", "call"):
        fn, args = node.child_by_field_name("function"), node.child_by_field_name("arguments")
        name = _norm(text(fn)) if fn is not None else ""
        if name in _ENV_GETTERS:
            return True
        first = args.named_children[0] if args is not None and args.named_children else None
        return name in _CONVERSIONS and first is not None and is_constant(first, defs, depth + 1)
    if kind in ("number", "integer", "float", "true", "false", "null", "none", "undefined"):
        return True
    if kind == "string":
        return not any(c.type in ("interpolation", "template_substitution") for c in node.named_children)
    if kind == "template_string":
        return not any(c.type == "template_substitution" for c in node.named_children)
    if kind in ("unary_expression", "unary_operator"):
        arg = node.named_children[-1] if node.named_children else None
        return arg is not None and is_constant(arg, defs, depth + 1)
    if kind in ("binary_expression", "binary_operator", "boolean_operator"):
        left, right = node.child_by_field_name("left"), node.child_by_field_name("right")
        return (left is not None and right is not None
                and is_constant(left, defs, depth + 1) and is_constant(right, defs, depth + 1))
    return False


def find_option(container: Node, path: list[str], defs: Definitions) -> tuple[State, Node | None]:
    """The value of option `path` (a list of key regexes, outermost first) in an object
    literal, a call's arguments, a Python call's keywords or a dict. Spreads and
    `**kwargs` are followed; one that cannot be resolved makes an absent key unknown."""
    node = container
    value: Node | None = None
    for i, key in enumerate(path):
        node = resolve(node, defs)
        state, value = _lookup(node, key, defs, 0)
        if state != "found" or value is None:
            return state, None
        if i + 1 < len(path):
            node = value
    return "found", value


def _lookup(node: Node, key: str, defs: Definitions, depth: int) -> tuple[State, Node | None]:
    from .regex import compile_re2

    pattern = compile_re2(f"^(?:{key})$")
    return _lookup_in(node, pattern, defs, depth)


def _key_text(key: Node) -> str:
    raw = text(key)
    if key.type == "string" and len(raw) >= 2:
        return raw[1:-1]
    return raw


def _merge(result: tuple[State, Node | None], found: tuple[State, Node | None]) -> tuple[State, Node | None]:
    """Later options win, as in JS/Python: a found value replaces anything; an options
    object we cannot see makes an absent option unknown, never a finding."""
    if found[0] == "found" or (found[0] == "unknown" and result[0] == "absent"):
        return found
    return result


def _lookup_in(node: Node, pattern: object, defs: Definitions, depth: int) -> tuple[State, Node | None]:
    if depth > _MAX_DEPTH:
        return "unknown", None
    node = unwrap(node)
    kind = node.type
    matcher = pattern.fullmatch  # type: ignore[attr-defined]
    if kind in ("call_expression", "new_expression", "call"):
        args = node.child_by_field_name("arguments")
        return _lookup_in(args, pattern, defs, depth + 1) if args is not None else ("absent", None)
    if kind == "arguments":  # JS: search every argument that may be an options object
        result: tuple[State, Node | None] = ("absent", None)
        for arg in node.named_children:
            target = resolve(arg, defs, depth + 1)
            if target.type == "object":
                found = _lookup_in(target, pattern, defs, depth + 1)
            elif target.type in ("identifier", "member_expression", "subscript_expression"):
                found = ("unknown", None)  # an options object we cannot see
            else:
                continue  # a literal, a function, a server instance: not options
            result = _merge(result, found)
        return result
    if kind == "object":
        result = ("absent", None)
        for child in node.named_children:
            if child.type == "pair":
                key = child.child_by_field_name("key")
                value = child.child_by_field_name("value")
                if key is not None and value is not None and matcher(_key_text(key)):
                    result = ("found", value)
            elif child.type == "shorthand_property_identifier":
                if matcher(text(child)):
                    result = ("found", child)
            elif child.type == "method_definition":
                name = child.child_by_field_name("name")
                if name is not None and matcher(text(name)):
                    result = ("found", child)
            elif child.type == "spread_element" and child.named_children:
                target = resolve(child.named_children[0], defs, depth + 1)
                found = _lookup_in(target, pattern, defs, depth + 1) if target.type == "object" else ("unknown", None)
                result = _merge(result, found)
        return result
    if kind == "argument_list":  # Python call keywords and **kwargs
        result = ("absent", None)
        for child in node.named_children:
            if child.type == "keyword_argument":
                name = child.child_by_field_name("name")
                value = child.child_by_field_name("value")
                if name is not None and value is not None and matcher(text(name)):
                    result = ("found", value)
            elif child.type == "dictionary_splat" and child.named_children:
                target = resolve(child.named_children[0], defs, depth + 1)
                found = _lookup_in(target, pattern, defs, depth + 1) if target.type in ("dictionary", "call") else ("unknown", None)
                result = _merge(result, found)
        return result
    if kind == "dictionary":
        result = ("absent", None)
        for child in node.named_children:
            if child.type == "pair":
                key = child.child_by_field_name("key")
                value = child.child_by_field_name("value")
                if key is None or value is None:
                    continue
                if key.type != "string":
                    result = ("unknown", None) if result[0] == "absent" else result
                elif matcher(_key_text(key)):
                    result = ("found", value)
            elif child.type == "dictionary_splat" and child.named_children:
                target = resolve(child.named_children[0], defs, depth + 1)
                found = _lookup_in(target, pattern, defs, depth + 1) if target.type in ("dictionary", "call") else ("unknown", None)
                result = _merge(result, found)
        return result
    return "unknown", None
