"""Trainer.fit end to end, and its parts: history, early stopping, callbacks, progress,
plots, checkpoints, digits and IDX files.

References: the fitted model's predictions against NumPy written here from
the trained parameters; IDX files written here byte by byte with struct.
"""
from __future__ import annotations

import gzip
import io
import json
import struct

import numpy as np
import pytest

from symgrad import losses, nn, train


def blobs(n=300, seed=0):
    rng = np.random.default_rng(seed)
    centers = np.array([[2.0, 0.0], [-2.0, 0.0], [0.0, 2.5]])
    y = rng.integers(0, 3, n)
    return (centers[y] + rng.normal(scale=0.6, size=(n, 2))).astype(np.float32), y


def small_model():
    return nn.Sequential(nn.Dense(2, 16, name="1"), nn.Tanh(), nn.Dense(16, 3, name="2"))


def numpy_logits(p, x):
    return np.tanh(x @ p["W1"] + p["b1"]) @ p["W2"] + p["b2"]


@pytest.mark.parametrize("backend", ["numpy", "llvm"])
def test_fit_learns_and_predicts_as_numpy_does_with_its_parameters(backend):
    x, y = blobs()
    trainer = train.Trainer(small_model(), optimizer=train.Adam(lr=0.02), backend=backend, seed=1)
    h = trainer.fit(x, y, epochs=8, batch_size=16, validation_split=0.25)
    assert len(h) == 8 and set(h.as_dict()) == {"loss", "accuracy", "val_loss", "val_accuracy", "lr", "seconds"}
    assert h["loss"][-1] < h["loss"][0] / 3 and h["val_accuracy"][-1] > 0.9
    json.dumps(h.as_dict())                     # a plain dict of lists
    logits = numpy_logits(trainer.parameters, x)
    np.testing.assert_array_equal(trainer.predict(x), logits.argmax(1))
    e = np.exp(logits - logits.max(1, keepdims=True))
    np.testing.assert_allclose(trainer.predict_proba(x), e / e.sum(1, keepdims=True), rtol=1e-4, atol=1e-6)
    ev = trainer.evaluate(x, y)
    want = np.mean(np.log(e.sum(1)) - (logits - logits.max(1, keepdims=True))[np.arange(len(y)), y])
    assert ev["loss"] == pytest.approx(want, rel=1e-4)
    assert ev["accuracy"] == pytest.approx(np.mean(logits.argmax(1) == y))


def test_the_same_seed_gives_the_same_run_and_regression_predicts_values():
    x, y = blobs(120)
    runs = []
    for _ in range(2):
        t = train.Trainer(small_model(), seed=5)
        runs.append(t.fit(x, y, epochs=2, batch_size=10)["loss"])
    assert runs[0] == runs[1]
    target = (x[:, :1] * 0.5 - x[:, 1:]).astype(np.float32)
    reg = train.Trainer(nn.Sequential(nn.Dense(2, 1, name="r")), loss=losses.mse,
                        optimizer=train.SGD(lr=0.05, momentum=0.9), dtype="float64")
    h = reg.fit(x, target, epochs=30, batch_size=20)
    assert "accuracy" not in h.as_dict() and h["loss"][-1] < 1e-3
    np.testing.assert_allclose(reg.predict(x[:4]), x[:4] @ reg.parameters["Wr"] + reg.parameters["br"],
                               rtol=1e-10)
    with pytest.raises(TypeError, match="not a classifier"):
        reg.predict_proba(x)


def test_early_stopping_restores_the_best_weights_and_callbacks_see_every_epoch():
    x, y = blobs(200)
    seen = []
    stopper = train.EarlyStopping("val_loss", patience=2, restore_best_weights=True)
    t = train.Trainer(small_model(), optimizer=train.SGD(lr=5.0), seed=0)   # far too large: it diverges
    h = t.fit(x, y, epochs=50, batch_size=8, validation_data=blobs(60, seed=1),
              callbacks=[stopper, train.LambdaCallback(lambda e, logs: seen.append(e))])
    assert len(h) < 50 and stopper.stopped_epoch == len(h) - 1
    assert seen == list(range(len(h)))
    assert t.evaluate(*blobs(60, seed=1))["loss"] == pytest.approx(min(h["val_loss"]), rel=1e-5)
    with pytest.raises(KeyError, match="validation numbers need validation data"):
        train.Trainer(small_model()).fit(x, y, epochs=1, callbacks=[train.EarlyStopping()])


@pytest.mark.parametrize("kwargs, error, match", [
    (dict(epochs=-1), ValueError, "epochs"),
    (dict(batch_size=0), ValueError, "batch_size"),
    (dict(validation_split=1.5), ValueError, "validation_split"),
    (dict(validation_split=0.2, validation_data=blobs(5)), ValueError, "not both"),
    (dict(callbacks=[print]), TypeError, "Callbacks"),
    (dict(progress="yes"), TypeError, "progress"),
])
def test_bad_fit_arguments_are_refused(kwargs, error, match):
    x, y = blobs(40)
    with pytest.raises(error, match=match):
        train.Trainer(small_model()).fit(x, y, **{"epochs": 1, **kwargs})


def test_bad_data_is_refused_by_name():
    x, y = blobs(40)
    t = train.Trainer(small_model())
    with pytest.raises(ValueError, match=r"y has shape \(39,\)"):
        t.fit(x, y[:-1], epochs=1)
    t.fit(x, y, epochs=1)
    with pytest.raises(ValueError, match=r"x has shape \(40, 3\); the model takes \(n, 2\)"):
        t.predict(np.zeros((40, 3)))
    with pytest.raises(ValueError, match="class labels"):
        t.fit(x, np.full(40, 7), epochs=1)
    with pytest.raises(RuntimeError, match="build"):
        train.Trainer(small_model()).predict(x)


def test_checkpoint_round_trip_without_pickle(tmp_path):
    x, y = blobs(100)
    t = train.Trainer(small_model(), optimizer=train.Adam(lr=0.01), seed=2)
    t.fit(x, y, epochs=2, batch_size=16)
    path = t.save(tmp_path / "ckpt.npz")
    fresh = train.Trainer(small_model(), optimizer=train.Adam(lr=0.01), input_shape=2)
    fresh.load(path)
    np.testing.assert_array_equal(fresh.predict_proba(x), t.predict_proba(x))
    assert fresh.step.t == t.step.t and set(fresh.state_dict()) == {*t.parameters, "t",
                                                                      *(f"{s}_{k}" for k in t.parameters
                                                                        for s in "mv")}
    t.fit(x, y, epochs=1, batch_size=16)        # training on from the checkpoint: the same steps
    fresh.rng = np.random.default_rng(2)
    fresh.rng.permutation(100), fresh.rng.permutation(100)
    fresh.fit(x, y, epochs=1, batch_size=16)
    np.testing.assert_array_equal(fresh.parameters["W1"], t.parameters["W1"])
    # a pickled object array, a missing entry, a wrong shape: refused, nothing written
    before = {k: v.copy() for k, v in fresh.state_dict().items()}
    np.savez(tmp_path / "obj.npz", **{**before, "W1": np.array([{"a": 1}], dtype=object)})
    with pytest.raises(ValueError, match="other than plain arrays"):
        fresh.load(tmp_path / "obj.npz")
    np.savez(tmp_path / "missing.npz", **{k: v for k, v in before.items() if k != "b2"})
    with pytest.raises(ValueError, match=r"missing \['b2'\]"):
        fresh.load(tmp_path / "missing.npz")
    np.savez(tmp_path / "shape.npz", **{**before, "W2": np.zeros((3, 3))})
    with pytest.raises(ValueError, match="'W2' has shape"):
        fresh.load(tmp_path / "shape.npz")
    (tmp_path / "junk.npz").write_bytes(b"not a zip")
    with pytest.raises(ValueError, match="not a readable .npz"):
        fresh.load(tmp_path / "junk.npz")
    for k, v in fresh.state_dict().items():
        np.testing.assert_array_equal(v, before[k])


def test_progress_bar_only_when_asked_or_long_on_a_terminal():
    class Tty(io.StringIO):
        def isatty(self):
            return True
    assert type(train.progress.progress_bar(10, None, Tty())).__name__ == "_Silent"
    bar = train.progress.progress_bar(10_000, None, Tty())
    import tqdm
    assert isinstance(bar, tqdm.tqdm)
    bar.close()
    out = Tty()
    bar = train.progress.progress_bar(3, True, out)
    bar.update(3)
    bar.close()
    assert "0/3 [" in out.getvalue()    # drawn on the stream given (leave=False clears it at the end)


def test_history_plot_writes_a_png(tmp_path):
    x, y = blobs(60)
    h = train.Trainer(small_model()).fit(x, y, epochs=2, validation_split=0.2)
    path = h.plot(str(tmp_path / "curve.png"), title="blobs")
    assert open(path, "rb").read(8) == b"\x89PNG\r\n\x1a\n"
    with pytest.raises(ValueError, match="nothing to plot"):
        train.plot_history({"lr": [1.0]}, str(tmp_path / "x.png"))


def test_missing_extras_give_a_clear_message(monkeypatch, tmp_path):
    import builtins
    real = builtins.__import__

    def no_extras(name, *a, **k):
        if name.split(".")[0] in ("matplotlib", "tqdm"):
            raise ImportError(name)
        return real(name, *a, **k)
    monkeypatch.setattr(builtins, "__import__", no_extras)
    with pytest.raises(ImportError, match=r"pip install 'symgrad\[examples\]'"):
        train.plot_history({"loss": [1.0]}, str(tmp_path / "c.png"))
    with pytest.raises(ImportError, match="progress=True needs tqdm"):
        train.progress.progress_bar(5, True)


def idx_bytes(array: np.ndarray, code: int) -> bytes:
    return struct.pack(">BBBB", 0, 0, code, array.ndim) + struct.pack(f">{array.ndim}I", *array.shape) \
        + array.astype(array.dtype.newbyteorder(">")).tobytes()


@pytest.mark.parametrize("dtype, code", [(np.uint8, 0x08), (np.int8, 0x09), (np.int16, 0x0B),
                                         (np.int32, 0x0C), (np.float32, 0x0D), (np.float64, 0x0E)])
def test_idx_files_read_back(tmp_path, dtype, code):
    a = (np.arange(2 * 3 * 4) - 5).reshape(2, 3, 4).astype(dtype)
    if dtype == np.uint8:
        a = np.arange(24, dtype=np.uint8).reshape(2, 3, 4)
    (tmp_path / "a.idx").write_bytes(idx_bytes(a, code))
    got = train.read_idx(tmp_path / "a.idx")
    np.testing.assert_array_equal(got, a)
    assert got.dtype == np.dtype(dtype) and got.dtype.isnative
    with gzip.open(tmp_path / "a.idx.gz", "wb") as f:
        f.write(idx_bytes(a, code))
    np.testing.assert_array_equal(train.read_idx(tmp_path / "a.idx.gz"), a)


@pytest.mark.parametrize("raw, match", [
    (b"\x00\x00", "too short"),
    (b"\x01\x00\x08\x01" + struct.pack(">I", 1) + b"\x00", "not an IDX file"),
    (b"\x00\x00\x07\x01" + struct.pack(">I", 1) + b"\x00", "unknown IDX data type 0x07"),
    (b"\x00\x00\x08\x00", "0 dimensions"),
    (b"\x00\x00\x08\x03" + struct.pack(">I", 2), "declares 3 dimensions"),
    (b"\x00\x00\x08\x01" + struct.pack(">I", 5) + b"\x01\x02", r"needs 5 bytes of data, the file has 2"),
    (b"\x00\x00\x0D\x01" + struct.pack(">I", 1) + b"\x00" * 5, "needs 4 bytes of data, the file has 5"),
])
def test_malformed_idx_files_are_refused_by_name(tmp_path, raw, match):
    path = tmp_path / "bad.idx"
    path.write_bytes(raw)
    with pytest.raises(ValueError, match=match) as e:
        train.read_idx(path)
    assert "bad.idx" in str(e.value)
    (tmp_path / "bad.gz").write_bytes(raw)
    with pytest.raises(ValueError, match="not a gzip file"):
        train.read_idx(tmp_path / "bad.gz")


def test_digits_and_splits():
    x_train, x_test, y_train, y_test = train.load_digits()
    assert x_train.shape == (1437, 64) and x_test.shape == (360, 64)
    assert 0 <= x_train.min() and x_train.max() <= 1
    assert np.bincount(y_test).min() >= 35          # stratified: every digit in the test set
    tr, va = train.validation_split(10, 0.3, np.random.default_rng(0))
    assert sorted([*tr, *va]) == list(range(10)) and len(va) == 3
    with pytest.raises(ValueError, match="both need at least one"):
        train.validation_split(3, 0.1)
