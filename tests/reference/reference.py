"""
An independent NumPy reference for nn-playground, written in the style of the tutorial
("Implementing a Neural Network from Scratch in Python": build_model, calculate_loss, predict),
extended exactly as docs/algorithms.md defines: several hidden layers, five activations, C classes,
minibatches, learning-rate annealing and a test split; plus the LogisticRegressionCV baseline.

Everything random comes from NumPy's legacy global stream (np.random.seed / shuffle / normal /
randn / uniform), as in the tutorial. No scikit-learn: make_moons and make_circles are rewritten here
line for line from scikit-learn's source.
"""
import math
from fractions import Fraction

import numpy as np


# --------------------------------------------------------------------------------------------------
# Data. Each generator returns the noise-free X (n x 2) and y, already in their final row order;
# make_dataset adds the noise.
# --------------------------------------------------------------------------------------------------

def _shuffle_rows(X, y):
    # sklearn.utils.shuffle(X, y) with the global RandomState: one shuffle of arange(n).
    idx = np.arange(X.shape[0])
    np.random.shuffle(idx)
    return X[idx], y[idx]


def make_moons(n_samples, noise):
    n_samples_out = n_samples // 2
    n_samples_in = n_samples - n_samples_out
    outer_circ_x = np.cos(np.linspace(0, np.pi, n_samples_out))
    outer_circ_y = np.sin(np.linspace(0, np.pi, n_samples_out))
    inner_circ_x = 1 - np.cos(np.linspace(0, np.pi, n_samples_in))
    inner_circ_y = 1 - np.sin(np.linspace(0, np.pi, n_samples_in)) - 0.5
    X = np.vstack([np.append(outer_circ_x, inner_circ_x), np.append(outer_circ_y, inner_circ_y)]).T
    y = np.hstack([np.zeros(n_samples_out, dtype=np.intp), np.ones(n_samples_in, dtype=np.intp)])
    X, y = _shuffle_rows(X, y)
    X += np.random.normal(scale=noise, size=X.shape)
    return X, y


def make_circles(n_samples, noise, factor=0.5):
    n_samples_out = n_samples // 2
    n_samples_in = n_samples - n_samples_out
    linspace_out = np.linspace(0, 2 * np.pi, n_samples_out, endpoint=False)
    linspace_in = np.linspace(0, 2 * np.pi, n_samples_in, endpoint=False)
    outer_circ_x = np.cos(linspace_out)
    outer_circ_y = np.sin(linspace_out)
    inner_circ_x = np.cos(linspace_in) * factor
    inner_circ_y = np.sin(linspace_in) * factor
    X = np.vstack([np.append(outer_circ_x, inner_circ_x), np.append(outer_circ_y, inner_circ_y)]).T
    y = np.hstack([np.zeros(n_samples_out, dtype=np.intp), np.ones(n_samples_in, dtype=np.intp)])
    X, y = _shuffle_rows(X, y)
    X += np.random.normal(scale=noise, size=X.shape)
    return X, y


def make_xor(n_samples, noise):
    # No shuffle: the uniform draws are already in random order. Labels come before the noise.
    X = np.random.uniform(-1, 1, size=(n_samples, 2))
    y = ((X[:, 0] >= 0) != (X[:, 1] >= 0)).astype(np.intp)
    X += np.random.normal(scale=noise, size=X.shape)
    return X, y


def class_sizes(n_samples, classes):
    return [n_samples // classes + (1 if j < n_samples % classes else 0) for j in range(classes)]


def make_blobs(n_samples, classes, noise):
    # All points of class j start at the centre (cos(2 pi j / k), sin(2 pi j / k)).
    parts_x, parts_y = [], []
    for j, m in enumerate(class_sizes(n_samples, classes)):
        angle = 2 * np.pi * j / classes
        parts_x.append(np.full((m, 2), [np.cos(angle), np.sin(angle)]))
        parts_y.append(np.full(m, j, dtype=np.intp))
    X, y = _shuffle_rows(np.vstack(parts_x), np.hstack(parts_y))
    X += np.random.normal(scale=noise, size=X.shape)
    return X, y


def make_spiral(n_samples, classes, noise):
    # Arm j: radius r from 0 to 1, angle 2 pi j / k + 3 pi r. The noise is half the setting.
    parts_x, parts_y = [], []
    for j, m in enumerate(class_sizes(n_samples, classes)):
        r = np.linspace(0, 1, m)
        a = 2 * np.pi * j / classes + 3 * np.pi * r
        parts_x.append(np.vstack([r * np.cos(a), r * np.sin(a)]).T)
        parts_y.append(np.full(m, j, dtype=np.intp))
    X, y = _shuffle_rows(np.vstack(parts_x), np.hstack(parts_y))
    X += np.random.normal(scale=noise / 2, size=X.shape)
    return X, y


# Regression (docs/algorithms.md): TensorFlow Playground's plane and six Gaussians on our scale.
REGRESSION = ('plane', 'gauss')
GAUSSIANS = [(-4, 2.5, 1), (0, 2.5, -1), (4, 2.5, 1), (-4, -2.5, -1), (0, -2.5, 1), (4, -2.5, -1)]


def gauss_target(X):
    """The bump of largest magnitude at each point (the first on a tie), 0 away from all of them."""
    t = np.zeros(len(X))
    for cx, cy, sign in GAUSSIANS:
        d = np.sqrt((X[:, 0] - cx / 6) ** 2 + (X[:, 1] - cy / 6) ** 2)
        v = sign * np.maximum(0, 1 - 3 * d)
        t = np.where(np.abs(v) > np.abs(t), v, t)
    return t


def make_regression(n_samples, noise, kind):
    # Like xor: uniform points, the targets before the noise, no shuffle. Returns X and the targets t.
    X = np.random.uniform(-1, 1, size=(n_samples, 2))
    t = (X[:, 0] + X[:, 1]) / 2 if kind == 'plane' else gauss_target(X)
    X += np.random.normal(scale=noise, size=X.shape)
    return X, t


def num_classes(data, classes):
    if data in REGRESSION:
        return 1
    return classes if data in ('blobs', 'spiral') else 2


def make_dataset(data, n, noise, seed, classes=2):
    """np.random.seed(seed), then the named generator. Returns X (n x 2 float64) and y (n ints)."""
    np.random.seed(seed)
    if data == 'moons':
        return make_moons(n, noise)
    if data == 'circles':
        return make_circles(n, noise)
    if data == 'xor':
        return make_xor(n, noise)
    if data == 'blobs':
        return make_blobs(n, classes, noise)
    if data == 'spiral':
        return make_spiral(n, classes, noise)
    if data in REGRESSION:
        return make_regression(n, noise, data)
    raise ValueError(data)


# The input features (docs/algorithms.md): columns computed from the points, in the order given.
FEATURES = {
    'x1': lambda X: X[:, 0],
    'x2': lambda X: X[:, 1],
    'x1sq': lambda X: X[:, 0] ** 2,
    'x2sq': lambda X: X[:, 1] ** 2,
    'x1x2': lambda X: X[:, 0] * X[:, 1],
    'sinx1': lambda X: np.sin(X[:, 0]),
    'sinx2': lambda X: np.sin(X[:, 1]),
}


def features(X, inputs):
    """The network's input: the named features of the points X (n x 2), as columns in that order."""
    return np.column_stack([FEATURES[f](X) for f in inputs])


def split(X, y, test):
    """The first n - n_test rows train, the last n_test rows test."""
    n = X.shape[0]
    n_test = math.floor(test * n + 0.5)
    n_train = n - n_test
    return X[:n_train], y[:n_train], X[n_train:], y[n_train:]


# --------------------------------------------------------------------------------------------------
# Network. A model is {'W': [W1, W2, ...], 'b': [b1, b2, ...]}; layer l maps d_in -> d_out.
# --------------------------------------------------------------------------------------------------

# Each activation: f(z), and f'(z) written with a = f(z) (what backpropagation has at hand).
ACTIVATIONS = {
    'tanh': (np.tanh, lambda a: 1 - np.power(a, 2)),
    'sigmoid': (lambda z: 1 / (1 + np.exp(-z)), lambda a: a * (1 - a)),
    'relu': (lambda z: np.maximum(z, 0), lambda a: (a > 0).astype(np.float64)),
    'leaky': (lambda z: np.where(z > 0, z, 0.01 * z), lambda a: np.where(a > 0, 1.0, 0.01)),
    'linear': (lambda z: z, lambda a: np.ones_like(a)),
}


# The engine subtracts each row's maximum before exp; the reference keeps the tutorial's softmax.
# make_fixtures.py switches this on for one rerun, to check that the difference stays in the last bits.
SHIFT_SOFTMAX = False


def init_model(layer_sizes, seed):
    # Initialize the parameters to random values, layer by layer, as the tutorial does for W1 and W2.
    np.random.seed(seed)
    model = {'W': [], 'b': []}
    for d_in, d_out in zip(layer_sizes[:-1], layer_sizes[1:]):
        model['W'].append(np.random.randn(d_in, d_out) / np.sqrt(d_in))
        model['b'].append(np.zeros((1, d_out)))
    return model


def forward(model, X, act):
    """Returns the list of layer outputs [X, a1, ..., aL] and the softmax probabilities."""
    f = ACTIVATIONS[act][0]
    a = [X]
    L = len(model['W'])
    for l in range(L - 1):
        a.append(f(a[-1].dot(model['W'][l]) + model['b'][l]))
    z = a[-1].dot(model['W'][L - 1]) + model['b'][L - 1]
    if model.get('regression'):
        # One linear output unit: its value is the prediction.
        return a, z
    if SHIFT_SOFTMAX:
        z = z - np.max(z, axis=1, keepdims=True)
    exp_scores = np.exp(z)
    probs = exp_scores / np.sum(exp_scores, axis=1, keepdims=True)
    return a, probs


def calculate_loss(model, X, y, act, reg_lambda, l1=0.0):
    num_examples = len(X)
    _, probs = forward(model, X, act)
    if model.get('regression'):
        # Half the squared error of the one output
        data_loss = 0.5 * np.sum((probs[:, 0] - y) ** 2)
    else:
        # Calculating the loss
        corect_logprobs = -np.log(probs[range(num_examples), y])
        data_loss = np.sum(corect_logprobs)
    # Add regulatization term to loss (biases are not penalised)
    penalty = reg_lambda / 2 * sum(np.sum(np.square(W)) for W in model['W'])
    if l1 != 0:
        penalty += l1 * sum(np.sum(np.abs(W)) for W in model['W'])
    data_loss += penalty
    return 1. / num_examples * data_loss


def predict(model, x, act):
    _, probs = forward(model, x, act)
    return np.argmax(probs, axis=1)


def accuracy(model, X, y, act):
    if model.get('regression'):
        return None
    return float(np.mean(predict(model, X, act) == y))


def r_squared(model, X, t, act):
    """1 - sum (t - prediction)^2 / sum (t - mean t)^2 of a regression model."""
    _, out = forward(model, X, act)
    return float(1 - np.sum((t - out[:, 0]) ** 2) / np.sum((t - np.mean(t)) ** 2))


def learning_rate(epsilon, anneal, t, num_passes):
    """The step size at pass t (0-based) of num_passes."""
    if anneal == 'none':
        return epsilon
    if anneal == 'step':
        return epsilon * 0.5 ** math.floor(4 * t / num_passes)
    if anneal == 'exp':
        return epsilon * 0.01 ** (t / num_passes)
    if anneal == 'inv':
        return epsilon / (1 + 9 * t / num_passes)
    raise ValueError(anneal)


def backprop(model, X, y, act, reg_lambda, num_train, l1=0.0):
    """The gradients (dW, db) on the batch (X, y), summed over its rows; num_train is the training
    set size N, which scales the penalties' share: reg_lambda * (|B| / N) * W + l1 * (|B| / N) * sign(W)."""
    fprime = ACTIVATIONS[act][1]
    W = model['W']
    a, probs = forward(model, X, act)
    delta = probs
    if model.get('regression'):
        delta = probs - y[:, None]
    else:
        delta[range(len(X)), y] -= 1
    dW, db = [None] * len(W), [None] * len(W)
    for l in reversed(range(len(W))):
        dW[l] = (a[l].T).dot(delta)
        db[l] = np.sum(delta, axis=0, keepdims=True)
        if l > 0:
            delta = delta.dot(W[l].T) * fprime(a[l])
        # Add regularization terms (biases don't have regularization terms)
        dW[l] += reg_lambda * (len(X) / num_train) * W[l]
        if l1 != 0:
            dW[l] += l1 * (len(X) / num_train) * np.sign(W[l])
    return dW, db


def gradient_step(model, X, y, act, epsilon, reg_lambda, num_train, l1=0.0, state=None):
    """One update on the batch (X, y). Mutates model, and state (the optimizer's, see new_state)."""
    dW, db = backprop(model, X, y, act, reg_lambda, num_train, l1)
    if state is None or state['opt'] == 'sgd':
        # Gradient descent parameter update
        for l in range(len(dW)):
            model['W'][l] += -epsilon * dW[l]
            model['b'][l] += -epsilon * db[l]
        return
    beta = state['beta']
    state['t'] += 1
    t = state['t']
    for key, grads in (('W', dW), ('b', db)):
        for l, g in enumerate(grads):
            P, m = model[key][l], state['m'][key][l]
            if state['opt'] == 'momentum':
                m[...] = beta * m + g
                P -= epsilon * m
            else:
                s = state['s'][key][l]
                m[...] = beta * m + (1 - beta) * g
                s[...] = 0.999 * s + 0.001 * g * g
                P -= epsilon * (m / (1 - beta ** t)) / (np.sqrt(s / (1 - 0.999 ** t)) + 1e-8)


def new_state(model, opt, beta):
    """The optimizer's state, shared by every batch of every pass: velocity (momentum) or moments
    (Adam) of every weight and bias, all 0, and Adam's count of updates t."""
    zeros = lambda: {k: [np.zeros_like(P) for P in model[k]] for k in ('W', 'b')}
    return {'opt': opt, 'beta': beta, 't': 0, 'm': zeros(), 's': zeros()}


def build_model(X, y, hidden, num_classes, act='tanh', epsilon=0.01, reg_lambda=0.01, batch=0,
                anneal='none', num_passes=20000, seed=0, print_loss=False, log_every=1000,
                loss_at=(), X_test=None, y_test=None, perturb=None, l1=0.0, opt='sgd', beta=0.9,
                edit=None, regression=False):
    """
    Learns the parameters of the network [2] + hidden + [num_classes] and returns (model, log).
    - log: {'iterations': [...], 'losses': [...], 'test_losses': [...]} for i % log_every == 0,
      plus 'extra': {i: loss} for every pass i in loss_at. A loss "after iteration i" is the
      training loss of the weights after pass i.
    - perturb: optional function applied to each initial weight matrix (for the stability check).
    - edit: optional function applied to the initial model (weights set by hand).
    """
    num_examples = len(X)
    model = init_model([X.shape[1]] + list(hidden) + [num_classes], seed)
    if regression:
        model['regression'] = True
    if perturb is not None:
        model['W'] = [perturb(l, W) for l, W in enumerate(model['W'])]
    if edit is not None:
        edit(model)
    state = new_state(model, opt, beta)
    log = {'iterations': [], 'losses': [], 'test_losses': [], 'extra': {}}
    loss_at = set(loss_at)
    full_batch = batch == 0 or batch >= num_examples
    for i in range(0, num_passes):
        lr_t = learning_rate(epsilon, anneal, i, num_passes)
        if full_batch:
            gradient_step(model, X, y, act, lr_t, reg_lambda, num_examples, l1, state)
        else:
            # The same stream that drew the weights, continuing.
            idx = np.arange(num_examples)
            np.random.shuffle(idx)
            for k in range(0, num_examples, batch):
                rows = idx[k:k + batch]
                gradient_step(model, X[rows], y[rows], act, lr_t, reg_lambda, num_examples, l1, state)
        if i % log_every == 0 or i in loss_at:
            loss = calculate_loss(model, X, y, act, reg_lambda, l1)
            if i in loss_at:
                log['extra'][i] = loss
            if i % log_every == 0:
                log['iterations'].append(i)
                log['losses'].append(loss)
                if X_test is not None and len(X_test) > 0:
                    log['test_losses'].append(calculate_loss(model, X_test, y_test, act, reg_lambda, l1))
                if print_loss:
                    print("Loss after iteration %i: %f" % (i, loss))
    return model, log


# --------------------------------------------------------------------------------------------------
# The logistic-regression baseline: scikit-learn's LogisticRegressionCV() with its defaults, solved
# exactly by Newton's method. Objective C * sum_i logloss_i + 0.5 * |w|^2, intercept not penalised.
# --------------------------------------------------------------------------------------------------

def _with_ones(X):
    return np.hstack([X, np.ones((X.shape[0], 1))])


def _expit(z):
    out = np.empty_like(z)
    pos = z >= 0
    out[pos] = 1 / (1 + np.exp(-z[pos]))
    ez = np.exp(z[~pos])
    out[~pos] = ez / (1 + ez)
    return out


def _binary_terms(theta, Xt, y, C):
    # theta = [w_1, ..., w_d, b]
    z = Xt.dot(theta)
    s = 2 * y - 1
    penalty = np.append(theta[:-1], 0.0)
    f = C * np.sum(np.logaddexp(0, -s * z)) + 0.5 * np.sum(theta[:-1] ** 2)
    p = _expit(z)
    g = C * Xt.T.dot(p - y) + penalty
    H = C * (Xt.T * (p * (1 - p))).dot(Xt) + np.diag(np.append(np.ones(Xt.shape[1] - 1), 0.0))
    return f, g, H


def _multinomial_terms(theta, Xt, y, C, k):
    # theta = Wt.ravel(), Wt of shape (d + 1, k): rows are features then the intercept.
    d1 = Xt.shape[1]
    Wt = theta.reshape(d1, k)
    Z = Xt.dot(Wt)
    zmax = Z.max(axis=1, keepdims=True)
    lse = zmax[:, 0] + np.log(np.sum(np.exp(Z - zmax), axis=1))
    P = np.exp(Z - lse[:, None])
    Y = np.eye(k)[y]
    f = C * np.sum(lse - Z[np.arange(len(y)), y]) + 0.5 * np.sum(Wt[:-1] ** 2)
    pen = Wt.copy()
    pen[-1] = 0.0
    g = (C * Xt.T.dot(P - Y) + pen).ravel()
    # Hessian of the data term: sum_i (diag(p_i) - p_i p_i^T) (x) x_i x_i^T, indexed (j, c), (l, e).
    Hd = np.einsum('ij,il,ic->jcl', Xt, Xt, P)
    H = -np.einsum('ij,il,ic,ie->jcle', Xt, Xt, P, P)
    for c in range(k):
        H[:, c, :, c] += Hd[:, c, :]
    H = C * H.reshape(d1 * k, d1 * k)
    H += np.diag(np.append(np.ones((d1 - 1) * k), np.zeros(k)))
    # The intercepts are only defined up to a common shift: fix that direction (the gradient is
    # orthogonal to it, so the step keeps sum(intercepts) = 0, as gradient methods from 0 do).
    u = np.zeros(d1 * k)
    u[(d1 - 1) * k:] = 1 / np.sqrt(k)
    H += np.outer(u, u)
    return f, g, H


def fit_logistic(X, y, C, n_classes, tol=1e-10, max_iter=100):
    """Newton's method with backtracking. Returns coef (k' x d), intercept (k'), and a report."""
    Xt = _with_ones(X)
    d1 = Xt.shape[1]
    if n_classes == 2:
        terms = lambda th: _binary_terms(th, Xt, y, C)
        theta = np.zeros(d1)
    else:
        terms = lambda th: _multinomial_terms(th, Xt, y, C, n_classes)
        theta = np.zeros(d1 * n_classes)
    f, g, H = terms(theta)
    it = 0
    while np.linalg.norm(g) >= tol and it < max_iter:
        step = np.linalg.solve(H, -g)
        t = 1.0
        while True:
            f_new, g_new, H_new = terms(theta + t * step)
            # Armijo, with slack for rounding once f has stopped moving.
            if f_new <= f + 1e-4 * t * g.dot(step) + 1e-13 * abs(f) or t < 1e-12:
                break
            t *= 0.5
        if t < 1e-12 and np.linalg.norm(g_new) >= np.linalg.norm(g):
            break
        theta = theta + t * step
        f, g, H = f_new, g_new, H_new
        it += 1
    if n_classes == 2:
        coef, intercept = theta[None, :-1], theta[-1:]
    else:
        Wt = theta.reshape(d1, n_classes)
        coef, intercept = Wt[:-1].T.copy(), Wt[-1] - np.mean(Wt[-1])
    return coef, intercept, {'iterations': it, 'grad_norm': float(np.linalg.norm(g)), 'objective': float(f)}


def logistic_predict(coef, intercept, X):
    scores = X.dot(coef.T) + intercept
    if coef.shape[0] == 1:
        return (scores[:, 0] > 0).astype(np.intp)
    return np.argmax(scores, axis=1)


def stratified_folds(y, n_splits=5):
    """StratifiedKFold(5) without shuffling: the test fold of every row."""
    n_classes = int(y.max()) + 1
    y_order = np.sort(y)
    allocation = np.asarray([np.bincount(y_order[i::n_splits], minlength=n_classes)
                             for i in range(n_splits)])
    test_folds = np.empty(len(y), dtype=np.intp)
    for k in range(n_classes):
        test_folds[y == k] = np.arange(n_splits).repeat(allocation[:, k])
    return test_folds


def logistic_regression_cv(X, y, n_classes, Cs=None, n_splits=5):
    """LogisticRegressionCV(): the per-fold accuracies for each C, the first C with the best mean
    (compared exactly, as fractions, so that ties between equal means are never broken by rounding),
    then a refit on all rows."""
    if Cs is None:
        Cs = np.logspace(-4, 4, 10)
    folds = stratified_folds(y, n_splits)
    scores = np.zeros((n_splits, len(Cs)))
    exact = [[None] * len(Cs) for _ in range(n_splits)]
    for f in range(n_splits):
        train, test = folds != f, folds == f
        for c, C in enumerate(Cs):
            coef, intercept, _ = fit_logistic(X[train], y[train], C, n_classes)
            correct = int(np.sum(logistic_predict(coef, intercept, X[test]) == y[test]))
            exact[f][c] = Fraction(correct, int(np.sum(test)))
            scores[f, c] = correct / np.sum(test)
    mean_exact = [sum(exact[f][c] for f in range(n_splits)) / n_splits for c in range(len(Cs))]
    best = max(mean_exact)
    best_index = mean_exact.index(best)
    coef, intercept, report = fit_logistic(X, y, Cs[best_index], n_classes)
    return {
        'Cs': Cs, 'folds': folds, 'scores': scores, 'mean_scores': scores.mean(axis=0),
        'best_index': best_index, 'tied_indices': [c for c, m in enumerate(mean_exact) if m == best],
        'C': Cs[best_index], 'coef': coef, 'intercept': intercept,
        'train_accuracy': float(np.mean(logistic_predict(coef, intercept, X) == y)), 'fit': report,
    }


if __name__ == '__main__':
    # The tutorial, end to end.
    np.random.seed(0)
    X, y = make_moons(200, noise=0.20)
    print(X[:3], y[:10])
    model, _ = build_model(X, y, [3], 2, num_passes=20000, print_loss=True)
    print('accuracy', accuracy(model, X, y, 'tanh'))
