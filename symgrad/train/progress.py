"""A tqdm progress bar over the mini-batches of a fit, when it helps.

``progress=None`` (the default of :meth:`~symgrad.train.Trainer.fit`) shows a
bar only on a terminal and for a long run; ``True`` asks for one (tqdm must be
installed: ``pip install 'symgrad[progress]'``), ``False`` turns it off.
"""
from __future__ import annotations

import sys
from typing import Any

__all__ = ["progress_bar", "LONG_RUN"]

#: a run of at least this many mini-batches counts as long enough for a bar
LONG_RUN = 2000


class _Silent:
    def update(self, n: int = 1) -> None:
        pass

    def set_postfix(self, **kw: Any) -> None:
        pass

    def close(self) -> None:
        pass


def progress_bar(total: int, progress: bool | None, stream: Any = None) -> Any:
    """A tqdm bar of ``total`` steps, or an object with the same methods that shows nothing.

    >>> progress_bar(10, False).update()
    >>> type(progress_bar(10_000, None, stream=open(__file__))).__name__   # not a terminal
    '_Silent'
    """
    if progress not in (None, True, False):
        raise TypeError(f"progress must be None (automatic), True or False, not {progress!r}")
    stream = sys.stderr if stream is None else stream
    if progress is None:
        progress = total >= LONG_RUN and getattr(stream, "isatty", lambda: False)()
    if not progress:
        return _Silent()
    try:
        from tqdm import tqdm
    except ImportError:
        raise ImportError("progress=True needs tqdm: pip install 'symgrad[progress]' (or pip install tqdm)"
                          ) from None
    return tqdm(total=total, file=stream, unit="batch", leave=False, mininterval=0.2)
