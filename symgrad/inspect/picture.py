"""A graph picture: Graphviz DOT text always, SVG and PNG when Graphviz is there.

:class:`Drawing` holds DOT text that :func:`symgrad.draw` wrote.  The text
needs nothing to make; rendering it needs the optional ``graphviz`` Python
package (``pip install 'symgrad[draw]'``) and Graphviz's ``dot`` program,
which comes from the system's packages.  When either is missing, the error
says how to install it, and a notebook shows the DOT text instead.
"""
from __future__ import annotations

import html
import os
from pathlib import Path

__all__ = ["Drawing", "GraphvizMissing", "dot_available"]

#: the notes' colours: forward values in green above the wire, gradients in red below
VALUE_COLOR = "#1a7f37"
GRAD_COLOR = "#cf222e"

_HOW_TO_DOT = ("Graphviz's 'dot' program is not installed: install it with "
               "'apt-get install graphviz' (Debian/Ubuntu), 'brew install graphviz' (macOS) or "
               "'conda install graphviz'; Drawing.dot holds the DOT text meanwhile")
_HOW_TO_PACKAGE = ("rendering needs the Python package 'graphviz': pip install 'symgrad[draw]' "
                   "(or pip install graphviz); Drawing.dot holds the DOT text meanwhile")


class GraphvizMissing(RuntimeError):
    """The ``graphviz`` package or the ``dot`` program is missing; the message says how to get it."""


def dot_available() -> bool:
    """Whether both the ``graphviz`` package and the ``dot`` program are installed.

    >>> isinstance(dot_available(), bool)
    True
    """
    try:
        import graphviz
    except ImportError:
        return False
    try:
        graphviz.version()
    except (graphviz.ExecutableNotFound, OSError, RuntimeError):
        return False
    return True


class Drawing:
    """A picture of a graph, as DOT text; renders to SVG or PNG through Graphviz.

    Attributes
    ----------
    dot : str
        The Graphviz source.
    nodes : int
        How many boxes the picture has.

    Examples
    --------
    >>> d = Drawing('digraph { a -> b }', 2)
    >>> print(d)
    digraph { a -> b }
    >>> d.save("/tmp/symgrad_example.dot").name
    'symgrad_example.dot'
    """

    def __init__(self, dot: str, nodes: int):
        self.dot = dot
        self.nodes = nodes

    def __str__(self) -> str:
        return self.dot

    def __repr__(self) -> str:
        return f"<Drawing: {self.nodes} nodes; .dot, .svg(), .png(), .save(path)>"

    def _pipe(self, fmt: str) -> bytes:
        try:
            import graphviz
        except ImportError:
            raise GraphvizMissing(_HOW_TO_PACKAGE) from None
        try:
            return graphviz.Source(self.dot).pipe(format=fmt)
        except graphviz.ExecutableNotFound:
            raise GraphvizMissing(_HOW_TO_DOT) from None

    def svg(self) -> str:
        """The picture as SVG text (needs Graphviz)."""
        return self._pipe("svg").decode()

    def png(self) -> bytes:
        """The picture as PNG bytes (needs Graphviz)."""
        return self._pipe("png")

    def save(self, path: str | os.PathLike) -> Path:
        """Write ``.dot`` text, or render ``.svg``, ``.png`` or ``.pdf``, by the suffix."""
        path = Path(path)
        fmt = path.suffix.lower().lstrip(".")
        if fmt in ("dot", "gv"):
            path.write_text(self.dot)
        elif fmt in ("svg", "png", "pdf"):
            path.write_bytes(self._pipe(fmt))
        else:
            raise ValueError(f"cannot save a drawing as {path.name!r}: use .dot, .svg, .png or .pdf")
        return path

    def _repr_svg_(self) -> str | None:
        try:
            return self.svg()
        except GraphvizMissing:
            return None   # the notebook falls back to repr; str(d) is the DOT text

    def _repr_markdown_(self) -> str | None:
        if dot_available():
            return None
        return "DOT text (install Graphviz for a picture):\n\n```dot\n" + self.dot + "\n```"


class DotWriter:
    """Collects nodes, edges and clusters, and writes them as DOT text."""

    def __init__(self, rankdir: str = "TB", size: str | None = None):
        self.lines: list[str] = []
        self.count = 0
        attrs = [f"rankdir={rankdir}", 'fontname="Helvetica"', "nodesep=0.25", "ranksep=0.35"]
        if size:
            attrs.append(f'size="{size}"')
        self.head = ["digraph symgrad {", "  graph [" + ", ".join(attrs) + "];",
                     '  node [fontname="Helvetica", fontsize=11, shape=box, style="rounded,filled", '
                     'fillcolor="#f6f8fa", color="#57606a", margin="0.08,0.04", height=0.3];',
                     '  edge [fontname="Helvetica", fontsize=10, color="#57606a", arrowsize=0.6];']

    def node(self, name: str, label: str, indent: str = "  ", **attrs: str) -> None:
        self.count += 1
        extra = "".join(f', {k}="{v}"' for k, v in attrs.items())
        self.lines.append(f'{indent}{name} [label=<{label}>{extra}];')

    def edge(self, a: str, b: str, label: str | None = None, **attrs: str) -> None:
        extra = "".join(f', {k}="{v}"' for k, v in attrs.items())
        lab = f"label=<{label}>" if label else 'label=""'
        self.lines.append(f"  {a} -> {b} [{lab}{extra}];")

    def raw(self, line: str) -> None:
        self.lines.append(line)

    def text(self) -> str:
        return "\n".join(self.head + self.lines + ["}"]) + "\n"


def esc(s: object) -> str:
    """Text for an HTML-like DOT label."""
    return html.escape(str(s), quote=True)


def value_label(value: str | None, grad: str | None) -> str:
    """The notes' wire label: the value in green above, the gradient in red below."""
    parts = []
    if value is not None:
        parts.append(f'<font color="{VALUE_COLOR}">{esc(value)}</font>')
    if grad is not None:
        parts.append(f'<font color="{GRAD_COLOR}">{esc(grad)}</font>')
    return "<br/>".join(parts)
