"""The project's import graph, read from the source with `ast` (nothing is imported).

Every `import` counts, function-local ones too: a lazy import that closes a circle
still ties the two modules together. Two rules: no cycle among the project's
modules, and no module outside tests imports a management command (commands are
verbs over services, nothing builds on them).
"""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("newsreader", "bench")


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def project_modules() -> dict[str, Path]:
    """Dotted name → file for every module of the project's packages."""
    out: dict[str, Path] = {}
    for package in PACKAGES:
        for path in sorted((ROOT / package).rglob("*.py")):
            out[_module_name(path)] = path
    return out


def _imported(node: ast.AST, module: str, is_package: bool, known: dict[str, Path]) -> set[str]:
    """Project modules one import statement names."""
    if isinstance(node, ast.Import):
        names = [alias.name for alias in node.names]
    elif isinstance(node, ast.ImportFrom):
        if node.level:  # relative: from the module's package upwards
            base = module.split(".") if is_package else module.split(".")[:-1]
            base = base[: len(base) - (node.level - 1)]
            prefix = ".".join([*base, node.module] if node.module else base)
        else:
            prefix = node.module or ""
        # «from package import submodule» names the submodule, else the module itself
        names = [f"{prefix}.{alias.name}" for alias in node.names]
        names = [n if n in known else prefix for n in names]
    else:
        return set()
    out = set()
    for name in names:
        while name and name not in known:  # «import a.b.c» for a module a.b
            name = name.rpartition(".")[0]
        if name:
            out.add(name)
    return out


def import_graph(known: dict[str, Path]) -> dict[str, set[str]]:
    graph: dict[str, set[str]] = {}
    for module, path in known.items():
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        is_package = path.name == "__init__.py"
        edges: set[str] = set()
        for node in ast.walk(tree):
            edges |= _imported(node, module, is_package, known)
        edges.discard(module)
        # importing a.b.c runs a and a.b first, but a package's own __init__ importing its
        # children is not a cycle with them: only the edges written count
        graph[module] = edges
    return graph


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """One cycle per strongly connected component of more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in sorted(graph[v]):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return found


def test_the_graph_reads_imports_of_every_kind() -> None:
    known = {name: Path(name) for name in ("p", "p.a", "p.b", "p.b.c", "p.d")}
    source = (
        "import p.b.c\nfrom p import a\nfrom . import d\ndef f():\n    from p.b import something\n"
    )
    tree = ast.parse(source)
    edges = set().union(*(_imported(n, "p.x", False, known) for n in ast.walk(tree)))
    assert edges == {"p.b.c", "p.a", "p.d", "p.b"}


def test_cycles_are_found_through_any_length() -> None:
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}, "e": set()}
    assert cycles(graph) == [["a", "b", "c"]]
    assert cycles({"a": {"b"}, "b": set()}) == []


def test_no_import_cycle_among_the_projects_modules() -> None:
    known = project_modules()
    assert "newsreader.pipeline.features" in known  # the walk found the package
    assert cycles(import_graph(known)) == []


def test_no_module_outside_tests_imports_a_management_command() -> None:
    known = project_modules()
    graph = import_graph(known)
    offenders = sorted(
        f"{module} imports {target}"
        for module, targets in graph.items()
        for target in targets
        if ".management.commands." in target  # a command module, not the package
    )
    assert offenders == []
