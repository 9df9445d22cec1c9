"""Declaring networks, in the spirit of ``torch.nn``: modules build SymPy
expressions and list their parameters; nothing here differentiates or computes.

- :mod:`.modules`: inputs, dense layers, activations, containers;
- :mod:`.init`: initial values of the parameters.
"""
from .init import init_params
from .modules import (BATCH, ELU, Dense, Identity, LeakyReLU, Module, ReLU, Sequential, Sigmoid,
                      Softmax, Softplus, Tanh, input)

__all__ = ["BATCH", "input", "Module", "Dense", "Sigmoid", "Tanh", "ReLU", "LeakyReLU",
           "ELU", "Softplus", "Identity", "Softmax", "Sequential", "init_params"]
