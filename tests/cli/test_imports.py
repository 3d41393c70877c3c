"""The import graph of kg: no cycle, and no module importing another's private names
(nor any test importing a private name of kg: tests go through what kg offers).

Every ``import`` counts, also those inside functions (a late import only hides a cycle);
those under ``if TYPE_CHECKING:`` do not (they never run).
"""

from __future__ import annotations

import ast
from pathlib import Path

KG = Path(__file__).resolve().parents[2] / "kg"
TESTS = Path(__file__).resolve().parents[1]


def modules(package: Path) -> dict[str, Path]:
    """Dotted module name → file, for every ``*.py`` under ``package``."""
    out = {}
    for f in sorted(package.rglob("*.py")):
        parts = list(f.relative_to(package.parent).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts = parts[:-1]
        out[".".join(parts)] = f
    return out


def _type_checking_nodes(tree: ast.AST) -> set[int]:
    skip: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            skip.update(id(n) for n in ast.walk(node))
    return skip


def import_graph(package: Path) -> tuple[dict[str, set[str]], list[tuple[str, str]]]:
    """``(edges, private)``: module → modules of the package it imports, and every
    ``(module, "other.module:_name")`` import of a private name from another module."""
    mods = modules(package)
    root = package.name

    def owner(name: str) -> str | None:
        while name and name not in mods:
            name = name.rpartition(".")[0]
        return name or None

    edges: dict[str, set[str]] = {m: set() for m in mods}
    private: list[tuple[str, str]] = []
    for m, f in mods.items():
        tree = ast.parse(f.read_text(encoding="utf-8"))
        skip = _type_checking_nodes(tree)
        pkg = m if f.name == "__init__.py" else m.rpartition(".")[0]
        for node in ast.walk(tree):
            if id(node) in skip:
                continue
            if isinstance(node, ast.Import):
                targets = [(a.name, None) for a in node.names if a.name.split(".")[0] == root]
            elif isinstance(node, ast.ImportFrom):
                base = node.module or ""
                if node.level:
                    parts = pkg.split(".")
                    parts = parts[: len(parts) - node.level + 1]
                    base = ".".join([*parts, *([node.module] if node.module else [])])
                if base.split(".")[0] != root:
                    continue
                targets = [(base, a.name) for a in node.names]
            else:
                continue
            for base, name in targets:
                full = f"{base}.{name}" if name else base
                target = owner(full) if full in mods else owner(base)
                if target is None or target == m:
                    continue
                edges[m].add(target)
                if name and name.startswith("_") and full not in mods:
                    private.append((m, f"{base}:{name}"))
    return edges, private


def private_imports_from(package: Path, users: Path) -> list[tuple[str, str]]:
    """Every ``(file, "module:_name")`` import of a private name of ``package`` (not a
    private module) by a file under ``users``, which is not part of ``package``."""
    mods = modules(package)
    root = package.name
    found: list[tuple[str, str]] = []
    for f in sorted(users.rglob("*.py")):
        tree = ast.parse(f.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if not isinstance(node, ast.ImportFrom) or node.level:
                continue
            base = node.module or ""
            if base.split(".")[0] != root:
                continue
            for a in node.names:
                if a.name.startswith("_") and f"{base}.{a.name}" not in mods:
                    found.append((f.relative_to(users).as_posix(), f"{base}:{a.name}"))
    return found


def cycles(edges: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components with more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on: set[str] = set()
    found: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on.add(v)
        for w in sorted(edges[v]):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = []
            while True:
                w = stack.pop()
                on.discard(w)
                comp.append(w)
                if w == v:
                    break
            if len(comp) > 1:
                found.append(sorted(comp))

    for v in sorted(edges):
        if v not in index:
            visit(v)
    return found


def test_kg_has_no_import_cycle() -> None:
    edges, _ = import_graph(KG)
    assert len(edges) > 50
    assert cycles(edges) == []


def test_no_module_imports_another_modules_private_names() -> None:
    _, private = import_graph(KG)
    assert private == []


def test_no_test_imports_a_private_name_of_kg() -> None:
    assert private_imports_from(KG, TESTS) == []


def test_the_checks_see_late_imports_and_private_names(tmp_path: Path) -> None:
    pkg = tmp_path / "pkg"
    (pkg / "sub").mkdir(parents=True)
    (pkg / "__init__.py").write_text("")
    (pkg / "sub" / "__init__.py").write_text("")
    (pkg / "a.py").write_text("from pkg.b import B\n")
    (pkg / "b.py").write_text(
        "from typing import TYPE_CHECKING\n"
        "if TYPE_CHECKING:\n    from pkg.sub.c import C\n"
        "B = 1\n"
        "def f():\n    from pkg.sub import c\n    return c\n"
    )
    (pkg / "sub" / "c.py").write_text("def g():\n    from ..a import _x\n")
    edges, private = import_graph(pkg)
    assert edges["pkg.b"] == {"pkg.sub.c"}  # the late import counts, TYPE_CHECKING does not
    assert cycles(edges) == [["pkg.a", "pkg.b", "pkg.sub.c"]]
    assert private == [("pkg.sub.c", "pkg.a:_x")]
    users = tmp_path / "users"
    users.mkdir()
    (pkg / "_m.py").write_text("")
    (users / "t.py").write_text(
        "def t():\n    from pkg.b import B, _y\n    from pkg import _m\n    from other import _z\n"
    )
    assert private_imports_from(pkg, users) == [("t.py", "pkg.b:_y")]
