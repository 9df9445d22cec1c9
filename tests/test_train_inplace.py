"""CompiledFunction.update: new state written into the caller's buffers, on both backends.

The reference is the same program called out of place (its ``out.state``),
which test_roles.py checks against torch; here what matters is that the
buffers receive exactly those values, and that every unsafe buffer is refused
before anything is written.
"""
from __future__ import annotations

import numpy as np
import pytest
import sympy as sp

import symgrad as sg
from symgrad import losses, nn

BACKENDS = ["numpy", "llvm"]


def sgd_step(backend, dtype="float64"):
    X, Y = nn.input("X", 3), nn.input("Y", 1)
    model = nn.Sequential(nn.Dense(3, 4, name="1"), nn.Tanh(), nn.Dense(4, 3, name="2"))
    params = model.parameters()
    mom = {p: sp.MatrixSymbol(f"m_{p.name}", *p.shape) for p in params}
    state = {}
    for p in params:
        state[mom[p]] = sp.Rational(9, 10) * mom[p] + sg.gradient_of(p)
        state[p] = p - sp.Rational(1, 10) * state[mom[p]]
    step = sg.compile(losses.softmax_cross_entropy(model(X), Y), wrt=params, backend=backend,
                      dtype=dtype, state=state)
    rng = np.random.default_rng(0)
    values = nn.init_params(model, seed=1, dtype=dtype)
    values.update({f"m_{k}": rng.normal(size=v.shape).astype(dtype) for k, v in list(values.items())})
    data = {"X": rng.normal(size=(5, 3)).astype(dtype), "Y": rng.integers(0, 3, (5, 1)).astype(dtype)}
    return step, values, data


@pytest.mark.parametrize("backend", BACKENDS)
def test_update_writes_the_out_of_place_results_into_the_buffers(backend):
    step, values, data = sgd_step(backend)
    want = step(**data, **values)
    ids = {k: id(v) for k, v in values.items()}
    out = step.update(**data, **values)
    assert float(out.value) == float(want.value)
    for k, v in values.items():
        assert id(v) == ids[k]
        np.testing.assert_array_equal(v, want.state[k], err_msg=k)
        assert out.state[k] is v
    np.testing.assert_array_equal(out.grads["W1"], want.grads["W1"])


@pytest.mark.parametrize("backend", BACKENDS)
def test_a_bias_passed_1d_is_updated_in_its_own_shape(backend):
    step, values, data = sgd_step(backend)
    values["b1"] = values["b1"].ravel().copy()
    want = step(**data, **values)
    step.update(**data, **values)
    assert values["b1"].shape == (4,)
    np.testing.assert_array_equal(values["b1"], want.state["b1"])


def _refused(step, values, data, error, match, **override):
    before = {k: v.copy() for k, v in values.items()}
    with pytest.raises(error, match=match):
        step.update(**data, **{**values, **override})
    for k, v in values.items():
        np.testing.assert_array_equal(v, before[k], err_msg=f"{k} changed although the update failed")


@pytest.mark.parametrize("backend", BACKENDS)
def test_unsafe_buffers_are_refused_by_name_and_nothing_changes(backend):
    step, values, data = sgd_step(backend)
    _refused(step, values, data, TypeError, "'W2' has dtype float32", W2=values["W2"].astype(np.float32))
    _refused(step, values, data, TypeError, "'b2' is a list", b2=values["b2"].tolist())
    ro = values["W1"].copy()
    ro.flags.writeable = False
    _refused(step, values, data, ValueError, "'W1' is read-only", W1=ro)
    _refused(step, values, data, ValueError, "'W1' is not a C-contiguous",
             W1=np.asfortranarray(values["W1"]))
    wide = np.zeros((3, 8))
    _refused(step, values, data, ValueError, "'W1' is not a C-contiguous", W1=wide[:, ::2])
    # the same array for a parameter and its moment; a data input viewing a parameter
    _refused(step, values, data, ValueError, "shares memory", m_W1=values["W1"])
    big = np.zeros((5, 12))
    _refused(step, {**values, "W2": big[:4, :3]}, {**data, "X": big[:, 4:7]}, ValueError,
             "not a C-contiguous")
    flat = np.zeros(12 + 15)
    w1 = flat[:12].reshape(3, 4)
    w1[...] = values["W1"]
    flat[12:] = data["X"].ravel()
    want = step(**data, **values)
    step.update(**{**data, "X": flat[12:].reshape(5, 3)}, **{**values, "W1": w1})   # adjacent: fine
    np.testing.assert_array_equal(w1, want.state["W1"])
    with pytest.raises(ValueError, match="'W1' shares memory with argument 'X'"):
        step.update(**{**data, "X": flat[10:25].reshape(5, 3)}, **{**values, "W1": w1})


@pytest.mark.parametrize("backend", BACKENDS)
def test_a_failing_call_leaves_the_buffers_alone(backend):
    step, values, data = sgd_step(backend)
    _refused(step, values, {**data, "Y": np.full((5, 1), 7.0)}, ValueError, "class labels")
    _refused(step, values, {**data, "X": data["X"][:, :2]}, ValueError, "'X' has shape")
    rest = {k: v for k, v in values.items() if k != "m_W1"}
    with pytest.raises(TypeError, match="missing argument 'm_W1'"):
        step.update(**data, **rest)


def test_update_needs_new_state_and_a_buffer_of_the_result_shape():
    w, x, mu = sp.symbols("w x mu")
    with pytest.raises(TypeError, match="no new state"):
        sg.compile(w * x, wrt=[w]).update(w=np.array(1.0), x=1.0)
    step = sg.compile((w * x) ** 2, wrt=[w], state={mu: (mu + x) / 2})
    mu0 = np.array(1.0)
    with pytest.raises(ValueError, match=r"new value of 'mu' has shape \(3,\), its buffer \(\)"):
        step.update(w=1.0, x=np.arange(3.0), mu=mu0)
    assert float(mu0) == 1.0
    step.update(w=1.0, x=3.0, mu=mu0)
    assert float(mu0) == 2.0


@pytest.mark.parametrize("backend", BACKENDS)
def test_a_train_step_follows_its_buffers_when_they_are_replaced_or_changed(backend):
    from symgrad import train
    X, Y = nn.input("X", 3), nn.input("Y", 1)
    net = nn.Dense(3, 2, name="1")
    step = train.TrainStep(losses.softmax_cross_entropy(net(X), Y), net, train.SGD(lr=0.1), backend=backend)
    x, y = np.ones((2, 3), np.float64), np.zeros((2, 1))
    step(X=x, Y=y)
    replaced = step.buffers["W1"].copy()
    old = step.buffers["W1"]
    step.buffers["W1"] = replaced                    # the step must now update the new array
    kept = old.copy()
    step(X=x, Y=y)
    np.testing.assert_array_equal(old, kept)
    assert not np.array_equal(replaced, kept)
    replaced.flags.writeable = False
    with pytest.raises(ValueError, match="'W1' is read-only"):
        step(X=x, Y=y)
    replaced.flags.writeable = True
    with pytest.raises(ValueError, match="'W1' shares memory with argument 'X'"):
        step(X=replaced.reshape(2, 3), Y=y)


@pytest.mark.parametrize("backend", BACKENDS)
def test_the_update_is_simultaneous_when_new_values_are_other_inputs(backend):
    """state={A: B, B: A}: the numpy backend returns the input arrays themselves as the new
    values; written one after the other, the first write would show through the second."""
    A, B, C = sp.MatrixSymbol("A", 2, 2), sp.MatrixSymbol("B", 2, 2), sp.MatrixSymbol("C", 2, 2)
    fn = sg.compile(sg.tensor.Sum(sp.HadamardProduct(A, B)), backend=backend,
                    state={A: B, B: A, C: C.T})
    a, b, c = np.array([[1.0, 2.0], [3.0, 4.0]]), np.array([[5.0, 6.0], [7.0, 8.0]]), np.arange(4.0).reshape(2, 2)
    fn.update(A=a, B=b, C=c)
    np.testing.assert_array_equal(a, [[5.0, 6.0], [7.0, 8.0]])
    np.testing.assert_array_equal(b, [[1.0, 2.0], [3.0, 4.0]])
    np.testing.assert_array_equal(c, [[0.0, 2.0], [1.0, 3.0]])


def test_llvm_tensor_outputs_are_fresh_so_the_call_skips_its_alias_check():
    """The llvm tensor kernel declares fresh_outputs; check the claim on the case that made the
    alias check necessary (d sum(X o Y)/dY is X) and on a training step's many outputs."""
    A, B = sp.MatrixSymbol("A", 3, 2), sp.MatrixSymbol("B", 3, 2)
    fn = sg.compile(sg.tensor.Sum(sp.HadamardProduct(A, B)), wrt=[A, B], backend="llvm")
    assert fn.kernel.fresh_outputs
    a, b = np.ones((3, 2)), np.full((3, 2), 2.0)
    out = fn(A=a, B=b)
    step, values, data = sgd_step("llvm")
    out2 = step(**data, **values)
    for o, ins in ((out, [a, b]), (out2, [*values.values(), *data.values()])):
        arrays = [v for v in o.as_dict().values() if np.ndim(v)]
        for i, x in enumerate(arrays):
            assert not any(np.shares_memory(x, y) for y in ins)
            assert not any(np.shares_memory(x, y) for y in arrays[i + 1:])
    np.testing.assert_array_equal(out.grads["B"], a)
