"""A JIT for elementwise loops over the math functions, used by tests and benchmarks.

Not the backend's JIT (that lives in ``codegen/llvm``): a minimal owner object
that builds ``out[i] = f(in[i])`` loops, runs the O3 new-pass-manager
pipeline with loop and SLP vectorization for the host CPU, and hands back
NumPy-callable kernels.
"""
from __future__ import annotations

import ctypes

import llvmlite.binding as llvm
import numpy as np
from llvmlite import ir

from . import ARITY, declare_math

_FTY = {np.dtype(np.float64): ir.DoubleType(), np.dtype(np.float32): ir.FloatType()}


def build_map_module(names: list[str], dtype: np.dtype) -> ir.Module:
    """A module with ``void map_<name>(const T* noalias in, [const T* noalias in2,] T* noalias out, i64 n)``."""
    fty = _FTY[np.dtype(dtype)]
    module = ir.Module(name="llvm_math_map")
    module.triple = llvm.get_process_triple()
    lib = declare_math(module, fty)
    ptr = fty.as_pointer()
    i64 = ir.IntType(64)
    for name in names:
        arity = ARITY.get(name, 1)
        fn = ir.Function(module, ir.FunctionType(ir.VoidType(), [ptr] * (arity + 1) + [i64]), name=f"map_{name}")
        *srcs, dst, n = fn.args
        for k, src in enumerate(srcs):
            src.name = f"src{k}"
        dst.name, n.name = "dst", "n"
        for arg in (*srcs, dst):
            arg.add_attribute("noalias")
        def body(b, i, srcs=srcs, dst=dst, name=name):
            xs = [b.load(b.gep(src, [i], name=f"{src.name}.i"), name=f"x{k}") for k, src in enumerate(srcs)]
            b.store(lib.call(b, name, *xs, result="y"), b.gep(dst, [i], name="dst.i"))

        counted_loop(fn, n, body)
    return module


def counted_loop(fn: ir.Function, n: ir.Value, body) -> None:
    """Fill ``fn`` with ``for i in range(n): body(builder, i)``, then return void.

    The loop is the shape LLVM's vectorizer expects: a guard for ``n <= 0``,
    one block with an ``i`` phi, and the exit test at the bottom.
    """
    i64 = n.type
    entry, loop, done = (fn.append_basic_block(b) for b in ("entry", "loop", "done"))
    b = ir.IRBuilder(entry)
    b.cbranch(b.icmp_signed(">", n, ir.Constant(i64, 0), name="nonempty"), loop, done)
    b.position_at_end(loop)
    i = b.phi(i64, name="i")
    i.add_incoming(ir.Constant(i64, 0), entry)
    body(b, i)
    nxt = b.add(i, ir.Constant(i64, 1), name="i.next")
    i.add_incoming(nxt, loop)
    b.cbranch(b.icmp_signed("<", nxt, n, name="more"), loop, done)
    b.position_at_end(done)
    b.ret_void()


def host_target_machine(wide: bool = False, cpu: str | None = None) -> llvm.TargetMachine:
    """The host CPU's target machine; ``wide`` lifts LLVM's 256-bit preference on AVX-512 CPUs.

    LLVM tunes Intel AVX-512 cores to vectorize with 256-bit registers
    (``prefer-256-bit``); dropping that tuning lets these kernels use zmm
    registers, which measured about 20% faster here.
    """
    llvm.initialize_native_target()
    llvm.initialize_native_asmprinter()
    target = llvm.Target.from_default_triple()
    if cpu is not None:  # an older CPU of the host's family (to test code without FMA, say)
        return target.create_target_machine(cpu=cpu, features="", opt=3)
    features = llvm.get_host_cpu_features().flatten()
    if wide and "+avx512f" in features.split(","):
        features += ",-prefer-256-bit"
    return target.create_target_machine(cpu=llvm.get_host_cpu_name(), features=features, opt=3)


def optimize(module: llvm.ModuleRef, tm: llvm.TargetMachine) -> None:
    """The O3 pipeline with loop and SLP vectorization, in place."""
    pto = llvm.PipelineTuningOptions(speed_level=3)   # size_level is gone in llvmlite 0.50
    pto.loop_vectorization = True
    pto.slp_vectorization = True
    pb = llvm.create_pass_builder(tm, pto)
    pb.getModulePassManager().run(module, pb)


class MapJit:
    """Owns one compiled module of map kernels.

    Examples
    --------
    >>> import numpy as np
    >>> jit = MapJit(["exp"], np.float64)
    >>> jit("exp", np.array([0.0, 1.0]))
    array([1.        , 2.71828183])
    """

    def __init__(self, names: list[str], dtype: np.dtype, wide: bool = False, cpu: str | None = None) -> None:
        self.dtype = np.dtype(dtype)
        self.names = list(names)
        self.tm = host_target_machine(wide, cpu)
        self.ir_module = build_map_module(self.names, self.dtype)
        mod = llvm.parse_assembly(str(self.ir_module))
        mod.verify()
        optimize(mod, self.tm)
        self.optimized_ir = str(mod)
        self.assembly = self.tm.emit_assembly(mod)
        self.engine = llvm.create_mcjit_compiler(mod, self.tm)
        self.engine.finalize_object()
        ctype = ctypes.c_double if self.dtype == np.float64 else ctypes.c_float
        def proto(name: str):
            pointers = [ctypes.POINTER(ctype)] * (ARITY.get(name, 1) + 1)
            return ctypes.CFUNCTYPE(None, *pointers, ctypes.c_int64)(self.engine.get_function_address(f"map_{name}"))

        self._fns = {n: proto(n) for n in self.names}
        self._ctype = ctype

    def into(self, name: str, *arrays: np.ndarray) -> np.ndarray:
        """``out[:] = name(*args)`` for ``arrays = (*args, out)``: C-contiguous, this JIT's dtype, one shape."""
        out = arrays[-1]
        for a in arrays:
            if a.dtype != self.dtype or a.shape != out.shape:
                raise ValueError(f"need {self.dtype} arrays of shape {out.shape}, got {a.dtype}{a.shape}")
            if not a.flags.c_contiguous:
                raise ValueError("arrays must be C-contiguous")
        if len(arrays) != ARITY.get(name, 1) + 1:
            raise TypeError(f"{name} takes {ARITY.get(name, 1)} input array(s)")
        p = ctypes.POINTER(self._ctype)
        self._fns[name](*(a.ctypes.data_as(p) for a in arrays), out.size)
        return out

    def __call__(self, name: str, *args: np.ndarray) -> np.ndarray:
        arrays = np.broadcast_arrays(*(np.asarray(a, dtype=self.dtype) for a in args))
        arrays = [np.ascontiguousarray(a) for a in arrays]
        return self.into(name, *arrays, np.empty_like(arrays[0]))
