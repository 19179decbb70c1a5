"""
Regenerates the golden fixtures in tests/fixtures/ from the NumPy reference (reference.py):

    python3 tests/reference/make_fixtures.py

Deterministic: the same NumPy (legacy RandomState) gives the same files. About 150 s of CPU, run on two
processes (90 s wall on two idle cores). See tests/reference/README.md for what each file holds.
"""
import json
import math
import multiprocessing
import os
import sys
import time

import numpy as np

sys.dont_write_bytecode = True  # leave no __pycache__ next to the reference
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import reference as R  # noqa: E402

FIXTURES = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'fixtures')

# Stability check: the reference is rerun three times, with the initial weights perturbed by this
# relative amount uniformly (W * (1 + EPS)), with alternating signs (W * (1 + EPS * (-1)^k), k the flat
# index), and unperturbed but with the engine's max-subtracted softmax. A configuration is kept only if
# every recorded loss agrees to TOL relative in all three reruns and the accuracies are identical.
PERTURB_EPS = 1e-13
STABLE_TOL = 1e-10


# --------------------------------------------------------------------------------------------------
# JSON: full precision (float repr round-trips), lists of numbers on one line.
# --------------------------------------------------------------------------------------------------

def plain(x):
    """NumPy values to JSON-ready Python values; refuses NaN and infinities."""
    if isinstance(x, dict):
        return {k: plain(v) for k, v in x.items()}
    if isinstance(x, (list, tuple)):
        return [plain(v) for v in x]
    if isinstance(x, np.ndarray):
        return plain(x.tolist())
    if isinstance(x, (bool, np.bool_)):
        return bool(x)
    if isinstance(x, (int, np.integer)):
        return int(x)
    if isinstance(x, (float, np.floating)):
        if not math.isfinite(x):
            raise ValueError('non-finite number in a fixture')
        return float(x)
    return x


def dumps(x, indent=0):
    pad = ' ' * indent
    if isinstance(x, dict):
        if not x:
            return '{}'
        items = [pad + '  ' + json.dumps(k) + ': ' + dumps(v, indent + 2) for k, v in x.items()]
        return '{\n' + ',\n'.join(items) + '\n' + pad + '}'
    if isinstance(x, list) and any(isinstance(v, (dict, list)) for v in x):
        items = [pad + '  ' + dumps(v, indent + 2) for v in x]
        return '[\n' + ',\n'.join(items) + '\n' + pad + ']'
    return json.dumps(x, allow_nan=False)


def write(name, obj):
    path = os.path.join(FIXTURES, name)
    text = dumps(plain(obj)) + '\n'
    assert json.loads(text) == plain(obj)
    with open(path, 'w') as f:
        f.write(text)
    print('wrote %s (%d bytes)' % (os.path.relpath(path), len(text)))


# --------------------------------------------------------------------------------------------------
# The seed's facts (SEED-NOTES.md), checked before anything is written.
# --------------------------------------------------------------------------------------------------

TUTORIAL_LOG = [
    '0: 0.432387', '1000: 0.068947', '2000: 0.068950', '3000: 0.071218', '4000: 0.071253',
    '5000: 0.071278', '6000: 0.071293', '7000: 0.071303', '8000: 0.071308', '9000: 0.071312',
    '10000: 0.071314', '11000: 0.071315', '12000: 0.071315'] + ['%d: 0.071316' % i for i in range(13000, 20000, 1000)]


def check_seed_notes(tutorial_entry):
    np.random.seed(0)
    X, y = R.make_moons(200, noise=0.20)
    first = [[0.74346118, 0.46465633], [1.65755662, -0.63203157], [-0.15878875, 0.25584465]]
    assert np.allclose(X[:3], first, atol=5e-9, rtol=0), X[:3]
    assert y[:10].tolist() == [0, 1, 1, 0, 1, 1, 0, 1, 0, 1], y[:10]
    log = ['%i: %f' % (i, l) for i, l in zip(tutorial_entry['iterations'], tutorial_entry['losses'])]
    print('SEED-NOTES: make_moons(200, 0.2) after seed 0: first rows and labels match')
    print('SEED-NOTES: tutorial log: ' + ', '.join(log))
    assert log == TUTORIAL_LOG, log


def check_reference():
    """The reference against two things it must agree with: the tutorial's literal build_model (bit for
    bit, hidden size 3, 1500 passes), and central finite differences of its own loss (every activation,
    three hidden layers, three classes, a minibatch share of the penalty)."""
    np.random.seed(0)
    X, y = R.make_moons(200, noise=0.20)
    num_examples, epsilon, reg_lambda = len(X), 0.01, 0.01
    np.random.seed(0)
    W1 = np.random.randn(2, 3) / np.sqrt(2)
    b1 = np.zeros((1, 3))
    W2 = np.random.randn(3, 2) / np.sqrt(3)
    b2 = np.zeros((1, 2))
    for i in range(0, 1500):
        z1 = X.dot(W1) + b1
        a1 = np.tanh(z1)
        z2 = a1.dot(W2) + b2
        exp_scores = np.exp(z2)
        probs = exp_scores / np.sum(exp_scores, axis=1, keepdims=True)
        delta3 = probs
        delta3[range(num_examples), y] -= 1
        dW2 = (a1.T).dot(delta3)
        db2 = np.sum(delta3, axis=0, keepdims=True)
        delta2 = delta3.dot(W2.T) * (1 - np.power(a1, 2))
        dW1 = np.dot(X.T, delta2)
        db1 = np.sum(delta2, axis=0)
        dW2 += reg_lambda * W2
        dW1 += reg_lambda * W1
        W1 += -epsilon * dW1
        b1 += -epsilon * db1
        W2 += -epsilon * dW2
        b2 += -epsilon * db2
    model, _ = R.build_model(X, y, [3], 2, num_passes=1500)
    for mine, theirs in zip(model['W'] + model['b'], [W1, W2, b1, b2]):
        assert np.array_equal(mine, theirs), 'the reference is not bit-identical to the tutorial'

    rs = np.random.RandomState(5)
    Xb, yb, N, reg = rs.randn(13, 2), rs.randint(0, 3, 13), 40, 0.07
    for act in R.ACTIVATIONS:
        m = R.init_model([2, 4, 3, 3], 1)
        m['b'] = [rs.randn(*b.shape) * 0.3 for b in m['b']]
        dW, db = R.backprop(m, Xb, yb, act, reg, N)

        def objective():
            _, p = R.forward(m, Xb, act)
            return (np.sum(-np.log(p[range(len(Xb)), yb]))
                    + reg * (len(Xb) / N) / 2 * sum(np.sum(W ** 2) for W in m['W']))
        for key, grads in (('W', dW), ('b', db)):
            for P, G in zip(m[key], grads):
                for idx in np.ndindex(P.shape):
                    old, h = P[idx], 1e-6
                    P[idx] = old + h
                    fp = objective()
                    P[idx] = old - h
                    fm = objective()
                    P[idx] = old
                    assert abs((fp - fm) / (2 * h) - G[idx]) < 1e-7, (act, key, idx)
    print('reference: bit-identical to the tutorial\'s build_model; gradients match finite differences')


# --------------------------------------------------------------------------------------------------
# rng.json
# --------------------------------------------------------------------------------------------------

def rng_fixture():
    out = []
    for seed in [0, 1, 42, 123456789]:
        entry = {'seed': seed}
        np.random.seed(seed)
        raw = np.random.mtrand._rand._bit_generator.random_raw(20)
        assert raw.max() < 2 ** 32
        entry['raw_uint32'] = raw
        np.random.seed(seed)
        entry['random_sample'] = np.random.random_sample(20)
        np.random.seed(seed)
        entry['randn'] = np.random.randn(21)
        for n in (37, 200):
            np.random.seed(seed)
            a = np.arange(n)
            np.random.shuffle(a)
            entry['shuffle_%d' % n] = a
        np.random.seed(seed)
        mixed = []
        mixed.append({'call': 'randn(3)', 'result': np.random.randn(3)})
        a = np.arange(10)
        np.random.shuffle(a)
        mixed.append({'call': 'shuffle(arange(10))', 'result': a})
        mixed.append({'call': 'randn(2)', 'result': np.random.randn(2)})
        mixed.append({'call': 'normal(scale=0.5, size=5)', 'result': np.random.normal(scale=0.5, size=5)})
        mixed.append({'call': 'uniform(-1, 1, size=4)', 'result': np.random.uniform(-1, 1, size=4)})
        entry['mixed'] = mixed
        np.random.seed(seed)
        reseed = [{'call': 'randn(1)', 'result': np.random.randn(1)}]
        np.random.seed(seed)
        reseed.append({'call': 'seed(seed)', 'result': []})
        reseed.append({'call': 'randn(2)', 'result': np.random.randn(2)})
        entry['reseed'] = reseed
        out.append(entry)
    write('rng.json', {
        'description': 'NumPy legacy RandomState (MT19937, init_genrand(seed)); every list starts from a '
                       'fresh np.random.seed(seed). mixed and reseed are call sequences on one stream.',
        'numpy': np.__version__,
        'seeds': out,
    })


# --------------------------------------------------------------------------------------------------
# datasets.json
# --------------------------------------------------------------------------------------------------

def dataset_specs():
    specs = []
    for data in ('moons', 'circles', 'xor'):
        for n, noise, seed in [(200, 0.2, 0), (199, 0.1, 7), (201, 0.35, 2024), (57, 0.0, 0), (10, 0.2, 1)]:
            specs.append((data, n, noise, seed, 2))
    for data in ('blobs', 'spiral'):
        for classes in (2, 3, 5):
            for n, noise, seed in [(200, 0.2, 0), (199, 0.35, 7), (57, 0.1, 2024), (201, 0.0, 0)]:
                specs.append((data, n, noise, seed, classes))
    specs.append(('spiral', 10, 0.2, 1, 5))
    specs.append(('moons', 200, 0.2, 4294967295, 2))
    return specs


def datasets_fixture(extra_specs):
    specs = dataset_specs()
    for s in extra_specs:
        if s not in specs:
            specs.append(s)
    out = []
    for data, n, noise, seed, classes in specs:
        X, y = R.make_dataset(data, n, noise, seed, classes)
        out.append({'data': data, 'n': n, 'noise': noise, 'seed': seed, 'classes': classes,
                    'X': X.ravel(), 'y': y})
    write('datasets.json', {
        'description': 'X is n x 2 row-major (x0, y0, x1, y1, ...); y the class of each row. classes is '
                       '2 for moons, circles and xor.',
        'datasets': out,
    })


# --------------------------------------------------------------------------------------------------
# training.json
# --------------------------------------------------------------------------------------------------

TUTORIAL = dict(data='moons', n=200, noise=0.2, seed=0, classes=2, test=0, hidden=[3], act='tanh',
                lr=0.01, reg=0.01, batch=0, anneal='none', passes=20000)


def cfg(**changes):
    c = dict(TUTORIAL, passes=5000)
    c.update(changes)
    return c


# The brief's list first; a configuration that fails the stability check stays here (it is reported in
# training.json's "dropped"), and is followed by a stable variant of the same feature.
TRAINING_CONFIGS = [
    ('tutorial', dict(TUTORIAL)),
    ('tutorial_first_1000', dict(TUTORIAL, passes=1001)),
    ('hidden_2', dict(TUTORIAL, hidden=[2])),
    ('hidden_4', cfg(hidden=[4])),
    ('hidden_4_lr0.005', cfg(hidden=[4], lr=0.005)),
    ('hidden_5', cfg(hidden=[5])),
    ('hidden_20', cfg(hidden=[20])),
    ('seed_1', cfg(seed=1)),
    ('seed_3', cfg(seed=3)),
    ('noise_0.1', cfg(noise=0.1)),
    ('noise_0.3', cfg(noise=0.3)),
    ('noise_0.3_hidden_5', cfg(noise=0.3, hidden=[5])),
    ('n_199', cfg(n=199)),
    ('n_151', cfg(n=151)),
    ('n_151_hidden_20', cfg(n=151, hidden=[20])),
    ('hidden_3_3_3', cfg(hidden=[3, 3, 3])),
    ('hidden_3_3_3_lr0.0003', cfg(hidden=[3, 3, 3], lr=0.0003, passes=2000)),
    ('hidden_8_8', cfg(hidden=[8, 8])),
    ('hidden_8_8_lr0.001', cfg(hidden=[8, 8], lr=0.001, passes=2000)),
    ('act_sigmoid', cfg(act='sigmoid', hidden=[5])),
    ('act_relu', cfg(act='relu', hidden=[5])),
    ('act_leaky', cfg(act='leaky', hidden=[5])),
    ('act_linear', cfg(act='linear', hidden=[5])),
    ('blobs_3', cfg(data='blobs', classes=3, noise=0.35, hidden=[5])),
    ('spiral_3', cfg(data='spiral', classes=3, noise=0.2, hidden=[20])),
    ('spiral_3_lr0.002', cfg(data='spiral', classes=3, noise=0.2, hidden=[20], lr=0.002)),
    ('blobs_5_relu', cfg(data='blobs', classes=5, noise=0.3, n=201, seed=7, hidden=[8], act='relu')),
    ('circles', cfg(data='circles', noise=0.1, hidden=[5])),
    ('circles_lr0.005', cfg(data='circles', noise=0.1, hidden=[5], lr=0.005)),
    ('xor', cfg(data='xor', noise=0.1, hidden=[5], seed=2024)),
    ('batch_32', cfg(batch=32, hidden=[5], passes=300)),
    ('batch_50', cfg(batch=50, hidden=[5], passes=300)),
    ('batch_1000', cfg(batch=1000, passes=300)),
    ('anneal_step', cfg(anneal='step')),
    ('anneal_step_hidden_5', cfg(anneal='step', hidden=[5])),
    ('anneal_exp', cfg(anneal='exp')),
    ('anneal_inv', cfg(anneal='inv')),
    ('test_0.2', cfg(test=0.2, hidden=[5])),
    ('reg_0', cfg(reg=0, hidden=[5])),
    ('combo_spiral_minibatch', cfg(data='spiral', classes=3, n=199, seed=7, noise=0.2, test=0.25,
                                   hidden=[8, 8], act='leaky', batch=16, anneal='inv', passes=300, lr=0.05)),
]


# The options of issue 10, in a file of their own (training-options.json), so that training.json, made
# before them, still proves that a link without them is the same run as before. zero_unit: hidden unit j
# of the first layer starts with all its weights at exactly 0 (as if set by hand).
OPTION_CONFIGS = [
    ('l1_0.01', cfg(l1=0.01, hidden=[5])),
    ('l1_elastic_minibatch', cfg(l1=0.003, reg=0.01, hidden=[5], batch=32, passes=300)),
    ('l1_blobs_3', cfg(data='blobs', classes=3, noise=0.35, hidden=[5], l1=0.02, reg=0)),
    ('l1_zero_unit_relu', cfg(l1=0.01, act='relu', hidden=[6], zero_unit=2, passes=2000)),
    ('l1_zero_unit_tanh', cfg(l1=0.01, hidden=[5], zero_unit=1, passes=2000)),
    ('momentum', cfg(opt='momentum', beta=0.9, lr=0.001, hidden=[5])),
    ('momentum_l1_minibatch', cfg(opt='momentum', beta=0.9, lr=0.001, l1=0.005, batch=32, hidden=[5],
                                  passes=300)),
    ('momentum_spiral_inv', cfg(data='spiral', classes=3, noise=0.2, hidden=[12], opt='momentum', beta=0.5,
                                lr=0.002, anneal='inv', passes=2000)),
    ('adam', cfg(opt='adam', lr=0.01, hidden=[5], passes=2000)),
    ('adam_minibatch_blobs', cfg(data='blobs', classes=3, noise=0.35, opt='adam', beta=0.8, lr=0.005,
                                 batch=20, hidden=[8], passes=300, test=0.2)),
    ('adam_deep_exp', cfg(opt='adam', lr=0.01, anneal='exp', hidden=[4, 4], passes=1000, act='relu')),
    ('inputs_all', cfg(inputs=['x1', 'x2', 'x1sq', 'x2sq', 'x1x2', 'sinx1', 'sinx2'], hidden=[4], lr=0.005,
                       passes=2000)),
    ('inputs_x2_sinx1', cfg(inputs=['x2', 'sinx1'], hidden=[3], passes=2000)),
    ('inputs_squares_adam', cfg(inputs=['x1', 'x2', 'x1sq', 'x2sq'], opt='adam', lr=0.01, hidden=[5],
                                passes=1000)),
    ('circles_squares_no_hidden', cfg(data='circles', noise=0.1, inputs=['x1sq', 'x2sq'], hidden=[],
                                      passes=2000)),
    ('circles_no_hidden', cfg(data='circles', noise=0.1, hidden=[], passes=2000)),
    ('xor_cross_no_hidden', cfg(data='xor', noise=0.1, seed=2024, inputs=['x1', 'x2', 'x1x2'], hidden=[],
                                passes=2000)),
    ('blobs_3_no_hidden_momentum', cfg(data='blobs', classes=3, noise=0.35, hidden=[], opt='momentum',
                                       lr=0.001, batch=16, passes=300)),
    ('plane', cfg(data='plane', noise=0.1, hidden=[3], lr=0.003, passes=2000)),
    ('plane_no_hidden', cfg(data='plane', noise=0.1, hidden=[], passes=1000)),
    ('gauss_two_layers', cfg(data='gauss', noise=0.1, hidden=[6, 6], lr=0.002, passes=1000)),
    ('gauss_adam_minibatch_test', cfg(data='gauss', noise=0.05, hidden=[8], opt='adam', lr=0.005, batch=20,
                                      test=0.2, passes=300)),
    ('plane_l1_momentum_inputs', cfg(data='plane', noise=0.2, hidden=[4], l1=0.01, opt='momentum', lr=0.001,
                                     inputs=['x1', 'x2', 'x1x2', 'sinx1'], passes=1000)),
]

# The regression datasets, X and targets t, for reference.test.ts.
REGRESSION_SETS = [(data, n, noise, seed) for data in ('plane', 'gauss')
                   for n, noise, seed in [(200, 0.2, 0), (199, 0.1, 7), (57, 0.0, 2024), (10, 0.35, 1)]]


def log_every(passes):
    return 1000 if passes >= 10000 else 100 if passes >= 1000 else 10


def weights_json(model):
    return [{'shape': list(W.shape), 'W': W.ravel(), 'b': b.ravel()} for W, b in zip(model['W'], model['b'])]


def zero_unit_edit(c):
    """The edit of a configuration with zero_unit (see OPTION_CONFIGS), or None."""
    j = c.get('zero_unit')
    if j is None:
        return None

    def edit(model):
        model['W'][0][:, j] = 0.0
        model['b'][0][0, j] = 0.0
        model['W'][1][j, :] = 0.0
    return edit


def run(c, perturb=None):
    X, y = R.make_dataset(c['data'], c['n'], c['noise'], c['seed'], c['classes'])
    if 'inputs' in c:
        X = R.features(X, c['inputs'])
    X_train, y_train, X_test, y_test = R.split(X, y, c['test'])
    k = R.num_classes(c['data'], c['classes'])
    T, every = c['passes'], log_every(c['passes'])
    logged = list(range(0, T, every))
    loss_at = list(range(10)) + list(range(T - 10, T)) + [i - 1 for i in logged[1:]]
    initial = R.init_model([X.shape[1]] + c['hidden'] + [k], c['seed'])
    if perturb is not None:
        initial['W'] = [perturb(l, W) for l, W in enumerate(initial['W'])]
    edit = zero_unit_edit(c)
    if edit is not None:
        edit(initial)
    l1, opt, beta = c.get('l1', 0.0), c.get('opt', 'sgd'), c.get('beta', 0.9)
    model, log = R.build_model(X_train, y_train, c['hidden'], k, act=c['act'], epsilon=c['lr'],
                               reg_lambda=c['reg'], batch=c['batch'], anneal=c['anneal'], num_passes=T,
                               seed=c['seed'], log_every=every, loss_at=loss_at,
                               X_test=X_test, y_test=y_test, perturb=perturb, l1=l1, opt=opt, beta=beta,
                               edit=edit, regression=c['data'] in R.REGRESSION)
    assert log['iterations'] == logged
    has_test = len(X_test) > 0
    return {
        'n_train': len(X_train),
        'n_test': len(X_test),
        'log_every': every,
        'iterations': logged,
        'losses': log['losses'],
        'previous_losses': [log['extra'][i - 1] for i in logged[1:]],
        'test_losses': log['test_losses'] if has_test else None,
        'first_losses': [log['extra'][i] for i in range(10)],
        'last_losses': [log['extra'][i] for i in range(T - 10, T)],
        'final_loss': log['extra'][T - 1],
        'final_test_loss': R.calculate_loss(model, X_test, y_test, c['act'], c['reg'], l1) if has_test else None,
        'train_accuracy': R.accuracy(model, X_train, y_train, c['act']),
        'test_accuracy': R.accuracy(model, X_test, y_test, c['act']) if has_test else None,
        **({'train_r2': R.r_squared(model, X_train, y_train, c['act'])} if model.get('regression') else {}),
        'initial_weights': weights_json(initial),
        'weights': weights_json(model),
        '_model': model,
    }


def _scale_uniform(l, W):
    return W * (1 + PERTURB_EPS)


def _scale_alternating(l, W):
    signs = np.where(np.arange(W.size) % 2 == 0, 1.0, -1.0).reshape(W.shape)
    return W * (1 + PERTURB_EPS * signs)


RERUNS = ['weights * (1 + 1e-13)', 'weights * (1 + 1e-13 * (-1)^k)', 'max-subtracted softmax']


def _rel(a, b):
    a, b = np.asarray(a, dtype=float), np.asarray(b, dtype=float)
    return np.abs(a - b) / np.maximum(np.maximum(np.abs(a), np.abs(b)), 1e-300)


def run_job(item):
    """One run: variant 0 is the reference itself, 1 to 3 the reruns named in RERUNS."""
    c, variant = item
    with np.errstate(over='raise', invalid='raise', divide='raise'):
        try:
            R.SHIFT_SOFTMAX = variant == 3
            return run(c, {1: _scale_uniform, 2: _scale_alternating}.get(variant))
        except FloatingPointError as e:
            return {'error': 'floating-point error: %s' % e}
        finally:
            R.SHIFT_SOFTMAX = False


def assess(base, others):
    """The stability check of one configuration, from its reference run and its three reruns."""
    keys = ['losses', 'previous_losses', 'first_losses', 'last_losses', 'final_loss']
    if base['test_losses'] is not None:
        keys += ['test_losses', 'final_test_loss']
    loss_diff = max(float(np.max(_rel(base[k], o[k]))) for o in others for k in keys)
    weight_diff = max(float(np.max(np.abs(Wa - Wb)) / np.max(np.abs(Wa)))
                      for o in others for Wa, Wb in zip(base['_model']['W'], o['_model']['W']))
    same_acc = all(base['train_accuracy'] == o['train_accuracy'] and base['test_accuracy'] == o['test_accuracy']
                   for o in others)
    stable = loss_diff <= STABLE_TOL and same_acc
    logged_ok = np.all([_rel(base['losses'], o['losses']) <= STABLE_TOL for o in others], axis=0)
    check = {'stable': stable, 'max_rel_loss_diff': loss_diff, 'max_rel_weight_diff': weight_diff,
             'stable_prefix': int(len(logged_ok) if logged_ok.all() else np.argmin(logged_ok)),
             'reruns': [{'variant': v, 'losses': o['losses'], 'train_accuracy': o['train_accuracy'],
                         'test_accuracy': o['test_accuracy']} for v, o in zip(RERUNS, others)]}
    if not stable:
        check['reason'] = ('the reruns change the recorded losses by up to %.3g relative (tolerance %g)%s; '
                           'logged losses agree up to iteration %s' % (
                               loss_diff, STABLE_TOL,
                               '' if same_acc else ' and the final accuracy (%s)' % ' vs '.join(
                                   str(a) for a in [base['train_accuracy']] +
                                   [o['train_accuracy'] for o in others]),
                               base['iterations'][check['stable_prefix'] - 1] if check['stable_prefix'] else
                               'none'))
    return check


def training_fixture(pool, configs_in=TRAINING_CONFIGS, filename='training.json'):
    # Every run is its own job (4 per configuration), the long ones first, for an even load.
    items = [(c, v) for _, c in configs_in for v in range(4)]
    order = sorted(range(len(items)), key=lambda j: -items[j][0]['passes'] * (1 + len(items[j][0]['hidden'])))
    results = [None] * len(items)
    for j, r in zip(order, pool.imap(run_job, [items[j] for j in order])):
        results[j] = r
    configs, dropped = [], []
    for k, (name, c) in enumerate(configs_in):
        base, others = results[4 * k], results[4 * k + 1:4 * k + 4]
        errors = [r['error'] for r in [base] + others if 'error' in r]
        check = {'stable': False, 'reason': errors[0]} if errors else assess(base, others)
        result = None if errors else base
        print('  %-24s stable=%-5s loss diff %.2g  weight diff %.2g  train acc %s' % (
            name, check['stable'], check.get('max_rel_loss_diff', float('nan')),
            check.get('max_rel_weight_diff', float('nan')), result and result['train_accuracy']))
        entry = {'name': name, 'config': {k: v for k, v in c.items() if k != 'zero_unit'},
                 'stable': check['stable']}
        if 'zero_unit' in c:
            entry['zero_unit'] = c['zero_unit']
        if result is not None:
            entry.update({k: v for k, v in result.items() if k != '_model'})
            entry['stability'] = {k: check[k] for k in ('max_rel_loss_diff', 'max_rel_weight_diff')}
        if check['stable']:
            configs.append(entry)
        else:
            entry['reason'] = check['reason']
            if result is not None:
                entry['stable_prefix'] = check['stable_prefix']
                entry['reruns'] = check['reruns']
            dropped.append(entry)
    extra = {}
    if filename == 'training-options.json':
        extra['datasets'] = []
        for data, n, noise, seed in REGRESSION_SETS:
            X, t = R.make_dataset(data, n, noise, seed)
            extra['datasets'].append({'data': data, 'n': n, 'noise': noise, 'seed': seed, 'X': X.ravel(), 't': t})
    if filename == 'training.json':
        tutorial = next(e for e in dropped + configs if e['name'] == 'tutorial')
        check_seed_notes(tutorial)
        tutorial['printed'] = ['Loss after iteration %i: %f' % (i, l)
                               for i, l in zip(tutorial['iterations'], tutorial['losses'])]
    write(filename, {
        'notes': 'Losses are the training loss after pass i (0-based), logged when i %% log_every == 0. '
                 'Only configurations that passed the stability check are in "configs": the reference was '
                 'rerun with the initial weights multiplied by (1 + %g), by (1 + %g * (-1)^k) (k the flat '
                 'index), and with the max-subtracted softmax; every recorded loss had to agree to %g '
                 'relative, with identical accuracies. The others are in "dropped", with the reason, '
                 'stable_prefix (how many leading logged losses did agree) and the reruns\' losses. Dropped: '
                 '%s.' % (PERTURB_EPS, PERTURB_EPS, STABLE_TOL, ', '.join(d['name'] for d in dropped) or 'none'),
        'stability_check': {'perturbation': PERTURB_EPS, 'tolerance': STABLE_TOL, 'reruns': RERUNS},
        'configs': configs,
        'dropped': dropped,
        **extra,
    })
    return configs + dropped


# --------------------------------------------------------------------------------------------------
# baseline.json
# --------------------------------------------------------------------------------------------------

BASELINE_SETS = [
    ('moons_seed0', dict(data='moons', n=200, noise=0.2, seed=0, classes=2)),
    ('moons_n199_seed3', dict(data='moons', n=199, noise=0.2, seed=3, classes=2)),
    ('blobs_3', dict(data='blobs', n=200, noise=0.5, seed=0, classes=3)),
]


def baseline_fixture():
    out = []
    for name, d in BASELINE_SETS:
        X, y = R.make_dataset(d['data'], d['n'], d['noise'], d['seed'], d['classes'])
        k = R.num_classes(d['data'], d['classes'])
        r = R.logistic_regression_cv(X, y, k)
        out.append({
            'name': name, 'dataset': d, 'multinomial': k > 2,
            'Cs': r['Cs'], 'folds': r['folds'], 'fold_scores': r['scores'], 'mean_scores': r['mean_scores'],
            'best_index': r['best_index'], 'tied_best_indices': r['tied_indices'], 'C': r['C'],
            'coef': r['coef'], 'intercept': r['intercept'], 'train_accuracy': r['train_accuracy'],
            'newton_iterations': r['fit']['iterations'], 'grad_norm': r['fit']['grad_norm'],
            'objective': r['fit']['objective'],
        })
        print('  %-18s C=%g (index %d, ties %s) acc %.4f  mean scores %s' % (
            name, r['C'], r['best_index'], r['tied_indices'], r['train_accuracy'],
            np.array2string(r['mean_scores'], precision=4)))
    write('baseline.json', {
        'description': "LogisticRegressionCV(): L2, Cs = logspace(-4, 4, 10), stratified 5-fold (no shuffle), "
                       "accuracy, first C with the best mean score (compared exactly), refit on all rows by "
                       "Newton's method. Objective C * sum(logloss) + 0.5 * |coef|^2. Multinomial intercepts "
                       "are centred (they sum to 0; softmax is invariant to a common shift).",
        'baselines': out,
    })
    return [(d['data'], d['n'], d['noise'], d['seed'], d['classes']) for _, d in BASELINE_SETS]


def main():
    t0 = time.time()
    os.makedirs(FIXTURES, exist_ok=True)
    if sys.argv[1:] == ['options']:
        # Only training-options.json (the rest takes minutes and does not depend on the options).
        with multiprocessing.Pool(2) as pool:
            training_fixture(pool, OPTION_CONFIGS, 'training-options.json')
        print('done in %.1fs' % (time.time() - t0))
        return
    check_reference()
    rng_fixture()
    print('training (%d configurations, each run 4 times)' % len(TRAINING_CONFIGS))
    with multiprocessing.Pool(2) as pool:
        configs = training_fixture(pool)
        print('training with the options (%d configurations)' % len(OPTION_CONFIGS))
        training_fixture(pool, OPTION_CONFIGS, 'training-options.json')
    print('baseline')
    specs = baseline_fixture()
    specs += [(c['config']['data'], c['config']['n'], c['config']['noise'], c['config']['seed'],
               c['config']['classes']) for c in configs]
    datasets_fixture(specs)
    print('done in %.1fs' % (time.time() - t0))


if __name__ == '__main__':
    main()
