"""symgrad's main demo (``make demo``): derive, print, compile and verify gradients, then train.

1. The notes' sigmoid neuron f = sigma(w0 x0 + w1 x1 + w2): formulas (pretty and
   LaTeX), the fused program, and the compiled gradient at the notes' point.
2. The notes' 2-hidden-layer regression net h1 = tanh(W1 x + b1),
   h2 = tanh(W2 h1 + b2), y = theta . h2 + c, L = (y - t)^2: program statistics,
   evaluation on a batch, and a finite-difference gradient check.
3. Hand-derived gradients checked with sg.check: one right, one with the sign
   slip of the notes' Hessian example, which comes back with a counterexample.
4. The notes' training loop (sample a mini-batch, forward, loss, backward,
   update) on scikit-learn's digits: an MLP trained by ``Trainer.fit``, each
   mini-batch one compiled call running forward, backward and Adam's update in
   place; test accuracy, the time with compiling included, and the loss curve
   as a PNG.

"The notes" are the lecture materials listed under Sources in README.md: the
sigmoid neuron is eq. (31) of Schwing's ECE 544NA Lecture 11 notes (after
Stanford CS231n), the 2-hidden-layer net is from Honglak Lee's EECS 545
Lecture 11 slides, the Hessian example from the slides "Neural Networks -
Learning the network" (after CMU 11-785 and Stanford CS231n).
"""
from __future__ import annotations

import time
from pathlib import Path

import numpy as np
import sympy as sp

import symgrad as sg
from symgrad import nn, train

#: where the loss curve goes (``make clean`` removes build/)
CURVE = Path("build") / "digits_training.png"


def heading(text: str) -> None:
    print(f"\n== {text} " + "=" * max(0, 70 - len(text)))


def sigmoid_neuron() -> None:
    heading("1. sigmoid neuron  f = sigma(w0*x0 + w1*x1 + w2)")
    w0, w1, w2, x0, x1 = wrt = sp.symbols("w0 w1 w2 x0 x1")
    f = sg.sigmoid(w0 * x0 + w1 * x1 + w2)
    g = sg.grad(f, wrt)
    print(f"df/dw0 = {g[w0]}")
    print("\npretty:")
    print(sp.pretty(g[w0]))
    print("\nLaTeX:")
    print(sp.latex(g[w0]))
    print("\nfused program (value and all five partials):")
    print(g.program)
    print(g.program.stats())
    fn = sg.compile(f, wrt=wrt)
    value, grads = fn(w0=2.0, w1=-3.0, w2=-3.0, x0=-1.0, x1=-2.0)
    print(f"\nat w = (2, -3, -3), x = (-1, -2): f = {value:.4f}")
    print("  " + ", ".join(f"df/d{n} = {d:+.4f}" for n, d in grads.items()))
    print("  (the notes: w gradient (-0.20, -0.39, 0.20), x gradient (0.39, -0.59))")


def regression_net(n_in: int = 3, h1: int = 4, h2: int = 3):
    xs = sp.symbols(f"x0:{n_in}")
    t, c = sp.symbols("t c")
    W1 = sp.Matrix(h1, n_in, lambda i, j: sp.Symbol(f"W1_{i}{j}"))
    b1 = sp.Matrix(h1, 1, lambda i, j: sp.Symbol(f"b1_{i}"))
    W2 = sp.Matrix(h2, h1, lambda i, j: sp.Symbol(f"W2_{i}{j}"))
    b2 = sp.Matrix(h2, 1, lambda i, j: sp.Symbol(f"b2_{i}"))
    theta = sp.Matrix(h2, 1, lambda i, j: sp.Symbol(f"theta_{i}"))
    h1v = (W1 * sp.Matrix(xs) + b1).applyfunc(sp.tanh)
    h2v = (W2 * h1v + b2).applyfunc(sp.tanh)
    y = (theta.T * h2v)[0, 0] + c
    params = [*W1, *b1, *W2, *b2, *theta, c]
    # names for the hidden activations, used only to print formulas compactly
    names = {e: sp.Symbol(f"h1_{i}") for i, e in enumerate(h1v)}
    names.update({e: sp.Symbol(f"h2_{i}") for i, e in enumerate(h2v)})
    return (y - t) ** 2, params, names, y - t


def two_layer_net() -> None:
    heading("2. 2-hidden-layer regression net, tanh, 3-4-3-1, L = (y - t)^2")
    L, params, names, y_minus_t = regression_net()
    t0 = time.perf_counter()
    g = sg.grad(L, params)
    fn = sg.compile(L, wrt=params)
    ms = 1e3 * (time.perf_counter() - t0)
    print(f"{len(params)} parameters; derived and compiled in {ms:.0f} ms")
    print(g.program.stats())
    d = sp.factor_terms(g["b2_0"].xreplace(names))
    print("dL/db2_0, writing h1_i, h2_j for the hidden activations:")
    print(sp.pretty(d))
    print(sp.latex(d))
    back = {v: k for k, v in names.items()}
    hand = 2 * y_minus_t * sp.Symbol("theta_0") * (1 - sp.Symbol("h2_0") ** 2)
    print(f"backprop by hand, 2 (y - t) theta_0 (1 - h2_0^2): "
          f"{sg.check(hand.xreplace(back), L, sp.Symbol('b2_0'))}")
    print(f"dL/dW1_00 written out in full has {sp.count_ops(g['W1_00'])} operations; "
          "the program shares them")
    rng = np.random.default_rng(0)
    batch = {name: rng.normal(size=1000) if name[0] in "xt" else rng.normal(scale=0.5)
             for name in fn.args}
    value, grads = fn(**batch)
    print(f"\non a batch of 1000 samples: mean L = {value.mean():.4f}; "
          f"mean dL/dc = {grads['c'].mean():+.4f}, mean dL/dtheta_0 = {grads['theta_0'].mean():+.4f}")
    first = fn.source.splitlines()
    print(f"generated NumPy source: {len(first)} lines, starting")
    print("\n".join("    " + (line if len(line) < 90 else line[:86] + " ...") for line in first[2:8]))
    res = sg.gradcheck(fn, {n: np.asarray(v)[:20] if np.ndim(v) else v for n, v in batch.items()})
    print(str(res).splitlines()[0] + " (first 20 samples)")


def verify_hand_gradients() -> None:
    heading("3. verifying hand-derived gradients with sg.check")
    x1, x2, x3 = sp.symbols("x1 x2 x3")
    f = x1 ** 2 + x1 * (1 - x2) - x2 ** 2 - x2 * x3 + x3 ** 2 + x3
    print(f"f = {f}")
    right = [2 * x1 + 1 - x2, -x1 - 2 * x2 - x3, -x2 + 2 * x3 + 1]
    print(f"hand gradient {right}: {sg.check(right, f, [x1, x2, x3])}")
    slip = [2 * x1 + 1 - x2, -x1 + 2 * x2 - x3, -x2 + 2 * x3 + 1]
    print(f"the notes' gradient {slip}:")
    print(sg.check(slip, f, [x1, x2, x3]))
    print("(the notes print f with -x2**2 but differentiate +x2**2)")
    w, x, b, t = sp.symbols("w x b t")
    L = (sg.sigmoid(w * x + b) - t) ** 2 / 2
    s = sg.sigmoid(w * x + b)
    print(f"\ntoy loss L = {L}: hand dL/dw = (s - t) s (1 - s) x: "
          f"{sg.check((s - t) * s * (1 - s) * x, L, w)}")


def train_digits(epochs: int = 30, batch: int = 32) -> None:
    heading("4. training a 64-128-128-10 ReLU MLP on digits with fit")
    t0 = time.perf_counter()
    x_train, x_test, y_train, y_test = train.load_digits(test_size=0.2, random_state=0)
    model = nn.Sequential(nn.Dense(64, 128, name="1"), nn.ReLU(), nn.Dense(128, 128, name="2"), nn.ReLU(),
                          nn.Dense(128, 10, name="3"))
    steps = epochs * -(-len(x_train) // batch)
    trainer = train.Trainer(model, optimizer=train.Adam(lr=2e-3, schedule=train.CosineLR(steps)),
                            backend="llvm", dtype="float32", seed=0, weights="torch", input_shape=64)
    print(f"{len(x_train)} training and {len(x_test)} test images (stratified 80/20, random_state=0); "
          f"compiled the fused step, evaluation and prediction in {trainer.compile_seconds:.2f} s")
    # the test set as validation data draws its curve; nothing is chosen by it (fixed epochs)
    history = trainer.fit(x_train, y_train, epochs=epochs, batch_size=batch, validation_data=(x_test, y_test))
    test = trainer.evaluate(x_test, y_test)
    seconds = time.perf_counter() - t0
    for e in (0, 4, 9, 19, epochs - 1):
        print(f"  epoch {e + 1:2d}  loss {history['loss'][e]:.4f}  train accuracy {history['accuracy'][e]:.4f}"
              f"  test accuracy {history['val_accuracy'][e]:.4f}")
    verdict = "reached" if test["accuracy"] >= 0.97 else "did NOT reach"
    print(f"test accuracy {test['accuracy']:.4f} ({verdict} 97%) after {epochs} epochs; "
          f"{seconds:.2f} s in all, compiling included")
    probs = trainer.predict_proba(x_test[:1])[0]
    print(f"first test image: label {y_test[0]}, predicted {trainer.predict(x_test[:1])[0]} "
          f"with probability {probs.max():.3f}")
    try:
        CURVE.parent.mkdir(exist_ok=True)
        print(f"loss and accuracy curves: {history.plot(CURVE, title='digits, Adam + cosine schedule')}")
    except ImportError as e:     # matplotlib is in the examples extra; say how to get it
        print(f"no curve drawn: {e}")


if __name__ == "__main__":
    start = time.perf_counter()
    sigmoid_neuron()
    two_layer_net()
    verify_hand_gradients()
    train_digits()
    print(f"\ndemo finished in {time.perf_counter() - start:.1f} s")
