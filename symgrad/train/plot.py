"""Loss and accuracy curves of a fit as a PNG (matplotlib, an optional extra)."""
from __future__ import annotations

import os
from typing import Any

__all__ = ["plot_history"]


def plot_history(history: Any, path: str | os.PathLike, title: str | None = None) -> str:
    """Draw every ``*loss`` series on one axis and every ``*accuracy`` series on a second, write PNG.

    Parameters
    ----------
    history : History or dict of lists
    path : str
        Where the PNG goes (its folder must exist).
    title : str, optional

    Returns
    -------
    str
        ``path``.

    Raises
    ------
    ImportError
        Without matplotlib, saying how to install it.

    Examples
    --------
    >>> import tempfile, os
    >>> out = plot_history({"loss": [1.0, 0.5], "val_accuracy": [0.7, 0.9]},
    ...                    os.path.join(tempfile.mkdtemp(), "curve.png"))
    >>> open(out, "rb").read(4)
    b'\\x89PNG'
    """
    try:
        import matplotlib
        matplotlib.use("Agg")   # files only: no display needed
        import matplotlib.pyplot as plt
    except ImportError:
        raise ImportError("plotting needs matplotlib: pip install 'symgrad[examples]' "
                          "(or pip install matplotlib)") from None
    series = history.as_dict() if hasattr(history, "as_dict") else dict(history)
    losses = {k: v for k, v in series.items() if k.endswith("loss")}
    accs = {k: v for k, v in series.items() if k.endswith("accuracy")}
    if not losses and not accs:
        raise ValueError(f"nothing to plot: no loss or accuracy series in {sorted(series)}")
    panels = [p for p in (losses, accs) if p]
    fig, axes = plt.subplots(1, len(panels), figsize=(5 * len(panels), 3.6), squeeze=False)
    for ax, panel, label in zip(axes[0], panels, ["loss" if losses else "accuracy", "accuracy"]):
        for name, values in panel.items():
            ax.plot(range(1, len(values) + 1), values, marker="o", markersize=3, label=name)
        ax.set_xlabel("epoch")
        ax.set_ylabel(label)
        ax.grid(alpha=0.3)
        ax.legend()
    if title:
        fig.suptitle(title)
    fig.tight_layout()
    path = os.fspath(path)
    fig.savefig(path, format="png", dpi=100)
    plt.close(fig)
    return path
