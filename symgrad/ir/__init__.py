"""The intermediate representation: op classes, the interned graph, gated
adjoint algebra and the straight-line program that backends compile.  Imports
nothing from the rest of symgrad (a test checks it)."""
