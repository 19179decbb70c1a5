"""The tutorial's NumPy code on the same work as bench/engine.ts, timed in the same run.

Reads a JSON job on stdin: {"X": [[x, y], ...], "y": [...], "budget": seconds per measurement,
"configs": [{"hidden": [3], "check": P}, ...], "grid": {"hidden": [3], "size": 200, "box": [x0, x1, y0, y1]}}
and prints JSON results. One pass is the tutorial's build_model loop body (tanh, softmax, summed
gradients, L2 on weights). Each rate is measured as on the JS side: batches of at least 5 ms for the
budget, reported as the median batch ("perSecond") and the best one ("best"). Also reports the SIMD
extensions NumPy found on this CPU (numpy.show_config()), so the figures can be read against them.
"""
import json
import sys
import time

import numpy as np

job = json.load(sys.stdin)
X = np.array(job["X"], dtype=np.float64)
y = np.array(job["y"], dtype=np.intp)
N = len(X)
eps, reg = 0.01, 0.01
budget = job["budget"]


def init(hidden):
    np.random.seed(0)
    sizes = [2] + hidden + [2]
    return [(np.random.randn(a, b) / np.sqrt(a), np.zeros((1, b))) for a, b in zip(sizes, sizes[1:])]


def one_pass(model):
    acts = [X]
    for W, b in model[:-1]:
        acts.append(np.tanh(acts[-1].dot(W) + b))
    z = acts[-1].dot(model[-1][0]) + model[-1][1]
    exp_scores = np.exp(z)
    probs = exp_scores / np.sum(exp_scores, axis=1, keepdims=True)
    delta = probs
    delta[range(N), y] -= 1
    grads = []
    for l in range(len(model) - 1, -1, -1):
        W, b = model[l]
        dW = acts[l].T.dot(delta)
        db = np.sum(delta, axis=0, keepdims=True)
        if l > 0:
            delta = delta.dot(W.T) * (1 - np.power(acts[l], 2))
        grads.append((dW + reg * W, db))
    grads.reverse()
    for (W, b), (dW, db) in zip(model, grads):
        W += -eps * dW
        b += -eps * db


def loss(model):
    a = X
    for W, b in model[:-1]:
        a = np.tanh(a.dot(W) + b)
    z = a.dot(model[-1][0]) + model[-1][1]
    e = np.exp(z)
    p = e / np.sum(e, axis=1, keepdims=True)
    sq = sum(np.sum(np.square(W)) for W, _ in model)
    return (np.sum(-np.log(p[range(N), y])) + reg / 2 * sq) / N


def probs_on(model, pts):
    a = pts
    for W, b in model[:-1]:
        a = np.tanh(a.dot(W) + b)
    z = a.dot(model[-1][0]) + model[-1][1]
    e = np.exp(z)
    return e / np.sum(e, axis=1, keepdims=True)


def rate(fn, min_batch=0.005):
    """Calls per second: (median, best) of batches of at least min_batch seconds within the budget."""
    fn()
    k = 1
    while True:
        t = time.perf_counter()
        for _ in range(k):
            fn()
        dt = time.perf_counter() - t
        if dt >= min_batch:
            break
        k *= 2
    times = []
    end = time.perf_counter() + budget
    while time.perf_counter() < end or not times:
        t = time.perf_counter()
        for _ in range(k):
            fn()
        times.append((time.perf_counter() - t) / k)
    times.sort()
    return 1 / times[len(times) // 2], 1 / times[0]


def simd_found():
    try:
        return list(np.show_config(mode="dicts")["SIMD Extensions"]["found"])
    except Exception:  # older NumPy: no dicts mode
        return []


out = {"passes": [], "numpy": np.__version__, "simd": simd_found()}
for cfg in job["configs"]:
    model = init(cfg["hidden"])
    for _ in range(cfg["check"]):
        one_pass(model)
    check_loss = loss(model)
    per_second, best = rate(lambda: one_pass(model))
    out["passes"].append({"hidden": cfg["hidden"], "perSecond": per_second, "best": best, "checkLoss": check_loss})

g = job["grid"]
model = init(g["hidden"])
x0, x1, y0, y1 = g["box"]
s = g["size"]
xs = x0 + (np.arange(s) + 0.5) * (x1 - x0) / s
ys = y1 - (np.arange(s) + 0.5) * (y1 - y0) / s
xx, yy = np.meshgrid(xs, ys)
pts = np.c_[xx.ravel(), yy.ravel()]
out["gridPerSecond"], out["gridBest"] = rate(lambda: probs_on(model, pts))
json.dump(out, sys.stdout)
