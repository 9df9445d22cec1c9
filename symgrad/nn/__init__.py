"""Declaring networks, in the spirit of ``torch.nn``: modules build SymPy
expressions and list their parameters; nothing here differentiates or computes.

- :mod:`.modules`: inputs, dense layers, activations, containers;
- :mod:`.init`: initial values of the parameters;
- :mod:`.conv`, :mod:`.pool`, :mod:`.norm`, :mod:`.dropout`: convolutional
  networks (``docs/cnn.md``).
"""
from .conv import Conv2d
from .dropout import Dropout, draw_masks
from .init import init_params
from .modules import (BATCH, ELU, Dense, Identity, LeakyReLU, Module, ReLU, Sequential, Sigmoid,
                      Softmax, Softplus, Tanh, input)
from .norm import BatchNorm1d, BatchNorm2d
from .pool import AvgPool2d, Flatten, MaxPool2d

__all__ = ["BATCH", "input", "Module", "Dense", "Sigmoid", "Tanh", "ReLU", "LeakyReLU",
           "ELU", "Softplus", "Identity", "Softmax", "Sequential", "init_params",
           "Conv2d", "MaxPool2d", "AvgPool2d", "Flatten", "BatchNorm1d", "BatchNorm2d", "Dropout",
           "draw_masks"]
