"""The output blocks of array kernels, shared by the 2-D (:mod:`.tensor_kernel`) and n-D
(:mod:`.nd_kernel`) calls.

A call's outputs are views of one block.  Writing into already-mapped memory
avoids a page fault per 4 KiB of fresh large arrays (mmapped by the allocator);
a block is reused only when its reference count shows that no view of it is
alive, so a caller never sees its results change.  Two blocks serve the usual
``value, grads = step(...)`` loop, where the previous results are still
referenced during the call.
"""
from __future__ import annotations

import sys

import numpy as np

__all__ = ["recycled_block"]


def recycled_block(blocks: list[np.ndarray], size: int, dtype: np.dtype) -> np.ndarray:
    """A block of ``size`` entries that no earlier result still uses: one of ``blocks``
    (kept, at most two) or a new one.  Call it under the kernel's pool lock."""
    for block in blocks:
        # references: the list, the loop variable, getrefcount's argument
        if sys.getrefcount(block) == 3:
            return block
    block = np.empty(size, dtype)
    if len(blocks) < 2:
        blocks.append(block)
    return block
