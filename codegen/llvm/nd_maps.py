"""Index maps of the n-D loop nests: the entry of a movement op's argument at a mapped index.

A mixin of :class:`.nd.NDEmitter`: each ``_read_<op>`` returns the entry of the
node (a broadcast, ``Permute``, ``Reshape``, ``Shrink``, ``Windows`` or ``Pad``)
at index ``idx`` by asking for its argument's entry at the mapped index
(``self._value``, a load or an inlined computation), and :meth:`_gather_fold`
is ``FoldWindows`` (col2im) as a gather.  Nothing here writes memory.
"""
from __future__ import annotations

import sympy as sp
from llvmlite import ir

from symgrad.ir.movement import Permute

from .ops import I64

__all__ = ["IndexMaps"]


class IndexMaps:
    """The index maps of :class:`.nd.NDEmitter` (which provides ``b``, ``dim``, ``const``,
    ``_as_fp``, ``_value``, ``_load``, ``_offset``, ``inline`` and ``program``)."""

    def _broadcast_index(self, shape, idx) -> list:
        """The index of an argument of ``shape`` broadcast against ``idx``: the trailing
        axes, 0 on its length-1 axes."""
        idx = list(idx)[len(idx) - len(shape):]
        zero = ir.Constant(I64, 0)
        return [zero if d == 1 else x for d, x in zip(shape, idx)]

    # -- index maps (movement ops): the entry of argument ``a`` (of ``shape``) at ``idx`` ----
    def _read_broadcast(self, node, a: int, shape, idx) -> ir.Value:
        return self._value(a, self._broadcast_index(shape, idx))

    def _read_permute(self, node, a: int, shape, idx) -> ir.Value:
        perm = node.attr if node.op is Permute else (1, 0)    # or a matrix's Transpose
        src = [None] * len(perm)
        for j, p in enumerate(perm):
            src[p] = idx[j]
        return self._value(a, src)

    def _read_reshape(self, node, a: int, shape, idx) -> ir.Value:
        if a not in self.inline:    # the same entries in C order: one offset
            return self._load(a, self._offset(node.shape, idx))
        return self._value(a, self._reshape_index(node.shape, shape, idx))

    def _reshape_index(self, out_shape, in_shape, idx) -> list:
        """The index into ``in_shape`` of entry ``idx`` of ``out_shape`` (same C order):
        axes are matched in groups of equal size, so only merged or split axes pay for
        a division."""
        b, src = self.b, []
        i = j = 0
        while i < len(out_shape) or j < len(in_shape):
            # a group: the fewest leading axes of each side with equal sizes
            gi, gj = [i], [j]
            so = out_shape[i] if i < len(out_shape) else 1
            si = in_shape[j] if j < len(in_shape) else 1
            while sp.simplify(sp.sympify(so) - sp.sympify(si)) != 0:
                if _smaller(so, si):
                    i += 1
                    gi.append(i)
                    so = so * out_shape[i]
                else:
                    j += 1
                    gj.append(j)
                    si = si * in_shape[j]
            gi = [k for k in gi if k < len(out_shape)]
            gj = [k for k in gj if k < len(in_shape)]
            i, j = (gi[-1] + 1 if gi else i + 1), (gj[-1] + 1 if gj else j + 1)
            if len(gi) == 1 and len(gj) == 1:
                src.append(idx[gi[0]])
                continue
            flat = ir.Constant(I64, 0)
            for k in gi:
                flat = b.add(b.mul(flat, self.dim(out_shape[k])), idx[k])
            parts = []
            for k in reversed(gj):
                d = self.dim(in_shape[k])
                parts.append(b.urem(flat, d) if k != gj[0] else flat)
                if k != gj[0]:
                    flat = b.udiv(flat, d)
            src += parts[::-1]
        return src

    def _read_shrink(self, node, a: int, shape, idx) -> ir.Value:
        src = [self.b.add(x, ir.Constant(I64, lo)) for x, (lo, _) in zip(idx, node.attr)]
        return self._value(a, src)

    def _read_windows(self, node, a: int, shape, idx) -> ir.Value:
        b, (kernel, stride) = self.b, node.attr
        k = len(kernel)
        lead, outs, offs = idx[:len(idx) - 2 * k], idx[len(idx) - 2 * k:len(idx) - k], idx[len(idx) - k:]
        src = lead + [b.add(b.mul(o, ir.Constant(I64, s)), p) for o, s, p in zip(outs, stride, offs)]
        return self._value(a, src)

    def _read_pad(self, node, a: int, shape, idx) -> ir.Value:
        """Zero outside the argument's box; inside, its entry.  Branch-free: the argument
        is read at the index clamped into its box, and a select keeps zero outside."""
        b = self.b
        inside, src = None, []
        zero = ir.Constant(I64, 0)
        for x, d, (lo, hi) in zip(idx, shape, node.attr):
            if not lo and not hi:
                src.append(x)
                continue
            s = b.sub(x, ir.Constant(I64, lo)) if lo else x
            n = self.dim(d)
            ok = b.and_(b.icmp_signed(">=", s, zero), b.icmp_signed("<", s, n))
            inside = ok if inside is None else b.and_(inside, ok)
            last = b.sub(n, ir.Constant(I64, 1))
            s = b.select(b.icmp_signed("<", s, zero), zero, s)
            src.append(b.select(b.icmp_signed(">", s, last), last, s))
        v = self._as_fp(self._value(a, src))
        return v if inside is None else b.select(inside, v, self.const(0))

    def _gather_fold(self, node, idx) -> ir.Value:
        """col2im as a gather: entry ``[..., h, w]`` sums the windows' entries that
        cover it, ``g[..., oh, ow, p, q]`` with ``oh*SH + p = h`` and ``ow*SW + q = w``.
        Per axis the covering offsets are one (``p = h % S``) when kernel and stride are
        equal, else each ``p < K`` with a check; out-of-range terms read a clamped index
        and add zero."""
        b = self.b
        g = node.args[0]
        kernel, stride, _ = node.attr
        gshape, k = self.program.nodes[g].shape, len(kernel)
        lead = list(idx[:len(idx) - k])
        outs = gshape[len(gshape) - 2 * k:len(gshape) - k]
        zero = ir.Constant(I64, 0)
        per_axis = []   # per windowed axis: [(valid or None, o, p)]
        for h, kk, ss, oo in zip(idx[len(idx) - k:], kernel, stride, outs):
            n_out, last = ir.Constant(I64, oo), ir.Constant(I64, oo - 1)
            terms = []
            if kk == ss:
                o = b.udiv(h, ir.Constant(I64, ss))
                ok = b.icmp_signed("<", o, n_out)
                terms.append((ok, b.select(ok, o, last), b.urem(h, ir.Constant(I64, ss))))
            else:
                for p in range(kk):
                    num = b.sub(h, ir.Constant(I64, p))
                    o = b.sdiv(num, ir.Constant(I64, ss)) if ss != 1 else num
                    ok = b.and_(b.icmp_signed(">=", num, zero), b.icmp_signed("<", o, n_out))
                    if ss != 1:
                        ok = b.and_(ok, b.icmp_signed("==", b.srem(num, ir.Constant(I64, ss)), zero))
                    o = b.select(b.icmp_signed("<", o, zero), zero, o)
                    terms.append((ok, b.select(b.icmp_signed(">", o, last), last, o),
                                  ir.Constant(I64, p)))
            per_axis.append(terms)
        acc = None
        combos = [[]]
        for terms in per_axis:
            combos = [c + [t] for c in combos for t in terms]
        for combo in combos:
            ok = None
            for valid, _, _ in combo:
                ok = valid if ok is None else b.and_(ok, valid)
            v = self._as_fp(self._value(g, lead + [o for _, o, _ in combo] + [p for _, _, p in combo]))
            v = b.select(ok, v, self.const(0))
            acc = v if acc is None else b.fadd(acc, v)
        return acc


def _smaller(a, b) -> bool:
    """Whether axis product ``a`` is a proper factor of ``b`` (sizes may hold ``N``)."""
    q = sp.sympify(b) / sp.sympify(a)
    return q.is_number is False or bool(q > 1) if not q.is_number else bool(q > 1)
