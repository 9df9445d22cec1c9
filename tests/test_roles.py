"""Programs with named roles (issue 14, item 3): inputs are data, parameters,
state, masks or tangents; outputs are the value, gradients, new state and
auxiliary results, all computed by one fused program and returned by name.

References are independent of symgrad: ``sympy.diff`` / ``lambdify`` for the
scalar programs, PyTorch autograd for a masked MLP with a running mean.
"""
from __future__ import annotations

import pickle

import numpy as np
import pytest
import sympy as sp

import symgrad as sg
from symgrad import losses, nn
from symgrad.codegen.callable import Outputs
from symgrad.frontend.lower import lower
from symgrad.ir.program import Port, build_program
from symgrad.tensor import Sum

torch = pytest.importorskip("torch")

BACKENDS = ["numpy", "llvm"]
w, x, mu, m, v = sp.symbols("w x mu m v")


def scalar_step(backend):
    f = m * sp.tanh(w * x) ** 2 + v
    return f, sg.compile(f, wrt=[w], backend=backend, aux={"wx": w * x, "t": sp.tanh(w * x)},
                         state={mu: (mu + x) / 2}, roles={m: "mask", v: "tangent"})


@pytest.mark.parametrize("size", [7, 5000])   # the llvm backend's small-batch and batch paths
@pytest.mark.parametrize("backend", BACKENDS)
def test_scalar_roles_match_sympy(backend, size):
    f, fn = scalar_step(backend)
    rng = np.random.default_rng(0)
    args = {n: rng.uniform(-2, 2, size) for n in ["w", "x", "mu", "v"]}
    args["m"] = np.float64(0.5)                    # a mask broadcast over the batch
    out = fn(**args)
    value, grads = out                       # today's unpacking, unchanged
    ref = {s: sp.lambdify([w, x, mu, m, v], e, "numpy")
           for s, e in {"value": f, "d_w": sp.diff(f, w), "wx": w * x, "t": sp.tanh(w * x),
                        "new_mu": (mu + x) / 2}.items()}
    at = [args[n] for n in ["w", "x", "mu", "m", "v"]]
    np.testing.assert_allclose(value, ref["value"](*at), rtol=1e-12)
    np.testing.assert_allclose(grads["w"], ref["d_w"](*at), rtol=1e-12)
    np.testing.assert_allclose(out.aux["wx"], ref["wx"](*at), rtol=1e-12)
    np.testing.assert_allclose(out.aux["t"], ref["t"](*at), rtol=1e-12)
    np.testing.assert_allclose(out.state["mu"], ref["new_mu"](*at), rtol=1e-12)
    assert list(out.as_dict()) == ["value", "d_w", "new_mu", "wx", "t"]
    np.testing.assert_array_equal(out["new_mu"], out.state["mu"])


@pytest.mark.parametrize("backend", BACKENDS)
def test_roles_are_listed_and_survive_pickle(backend):
    _, fn = scalar_step(backend)
    assert [(p.name, p.role) for p in fn.inputs] == [
        ("m", "mask"), ("mu", "state"), ("v", "tangent"), ("w", "parameter"), ("x", "data")]
    assert [(p.name, p.role, p.of) for p in fn.outputs] == [
        ("value", "value", None), ("d_w", "gradient", "w"), ("new_mu", "new_state", "mu"),
        ("wx", "aux", None), ("t", "aux", None)]
    assert [p.name for p in fn.program.ports("aux")] == ["wx", "t"]
    listing = str(fn.program).splitlines()
    assert listing[0] == "inputs: m [mask], mu [state], v [tangent], w, x"
    assert listing[-1].startswith("return value=") and ", new_mu=" in listing[-1]
    again = pickle.loads(pickle.dumps(fn))
    assert again.outputs == fn.outputs and again.inputs == fn.inputs
    args = dict(w=0.3, x=-1.2, mu=0.5, m=1.0, v=0.0)
    out, out2 = fn(**args), again(**args)
    assert out.as_dict() == out2.as_dict()
    back = pickle.loads(pickle.dumps(out))
    assert isinstance(back, Outputs) and back.as_dict() == out.as_dict()
    assert back.state == out.state and back.aux == out.aux


def test_a_given_input_the_value_ignores_stays_an_argument():
    fn = sg.compile(w * x, wrt=[w], roles={m: "mask"})
    assert "m" in fn.args
    value, grads = fn(w=2.0, x=3.0, m=0.0)
    assert float(value) == 6.0 and float(grads["w"]) == 3.0


@pytest.mark.parametrize("kwargs, error, match", [
    (dict(roles={w: "mask"}), ValueError, "w is in wrt"),
    (dict(roles={mu: "data"}, state={mu: mu}), ValueError, "mu has a new value in state"),
    (dict(roles={m: "weight"}), ValueError, "'weight'"),
    (dict(roles={"m": "mask"}), TypeError, "'m'"),
    (dict(roles={w: "state"}, state={w: w}), ValueError, "w is in wrt"),
    (dict(state={w: sg.gradient_of(x)}), ValueError, "for a parameter in wrt"),
    (dict(aux={"d_w": x}), ValueError, "'d_w' is taken by the gradient of w"),
    (dict(aux={"value": x}), ValueError, "'value' is taken"),
    (dict(aux={"new_mu": x}, state={mu: mu}), ValueError, "new state of mu"),
    (dict(aux={3: x}), TypeError, "non-empty strings"),
    (dict(aux=[x]), TypeError, "aux must be a mapping"),
])
def test_ambiguous_roles_are_refused_by_name(kwargs, error, match):
    with pytest.raises(error, match=match):
        sg.compile(w * x, wrt=[w], **kwargs)


# -- a masked MLP with a running mean, against torch autograd -------------------------------------
def masked_mlp():
    X, Y, M = nn.input("X", 3), nn.input("Y", 2), nn.input("M", 4)
    l1, l2 = nn.Dense(3, 4, name="1"), nn.Dense(4, 2, name="2")
    H = nn.Tanh()(l1(X))
    Z = l2(sp.HadamardProduct(H, M))         # dropout with a given mask
    run = sp.MatrixSymbol("run", 1, 4)          # a running mean of H
    batch_mean = sp.OneMatrix(1, nn.BATCH) * H / nn.BATCH
    new_run = sp.Rational(9, 10) * run + sp.Rational(1, 10) * batch_mean
    params = l1.parameters() + l2.parameters()
    return losses.mse(Z, Y), params, {"logits": Z}, {run: new_run}, {M: "mask"}


def torch_masked_mlp(a):
    t = {k: torch.tensor(val, dtype=torch.float64, requires_grad=k in ("W1", "b1", "W2", "b2"))
         for k, val in a.items()}
    H = torch.tanh(t["X"] @ t["W1"] + t["b1"])
    Z = (H * t["M"]) @ t["W2"] + t["b2"]
    L = ((Z - t["Y"]) ** 2).mean()
    L.backward()
    new_run = 0.9 * t["run"] + 0.1 * H.mean(0, keepdim=True)
    return L.item(), {k: t[k].grad.numpy() for k in ("W1", "b1", "W2", "b2")}, \
        Z.detach().numpy(), new_run.detach().numpy()


@pytest.mark.parametrize("backend", BACKENDS)
def test_masked_mlp_with_state_matches_torch(backend):
    L, params, aux, state, roles = masked_mlp()
    fn = sg.compile(L, wrt=params, backend=backend, aux=aux, state=state, roles=roles)
    rng = np.random.default_rng(1)
    n = 5
    a = {"X": rng.normal(size=(n, 3)), "Y": rng.normal(size=(n, 2)),
         "M": (rng.uniform(size=(n, 4)) > 0.5) / 0.5, "run": rng.normal(size=(1, 4)),
         "W1": rng.normal(size=(3, 4)), "b1": rng.normal(size=(1, 4)),
         "W2": rng.normal(size=(4, 2)), "b2": rng.normal(size=(1, 2))}
    out = fn(**a)
    value, grads = out
    want_value, want_grads, want_logits, want_run = torch_masked_mlp(a)
    np.testing.assert_allclose(value, want_value, rtol=1e-12)
    for k, g in want_grads.items():
        np.testing.assert_allclose(grads[k], g, rtol=1e-10, atol=1e-14, err_msg=k)
    np.testing.assert_allclose(out.aux["logits"], want_logits, rtol=1e-12)
    np.testing.assert_allclose(out.state["run"], want_run, rtol=1e-12)
    assert {p.name: p.role for p in fn.inputs} == {
        "M": "mask", "W1": "parameter", "W2": "parameter", "X": "data", "Y": "data",
        "b1": "parameter", "b2": "parameter", "run": "state"}
    # the state passed 1-D comes back 1-D, as gradients of 1-D biases do
    out1 = fn(**{**a, "run": a["run"].ravel()})
    assert out1.state["run"].shape == (4,)
    np.testing.assert_allclose(out1.state["run"], want_run.ravel(), rtol=1e-12)


@pytest.mark.parametrize("backend", BACKENDS)
def test_state_feeds_the_next_call(backend):
    L, params, aux, state, roles = masked_mlp()
    fn = sg.compile(L, wrt=params, backend=backend, state=state, roles=roles)
    rng = np.random.default_rng(2)
    a = {"X": rng.normal(size=(4, 3)), "Y": rng.normal(size=(4, 2)), "M": np.ones((4, 4)),
         "run": np.zeros((1, 4)), **nn.init_params(nn.Sequential(nn.Dense(3, 4, name="1"),
                                                                  nn.Dense(4, 2, name="2")))}
    H = np.tanh(a["X"] @ a["W1"] + a["b1"]).mean(0, keepdims=True)
    run = a["run"]
    for _ in range(3):
        out = fn(**{**a, "run": run})
        run = out.state["run"]
    np.testing.assert_allclose(run, (1 - 0.9 ** 3) * H, rtol=1e-12)


def test_a_new_state_of_another_shape_is_refused():
    run = sp.MatrixSymbol("run", 1, 4)
    X = nn.input("X", 4)
    with pytest.raises(ValueError, match=r"new value of run has shape \(N, 4\), run has shape \(1, 4\)"):
        sg.compile(Sum(X), state={run: X})
    with pytest.raises(ValueError, match=r"new value of mu has shape \(1, 4\), mu has shape \(\)"):
        sg.compile(Sum(X), state={mu: run})


def test_the_gradient_stand_in_is_refused_in_the_value():
    with pytest.raises(ValueError, match=r"gradient_of\(w\) can only appear in the state and aux"):
        sg.compile(w * x + sg.gradient_of(w), wrt=[w], aux={"x": x})


# -- a fused optimizer step: parameters and momentum as state, against torch.optim.SGD ----------
@pytest.mark.parametrize("backend", BACKENDS)
def test_fused_sgd_momentum_step_matches_torch(backend):
    L, params, _, _, roles = masked_mlp()
    lr, beta = sp.Rational(1, 10), sp.Rational(9, 10)
    buf = {p: sp.MatrixSymbol(f"m_{p.name}", *p.shape) for p in params}
    state = {}
    for p in params:   # torch's SGD: buf = beta*buf + grad; p = p - lr*buf
        state[buf[p]] = beta * buf[p] + sg.gradient_of(p)
        state[p] = p - lr * (beta * buf[p] + sg.gradient_of(p))
    norm2 = sp.Add(*[Sum(sp.HadamardProduct(sg.gradient_of(p), sg.gradient_of(p))) for p in params])
    step = sg.compile(L, wrt=params, backend=backend, state=state, roles=roles,
                      aux={"grad_norm2": norm2})
    # the update reads the gradients the step computes: no GEMM is added, none repeated
    def gemms(program):
        return sum(1 for n in program.nodes if n.op.__name__ == "MatMul")
    assert gemms(step.program) == gemms(sg.grad(L, params).program)
    roles_of = {p.name: p.role for p in step.inputs}
    assert roles_of["W1"] == "parameter" and roles_of["m_W1"] == "state"
    rng = np.random.default_rng(3)
    data = {"X": rng.normal(size=(6, 3)), "Y": rng.normal(size=(6, 2)),
            "M": (rng.uniform(size=(6, 4)) > 0.3) / 0.7}
    values = {p.name: rng.normal(size=tuple(int(d) for d in p.shape)) for p in params}
    moments = {f"m_{k}": np.zeros_like(v) for k, v in values.items()}

    tp = {k: torch.tensor(v, requires_grad=True) for k, v in values.items()}
    opt = torch.optim.SGD(list(tp.values()), lr=0.1, momentum=0.9)
    for _ in range(3):
        out = step(**data, **values, **moments)
        values = {k: out.state[k] for k in values}
        moments = {k: out.state[k] for k in moments}

        opt.zero_grad()
        t = {k: torch.tensor(v) for k, v in data.items()}
        H = torch.tanh(t["X"] @ tp["W1"] + tp["b1"])
        loss = (((H * t["M"]) @ tp["W2"] + tp["b2"] - t["Y"]) ** 2).mean()
        loss.backward()
        norm2_want = sum(float((q.grad ** 2).sum()) for q in tp.values())
        opt.step()
        np.testing.assert_allclose(out.value, loss.item(), rtol=1e-12)
        np.testing.assert_allclose(out.aux["grad_norm2"], norm2_want, rtol=1e-10)
    for k, q in tp.items():
        np.testing.assert_allclose(values[k], q.detach().numpy(), rtol=1e-10, atol=1e-14, err_msg=k)
        np.testing.assert_allclose(moments[f"m_{k}"], opt.state[q]["momentum_buffer"].numpy(),
                                   rtol=1e-10, atol=1e-14, err_msg=k)


@pytest.mark.parametrize("backend", BACKENDS)
def test_prediction_with_frozen_parameters_and_an_aux_output(backend):
    """A matrix-valued program (no wrt): roles label frozen weights, aux rides along."""
    X = nn.input("X", 3)
    model = nn.Sequential(nn.Dense(3, 4, name="1"), nn.Tanh(), nn.Dense(4, 2, name="2"))
    hidden = nn.Tanh()(model[0](X))
    fn = sg.compile(model(X), backend=backend, aux={"hidden": hidden},
                    roles={p: "parameter" for p in model.parameters()})
    assert [(p.name, p.role) for p in fn.outputs] == [("value", "value"), ("hidden", "aux")]
    assert {p.role for p in fn.inputs if p.name != "X"} == {"parameter"}
    params = nn.init_params(model, seed=4)
    xs = np.random.default_rng(4).normal(size=(5, 3))
    out = fn(X=xs, **params)
    t = {k: torch.tensor(v) for k, v in params.items()}
    h = torch.tanh(torch.tensor(xs) @ t["W1"] + t["b1"])
    np.testing.assert_allclose(out.aux["hidden"], h.numpy(), rtol=1e-12)
    np.testing.assert_allclose(out.value, (h @ t["W2"] + t["b2"]).numpy(), rtol=1e-12)
    assert len(out.grads) == 0


@pytest.mark.parametrize("roles, ports, match", [
    ({"x": "weight"}, None, "input 'x' has role 'weight'"),
    (None, [Port("value", "result")], "output 'value' has role 'result'"),
    (None, [Port("value", "gradient")], "a gradient output needs the input"),
    (None, [Port("value", "aux", "x")], "only gradient and new_state outputs belong to an input, not aux"),
    (None, [Port("value", "gradient", "z")], "belongs to 'z', which is not an input"),
    ({"x": "data"}, [Port("value", "new_state", "x")], "whose role is 'data'"),
    (None, [Port("v", "value")], "must name the outputs, in order"),
])
def test_program_ports_are_checked(roles, ports, match):
    G, (r,) = lower([x * w])
    with pytest.raises(ValueError, match=match):
        build_program(G, [("value", r)], input_roles=roles, output_ports=ports)


def test_two_outputs_of_one_name_are_refused():
    G, (r,) = lower([x * w])
    with pytest.raises(ValueError, match=r"two outputs share the name\(s\) \['value'\]"):
        build_program(G, [("value", r), ("value", r)])


@pytest.mark.parametrize("backend", BACKENDS)
def test_a_tangent_input_gives_a_directional_derivative(backend):
    """g . v for a tangent v, from the gradients the program computes (an HVP would
    differentiate this once more: issue 11)."""
    a, b, va, vb = sp.symbols("a b v_a v_b")
    f = sp.exp(a * b) + sp.sin(a) * b ** 2
    fn = sg.compile(f, wrt=[a, b], backend=backend, roles={va: "tangent", vb: "tangent"},
                    aux={"jvp": sg.gradient_of(a) * va + sg.gradient_of(b) * vb})
    assert [p.name for p in fn.program.ports("tangent")] == ["v_a", "v_b"]
    want = sp.lambdify([a, b, va, vb], sp.diff(f, a) * va + sp.diff(f, b) * vb)
    pts = np.random.default_rng(5).uniform(-1, 1, (4, 6))
    out = fn(a=pts[0], b=pts[1], v_a=pts[2], v_b=pts[3])
    np.testing.assert_allclose(out.aux["jvp"], want(*pts), rtol=1e-12)
