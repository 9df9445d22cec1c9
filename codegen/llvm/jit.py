"""The JIT owner: one object per compiled module, like numba's ``CodeLibrary``.

:class:`JITLibrary` takes IR text (or cached object code), and walks one
fixed path: parse, verify, run the optimization pipeline, hand the module to
its own MCJIT engine, finalize.  After :meth:`JITLibrary.finalize` the module
can no longer change (adding IR raises), and only then can function addresses
be asked for.  Nothing here is module-level mutable state: every library owns
its engine, and the host description is an immutable value.
"""
from __future__ import annotations

import functools
import threading
from dataclasses import dataclass

import llvmlite
import llvmlite.binding as llvm

from . import cache

__all__ = ["load_or_build", "HostTarget", "host_target", "JITLibrary", "LibraryFinalizedError", "OptLevel",
           "FULL", "QUICK"]


class LibraryFinalizedError(RuntimeError):
    """Raised when a finalized :class:`JITLibrary` is asked to change."""


@dataclass(frozen=True)
class HostTarget:
    """What the machine code depends on: part of every cache key."""

    triple: str
    cpu: str
    features: str
    llvmlite_version: str
    llvm_version: str

    def create_target_machine(self, opt: int = 3) -> llvm.TargetMachine:
        target = llvm.Target.from_triple(self.triple)
        return target.create_target_machine(cpu=self.cpu, features=self.features, opt=opt,
                                            reloc="default", codemodel="jitdefault")


@dataclass(frozen=True)
class OptLevel:
    """How hard LLVM works on a module: part of every cache key.

    Attributes
    ----------
    speed : int
        The ``-O`` level of the new pass manager pipeline (0: inlining of the
        ``alwaysinline`` math only).
    codegen : int
        The code generator's level (0: fast instruction selection and
        register allocation).
    vectorize : bool
        Loop and SLP vectorization, interleaving and unrolling.
    """

    speed: int
    codegen: int
    vectorize: bool

    def __str__(self) -> str:
        return f"O{self.speed}/cg{self.codegen}/{'vec' if self.vectorize else 'scalar'}"


#: the default: vectorized loops, the fastest code (about 1 ms of compile time per
#: node of a large program, most of it in the vectorizer and the code generator)
FULL = OptLevel(3, 3, True)
#: for huge programs: no optimization pipeline, the code generator's level 1
#: (greedy register allocation).  A 10,000-node tanh program: 2.7 s to compile
#: instead of 13.6 s, and 5x slower per sample (12 us against 2.4 us), still ahead of
#: the NumPy backend's one array operation per node at small batches
QUICK = OptLevel(0, 1, False)


@functools.lru_cache(maxsize=None)
def host_target() -> HostTarget:
    """The host CPU, its features and the LLVM versions (computed once)."""
    llvm.initialize_native_target()
    llvm.initialize_native_asmprinter()
    features = llvm.get_host_cpu_features().flatten()
    if "+avx512f" in features.split(","):
        # LLVM's tuning for AVX-512 cores keeps vectors at 256 bits; the T1
        # kernel (arithmetic-bound, no downclocking on this core) runs ~13%
        # faster with full 512-bit vectors
        features += ",-prefer-256-bit"
    return HostTarget(
        triple=llvm.get_process_triple(),
        cpu=llvm.get_host_cpu_name(),
        features=features,
        llvmlite_version=llvmlite.__version__,
        llvm_version=".".join(map(str, llvm.llvm_version_info)),
    )


class JITLibrary:
    """Owns one LLVM module, its optimization and its execution engine.

    Parameters
    ----------
    name : str
        For messages only.
    level : OptLevel
        The optimization pipeline and code generator level (default
        :data:`FULL`).

    Examples
    --------
    >>> lib = JITLibrary("demo")
    >>> _ = lib.add_ir('define i64 @answer() { ret i64 42 }')
    >>> lib.finalize()
    >>> import ctypes
    >>> ctypes.CFUNCTYPE(ctypes.c_int64)(lib.get_function_address("answer"))()
    42
    >>> try:    # (the exception's module path depends on how the package is imported)
    ...     lib.add_ir('define void @f() { ret void }')
    ... except LibraryFinalizedError as e:
    ...     print(e)
    JIT library 'demo' is finalized; it cannot take more code
    """

    def __init__(self, name: str, level: OptLevel = FULL):
        self.name = name
        self.level = level
        self.host = host_target()
        self.target_machine = self.host.create_target_machine(level.codegen)
        self._pto = llvm.PipelineTuningOptions(speed_level=level.speed)
        self._pto.loop_vectorization = level.vectorize
        self._pto.slp_vectorization = level.vectorize
        self._pto.loop_interleaving = level.vectorize
        self._pto.loop_unrolling = level.vectorize
        # the engine needs a module to start from; code arrives by add_ir/add_object
        self._engine = llvm.create_mcjit_compiler(llvm.parse_assembly(""), self.target_machine)
        self._modules: list[llvm.ModuleRef] = []
        self._objects: list[bytes] = []
        self._finalized = False
        self._lock = threading.Lock()

    # -- building ------------------------------------------------------------------
    def _check_open(self) -> None:
        if self._finalized:
            raise LibraryFinalizedError(
                f"JIT library {self.name!r} is finalized; it cannot take more code")

    def add_ir(self, ir_text: str) -> llvm.ModuleRef:
        """Parse, verify and optimize IR, generate its machine code, add that.

        The engine receives the object code rather than the module, so code
        generation runs once and its result is what the disk cache stores.
        """
        self._check_open()
        mod = llvm.parse_assembly(ir_text)
        mod.verify()
        self.optimize(mod)
        mod.verify()
        self._modules.append(mod)
        self.add_object(self.target_machine.emit_object(mod))
        return mod

    def optimize(self, mod: llvm.ModuleRef) -> None:
        """Run the ``default<O3>`` pipeline (or the one of :attr:`level`) tuned for this host on ``mod``."""
        mod.triple = self.host.triple
        mod.data_layout = str(self.target_machine.target_data)
        pb = llvm.create_pass_builder(self.target_machine, self._pto)
        pb.getModulePassManager().run(mod, pb)

    def add_object(self, data: bytes) -> None:
        """Add relocatable object code (for example from the disk cache)."""
        self._check_open()
        self._engine.add_object_file(llvm.ObjectFileRef.from_data(data))
        self._objects.append(data)

    def finalize(self) -> None:
        """Generate and link machine code; the library is read-only afterwards."""
        with self._lock:
            self._check_open()
            self._engine.finalize_object()
            self._finalized = True

    # -- using -------------------------------------------------------------------------
    @property
    def finalized(self) -> bool:
        return self._finalized

    def get_function_address(self, name: str) -> int:
        if not self._finalized:
            raise RuntimeError(f"JIT library {self.name!r} must be finalized before use")
        addr = self._engine.get_function_address(name)
        if not addr:
            raise KeyError(f"no function {name!r} in JIT library {self.name!r}")
        return addr

    def object_code(self) -> bytes:
        """The library's machine code (one object), for the disk cache."""
        if len(self._objects) != 1:
            raise RuntimeError(f"object_code needs exactly one object, have {len(self._objects)}")
        return self._objects[0]

    def optimized_ir(self) -> str:
        return "\n".join(str(m) for m in self._modules)

    def assembly(self) -> str:
        """Assembly of the optimized modules (to check for vector instructions)."""
        return "\n".join(self.target_machine.emit_assembly(m) for m in self._modules)


def load_or_build(name: str, ir_text: str, key_parts: list | None,
                  level: OptLevel = FULL) -> tuple[JITLibrary, str]:
    """A finalized library of ``ir_text``: its object code from the disk cache when
    the entry of ``key_parts`` is there, else compiled now and stored (``key_parts``
    None, or ``SYMGRAD_CACHE=0``, skips the cache).  Returns the library and
    ``"cached"`` or ``"compiled"``; every kernel kind builds through this one path."""
    key = cache.cache_key(key_parts) if key_parts is not None and cache.enabled() else None
    lib = JITLibrary(name, level)
    payload = cache.load(key) if key else None
    if payload is not None:
        lib.add_object(payload)
    else:
        lib.add_ir(ir_text)
    lib.finalize()
    if key and payload is None:
        cache.store(key, lib.object_code())
    return lib, ("cached" if payload is not None else "compiled")
