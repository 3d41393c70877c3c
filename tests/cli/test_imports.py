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


def module_of(e: ast.expr, bound: dict[str, str], mods: dict[str, Path]) -> str | None:
    """The module ``e`` names (a name ``bound`` to one, or a submodule of it), else None."""
    if isinstance(e, ast.Name):
        return bound.get(e.id)
    if isinstance(e, ast.Attribute):
        base = module_of(e.value, bound, mods)
        if base is not None and f"{base}.{e.attr}" in mods:
            return f"{base}.{e.attr}"
    return None


def private_uses_from(package: Path, users: Path) -> list[tuple[str, str]]:
    """Every ``(file, "module:_name")`` use of a private name of ``package`` (not a
    private module, not a ``__dunder__``) by a file under ``users``, which is not part of
    ``package``: imported (``from kg.x import _y``) or reached through a module of
    ``package`` bound by an import (``x._y`` after ``import kg.x as x``, ``from kg import
    x`` or ``import kg.x``, then ``kg.x._y``), also by name (``getattr(x, "_y")``,
    ``monkeypatch.setattr(x, "_y", …)``: a call whose first argument is such a module
    and whose second is the name)."""
    mods = modules(package)
    root = package.name

    def private(base: str, name: str) -> bool:
        dunder = name.startswith("__") and name.endswith("__")
        return name.startswith("_") and not dunder and f"{base}.{name}" not in mods

    found: list[tuple[str, str]] = []
    for f in sorted(users.rglob("*.py")):
        tree = ast.parse(f.read_text(encoding="utf-8"))
        where = f.relative_to(users).as_posix()
        bound: dict[str, str] = {}  # a name → the module of package it is bound to
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                for a in node.names:
                    if a.name.split(".")[0] == root:
                        bound[a.asname or root] = a.name if a.asname else root
            elif isinstance(node, ast.ImportFrom) and not node.level:
                base = node.module or ""
                if base.split(".")[0] != root:
                    continue
                for a in node.names:
                    if f"{base}.{a.name}" in mods:
                        bound[a.asname or a.name] = f"{base}.{a.name}"
                    elif private(base, a.name):
                        found.append((where, f"{base}:{a.name}"))

        for node in ast.walk(tree):
            if isinstance(node, ast.Attribute):
                base, name = module_of(node.value, bound, mods), node.attr
            elif (
                isinstance(node, ast.Call)
                and len(node.args) >= 2
                and isinstance(node.args[1], ast.Constant)
                and isinstance(node.args[1].value, str)
            ):
                base, name = module_of(node.args[0], bound, mods), node.args[1].value
            else:
                continue
            if base is not None and private(base, name):
                found.append((where, f"{base}:{name}"))
    return sorted(set(found))


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


def test_no_test_uses_a_private_name_of_kg() -> None:
    assert private_uses_from(KG, TESTS) == []


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
    assert private_uses_from(pkg, users) == [("t.py", "pkg.b:_y")]


def test_the_check_of_tests_sees_each_way_to_reach_a_private_name(tmp_path: Path) -> None:
    pkg = tmp_path / "pkg"
    (pkg / "sub").mkdir(parents=True)
    for f in ("__init__.py", "sub/__init__.py", "sub/c.py", "_m.py", "b.py"):
        (pkg / f).write_text("")
    users = tmp_path / "users"
    users.mkdir()
    forms = {
        "import pkg.b\npkg.b._x": "pkg.b:_x",
        "import pkg.sub.c\npkg.sub.c._x()": "pkg.sub.c:_x",
        "import pkg.b as y\ny._x": "pkg.b:_x",
        "from pkg import b\nb._x = 1": "pkg.b:_x",
        "from pkg.sub import c as z\nz._X.clear()": "pkg.sub.c:_X",
        "from pkg import sub\nsub.c._x": "pkg.sub.c:_x",
        "from pkg import b\ngetattr(b, '_x')": "pkg.b:_x",
        "from pkg import b\ndef t(monkeypatch):\n    monkeypatch.setattr(b, '_x', 1)": "pkg.b:_x",
    }
    for i, code in enumerate(forms):
        (users / f"t{i}.py").write_text(code + "\n")
    assert private_uses_from(pkg, users) == [(f"t{i}.py", x) for i, x in enumerate(forms.values())]
    # what is no private name of pkg: a public one, a private module, a dunder, another
    # package's, a name bound to something else, an object's own
    (users / "ok.py").write_text(
        "import pkg.b as y\nimport os\nfrom pkg import _m, b\nfrom pkg.b import B\n"
        "y.x, _m.f, b.__name__, os._exit, B._x, y.x._y\n"
        "import pkg\npkg._m\nsetattr(y, 'x', 1)\n"
    )
    assert [f for f, _ in private_uses_from(pkg, users)] == [f"t{i}.py" for i in range(len(forms))]
