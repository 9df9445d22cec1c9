"""sg.explain on a CNN: the notes' conv and pooling deltas, each checked against torch autograd."""
from __future__ import annotations

import numpy as np
import pytest

import symgrad as sg
from symgrad import losses, nn

torch = pytest.importorskip("torch")
F = torch.nn.functional


def _model():
    X, Y = nn.input("X", (1, 8, 8)), nn.input("Y", 4)
    model = nn.Sequential(nn.Conv2d(1, 2, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
                          nn.Conv2d(2, 3, 3, padding=1), nn.Tanh(), nn.AvgPool2d(2),
                          nn.Flatten(), nn.Dense(12, 4))
    return X, Y, model, losses.softmax_cross_entropy(model(X), Y)


def test_cnn_backward_reads_as_the_notes_write_it():
    X, Y, model, L = _model()
    text = str(sg.explain(L, model.parameters()))
    for row in ["z_1 = b0 + conv2d(X, K0, 1, 1)", "p_1 = max_pool2d(a_1, 2)", "f_2 = flatten(p_2)",
                "delta_p_2 = reshape(delta_f_2, (N, 3, 2, 2))",
                "delta_a_2 = spread(delta_p_2, 2)",           # average pooling spreads
                "tanh'(z_2) = 1 - a_2 ∘ a_2", "delta_2 = delta_a_2 ∘ tanh'(z_2)",
                "delta_p_1 = conv2d_full(delta_2, rot180(K3), 1, 1)",   # the flipped kernel
                "delta_a_1 = route_max(delta_p_1, 2)",        # max pooling routes
                "relu'(z_1) = [z_1 > 0]", "delta_1 = delta_a_1 ∘ relu'(z_1)",
                "dL/dK0 = corr(X, delta_1)", "dL/db0 = sum_NHW(delta_1)", "dL/dW7 = f_2^T delta_3"]:
        assert f"  {row}\n" in text + "\n", (row, text)
    html = sg.grad(L, model.parameters())._repr_html_()      # a notebook shows the same, with the notes
    assert r"\operatorname{route\_max}\left(\delta_{p 1}, 2\right)" in html and "route_max(delta, k)" in html
    assert r"\left[z_{1} &gt; 0\right]" in html


def _route_max(delta_p, a, k):
    """Each delta entry to the first maximum of its k x k window (row-major), as printed."""
    out = np.zeros_like(a)
    n, c, h, w = delta_p.shape
    for i in range(h):
        for j in range(w):
            win = a[:, :, i * k:(i + 1) * k, j * k:(j + 1) * k].reshape(n, c, -1)
            first = win.argmax(axis=2)
            for nn_ in range(n):
                for cc in range(c):
                    u, v = divmod(first[nn_, cc], k)
                    out[nn_, cc, i * k + u, j * k + v] += delta_p[nn_, cc, i, j]
    return out


def test_every_printed_formula_equals_torch_autograd():
    X, Y, model, L = _model()
    params = nn.init_params(model, seed=0)
    rng = np.random.default_rng(0)
    xb = rng.standard_normal((3, 1, 8, 8))
    xb[0, 0, :2, :2] = 1.0                        # a tie inside a pooling window
    yb = np.eye(4)[rng.integers(0, 4, 3)]
    _, grads = sg.compile(L, wrt=model.parameters())(X=xb, Y=yb, **params)

    t = {k: torch.tensor(np.asarray(v, dtype=np.float64), requires_grad=True) for k, v in params.items()}
    x = torch.tensor(xb)
    z1 = F.conv2d(x, t["K0"], padding=1) + t["b0"].reshape(1, -1, 1, 1)
    a1 = torch.relu(z1)
    p1 = F.max_pool2d(a1, 2)
    z2 = F.conv2d(p1, t["K3"], padding=1) + t["b3"].reshape(1, -1, 1, 1)
    a2 = torch.tanh(z2)
    p2 = F.avg_pool2d(a2, 2)
    logits = p2.reshape(3, -1) @ t["W7"] + t["b7"].reshape(1, -1)
    for v in (z1, a1, p1, z2, a2, p2):
        v.retain_grad()
    F.cross_entropy(logits, torch.tensor(yb.argmax(1))).backward()
    g = {name: v.grad.numpy() for name, v in
         dict(z1=z1, a1=a1, p1=p1, z2=z2, a2=a2, p2=p2).items()}

    # delta_a_2 = spread(delta_p_2, 2) and delta_2 = delta_a_2 ∘ (1 - a_2 ∘ a_2)
    spread = np.repeat(np.repeat(g["p2"], 2, axis=2), 2, axis=3) / 4
    assert np.allclose(spread, g["a2"], atol=1e-12)
    assert np.allclose(spread * (1 - a2.detach().numpy() ** 2), g["z2"], atol=1e-12)
    # delta_p_1 = conv2d_full(delta_2, rot180(K3), 1, 1): pad by 3 - 1 - 1, flip, swap channels
    d2 = torch.tensor(g["z2"])
    full = F.conv2d(F.pad(d2, (1, 1, 1, 1)), t["K3"].detach().flip(2, 3).transpose(0, 1))
    assert np.allclose(full.numpy(), g["p1"], atol=1e-12)
    # delta_a_1 = route_max(delta_p_1, 2), delta_1 = delta_a_1 ∘ [z_1 > 0]
    routed = _route_max(g["p1"], a1.detach().numpy(), 2)
    assert np.allclose(routed, g["a1"], atol=1e-12)
    assert np.allclose(routed * (z1.detach().numpy() > 0), g["z1"], atol=1e-12)
    # dL/dK0 = corr(X, delta_1), dL/db0 = sum_NHW(delta_1): against symgrad's compiled gradient
    d1 = torch.tensor(g["z1"])
    corr = F.conv2d(F.pad(x, (1, 1, 1, 1)).transpose(0, 1), d1.transpose(0, 1)).transpose(0, 1)
    assert np.allclose(corr.numpy(), grads["K0"], rtol=1e-10, atol=1e-12)
    assert np.allclose(g["z1"].sum(axis=(0, 2, 3)).reshape(2, 1, 1), grads["b0"], rtol=1e-10, atol=1e-12)
    assert np.allclose(t["K0"].grad.numpy(), grads["K0"], rtol=1e-10, atol=1e-12)


def test_a_cnn_draws_one_box_per_stage():
    X, Y, model, L = _model()
    dot = sg.draw(L).dot
    for box in ["conv 1", "max pool", "conv 2", "avg pool", "flatten", "<b>layer 3</b> · dense"]:
        assert box in dot, (box, dot)


def test_conv2d_full_with_a_stride_is_the_input_delta():
    """The printed recipe for stride 2 (dilate, pad by k - 1 - p plus (H + 2p - k) mod s, flip)
    against torch's input gradient."""
    X, Y = nn.input("X", (3, 8, 8)), nn.input("Y", 2)
    model = nn.Sequential(nn.Conv2d(3, 4, 3, stride=2, padding=1), nn.Tanh(), nn.Flatten(), nn.Dense(64, 2))
    text = str(sg.explain(losses.softmax_cross_entropy(model(X), Y), model.parameters()))
    assert "z_1 = b0 + conv2d(X, K0, 2, 1)" in text and "(plus (H + 2p - kernel) mod s" in text
    gen = torch.Generator().manual_seed(0)
    x = torch.randn(2, 3, 8, 8, dtype=torch.float64, generator=gen, requires_grad=True)
    K = torch.randn(4, 3, 3, 3, dtype=torch.float64, generator=gen)
    z = F.conv2d(x, K, stride=2, padding=1)
    d = torch.randn(z.shape, dtype=torch.float64, generator=gen)
    (z * d).sum().backward()
    s, k, p, H = 2, 3, 1, 8
    dil = torch.zeros(2, 4, (z.shape[2] - 1) * s + 1, (z.shape[3] - 1) * s + 1, dtype=torch.float64)
    dil[:, :, ::s, ::s] = d
    lo, hi = k - 1 - p, k - 1 - p + (H + 2 * p - k) % s
    full = F.conv2d(F.pad(dil, (lo, hi, lo, hi)), K.flip(2, 3).transpose(0, 1))
    assert torch.allclose(full, x.grad, rtol=1e-12, atol=1e-12)


def test_two_dense_layers_over_a_convolution_name_the_top_softmax():
    X, Y = nn.input("X", (2, 7, 7)), nn.input("Y", 3)
    model = nn.Sequential(nn.Conv2d(2, 3, 3, stride=2, bias=False), nn.Sigmoid(), nn.AvgPool2d(3),
                          nn.Flatten(), nn.Dense(3, 3), nn.Tanh(), nn.Dense(3, 3))
    text = str(sg.explain(losses.softmax_cross_entropy(model(X), Y), model.parameters()))
    for row in ["e_3 = exp(z_3 - rowmax(z_3) 1)", "delta_3 = e_3 ∘ (1/N 1/s_3 1) - 1/N Y",
                "sigmoid'(z_1) = a_1 ∘ (1 - a_1)", "dL/dK0 = corr(X, delta_1)", "dL/dW6 = a_2^T delta_3",
                "tanh'(z_2) = 1 - a_2 ∘ a_2", "delta_2 = delta_a_2 ∘ tanh'(z_2)"]:
        assert f"  {row}\n" in text, (row, text)
    assert "dL/db0" not in text    # no bias
