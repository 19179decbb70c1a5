/**
 * "Export as NumPy": a standalone Python script, in the tutorial's code style, that reproduces the
 * current run (same data, same initial weights, same updates) and prints the same loss log as
 * `npm run train`. Needs only NumPy. Definitions: docs/algorithms.md.
 */
import { classCount, isRegression } from '../config/derived';
import type { Config } from '../config/schema';
import { R_SQUARED_CODE, REGRESSION_DATA_CODE, taskCode } from './numpyTask';

export interface ExportOptions {
  /** Log every K passes (the tutorial: 1000). */
  every?: number;
  /** Edited data to embed instead of the generated dataset; its class count sizes the output layer. */
  data?: { X: ArrayLike<number>; y: ArrayLike<number>; n: number; classes: number };
}

const DATASET_CODE: Record<Config['data'], string> = {
  ...REGRESSION_DATA_CODE,
  moons: `def make_data(n, noise):
    # scikit-learn's make_moons(n, noise=noise), drawing from the global RandomState.
    n_out = n // 2
    n_in = n - n_out
    outer = np.linspace(0, np.pi, n_out)
    inner = np.linspace(0, np.pi, n_in)
    X = np.vstack([np.append(np.cos(outer), 1 - np.cos(inner)),
                   np.append(np.sin(outer), 1 - np.sin(inner) - 0.5)]).T
    y = np.hstack([np.zeros(n_out, dtype=np.intp), np.ones(n_in, dtype=np.intp)])
    return shuffle_and_noise(X, y, noise)`,
  circles: `def make_data(n, noise):
    # scikit-learn's make_circles(n, noise=noise, factor=0.5).
    n_out = n // 2
    n_in = n - n_out
    outer = np.linspace(0, 2 * np.pi, n_out, endpoint=False)
    inner = np.linspace(0, 2 * np.pi, n_in, endpoint=False)
    X = np.vstack([np.append(np.cos(outer), np.cos(inner) * 0.5),
                   np.append(np.sin(outer), np.sin(inner) * 0.5)]).T
    y = np.hstack([np.zeros(n_out, dtype=np.intp), np.ones(n_in, dtype=np.intp)])
    return shuffle_and_noise(X, y, noise)`,
  xor: `def make_data(n, noise):
    X = np.random.uniform(-1, 1, size=(n, 2))
    y = ((X[:, 0] >= 0) != (X[:, 1] >= 0)).astype(np.intp)
    X += np.random.normal(scale=noise, size=X.shape)
    return X, y`,
  blobs: `def make_data(n, noise, k=CLASSES):
    sizes = [n // k + (1 if j < n % k else 0) for j in range(k)]
    X = np.vstack([np.tile([np.cos(2 * np.pi * j / k), np.sin(2 * np.pi * j / k)], (m, 1))
                   for j, m in enumerate(sizes)])
    y = np.hstack([np.full(m, j, dtype=np.intp) for j, m in enumerate(sizes)])
    return shuffle_and_noise(X, y, noise)`,
  spiral: `def make_data(n, noise, k=CLASSES):
    sizes = [n // k + (1 if j < n % k else 0) for j in range(k)]
    parts = []
    for j, m in enumerate(sizes):
        r = np.linspace(0, 1, m)
        a = 2 * np.pi * j / k + 3 * np.pi * r
        parts.append(np.c_[r * np.cos(a), r * np.sin(a)])
    X = np.vstack(parts)
    y = np.hstack([np.full(m, j, dtype=np.intp) for j, m in enumerate(sizes)])
    return shuffle_and_noise(X, y, noise / 2)`,
};

const ACTIVATION_CODE: Record<Config['act'], [string, string]> = {
  tanh: ['np.tanh(z)', '1 - np.power(a, 2)'],
  sigmoid: ['1 / (1 + np.exp(-z))', 'a * (1 - a)'],
  relu: ['np.maximum(z, 0)', '(a > 0).astype(float)'],
  leaky: ['np.where(z > 0, z, 0.01 * z)', 'np.where(a > 0, 1.0, 0.01)'],
  linear: ['z', 'np.ones_like(a)'],
};

const ANNEAL_CODE: Record<Config['anneal'], string> = {
  none: 'epsilon',
  step: 'epsilon * 0.5 ** np.floor(4 * i / num_passes)',
  exp: 'epsilon * 0.01 ** (i / num_passes)',
  inv: 'epsilon / (1 + 9 * i / num_passes)',
};

function pyFloat(x: number): string {
  const s = String(x);
  return /[.eE]/.test(s) || !Number.isFinite(x) ? s : `${s}.0`;
}

function pyArray(values: ArrayLike<number>, width: number, float: boolean): string {
  const rows: string[] = [];
  for (let i = 0; i < values.length; i += width) {
    const row = Array.from({ length: Math.min(width, values.length - i) }, (_, k) =>
      float ? pyFloat(values[i + k]!) : String(values[i + k]!),
    );
    rows.push(width === 1 ? row.join(', ') : `[${row.join(', ')}]`);
  }
  return width === 1 ? `[${rows.join(', ')}]` : `[\n    ${rows.join(',\n    ')},\n]`;
}

/** The update of every layer after a batch's gradients, for each optimizer (docs/algorithms.md). */
const UPDATE_CODE: Record<Config['opt'], { state: string; update: string }> = {
  sgd: {
    state: '',
    update: `            for (W, b), (dW, db) in zip(model, grads):
                W += -lr * dW
                b += -lr * db`,
  },
  momentum: {
    state: `
    # One velocity per weight and bias, shared by every batch of every pass.
    velocity = [(np.zeros_like(W), np.zeros_like(b)) for W, b in model]`,
    update: `            for (W, b), (dW, db), (vW, vb) in zip(model, grads, velocity):
                for P, g, v in ((W, dW, vW), (b, db, vb)):
                    v[...] = beta * v + g
                    P -= lr * v`,
  },
  adam: {
    state: `
    # Adam's moments, shared by every batch of every pass; t counts the updates from 1.
    moments = [[(np.zeros_like(P), np.zeros_like(P)) for P in layer] for layer in model]
    t = 0`,
    update: `            t += 1
            for layer, layer_grads, layer_moments in zip(model, grads, moments):
                for P, g, (m, s) in zip(layer, layer_grads, layer_moments):
                    m[...] = beta * m + (1 - beta) * g
                    s[...] = 0.999 * s + 0.001 * g * g
                    P -= lr * (m / (1 - beta ** t)) / (np.sqrt(s / (1 - 0.999 ** t)) + 1e-8)`,
  },
};

/** Each input feature as a NumPy column of the points X (docs/algorithms.md, "Input features"). */
const FEATURE_CODE: Record<Config['inputs'][number], string> = {
  x1: 'X[:, 0]',
  x2: 'X[:, 1]',
  x1sq: 'X[:, 0] ** 2',
  x2sq: 'X[:, 1] ** 2',
  x1x2: 'X[:, 0] * X[:, 1]',
  sinx1: 'np.sin(X[:, 0])',
  sinx2: 'np.sin(X[:, 1])',
};

function plain(c: Config): boolean {
  return c.inputs.length === 2 && c.inputs[0] === 'x1' && c.inputs[1] === 'x2';
}

/** Lines of the script that only some options need; empty for the tutorial's settings. */
function optionCode(c: Config) {
  const l1 = c.l1 !== 0;
  const features = plain(c)
    ? ''
    : `
# The network's input features (${c.inputs.join(', ')}), in this order, computed from the points.
X = np.column_stack([${c.inputs.map((f) => FEATURE_CODE[f]).join(', ')}])
`;
  const beta =
    c.opt !== 'sgd'
      ? `\nbeta = ${pyFloat(c.beta)}  # ${c.opt === 'adam' ? "Adam's beta_1 (beta_2 = 0.999)" : "momentum's decay"}`
      : '';
  return {
    settings: (l1 ? `\nl1_lambda = ${pyFloat(c.l1)}  # L1 regularization strength` : '') + beta,
    ...UPDATE_CODE[c.opt],
    loss: l1 ? '\n    data_loss += l1_lambda * sum(np.sum(np.abs(W)) for W, _ in model)' : '',
    gradient: l1 ? '\n                dW += l1_lambda * (len(Xb) / num_examples) * np.sign(W)' : '',
    features,
    describe:
      (plain(c) ? '' : `, inputs=${c.inputs.join(',')}`) +
      (l1 ? `, l1=${c.l1}` : '') +
      (c.opt !== 'sgd' ? `, opt=${c.opt}, beta=${c.beta}` : ''),
  };
}

export function numpyScript(c: Config, opts: ExportOptions = {}): string {
  const every = opts.every ?? 1000;
  const o = optionCode(c);
  const task = taskCode(c);
  const [f, df] = ACTIVATION_CODE[c.act];
  const data = opts.data;
  const dataCode = data
    ? `# The playground's edited data, embedded.
X = np.array(${pyArray(data.X, 2, true)})
y = np.array(${pyArray(Array.from(data.y), 1, false)}, dtype=np.intp)`
    : `def shuffle_and_noise(X, y, noise):
    idx = np.arange(len(X))
    np.random.shuffle(idx)
    X, y = X[idx], y[idx]
    X += np.random.normal(scale=noise, size=X.shape)
    return X, y


${DATASET_CODE[c.data]}


np.random.seed(SEED)
X, y = make_data(${c.n}, ${pyFloat(c.noise)})`;
  return `#!/usr/bin/env python3
"""nn-playground run, exported as NumPy in the style of "Implementing a Neural Network from Scratch".

Configuration: ${c.data}, n=${c.n}, noise=${c.noise}, seed=${c.seed}, hidden=${c.hidden.join(',') || '0'}, ${c.act},
lr=${c.lr}, reg=${c.reg}${o.describe}, batch=${c.batch}, anneal=${c.anneal}, passes=${c.passes}, test=${c.test}.
Run it with python3 (only NumPy needed); it prints the same loss log as the playground.
"""
import numpy as np

SEED = ${c.seed}
CLASSES = ${classCount(c, data?.classes)}

${dataCode}
${o.features}
# The last round(test * n) rows are held out.
n_test = int(np.floor(${pyFloat(c.test)} * len(X) + 0.5))
X_train, y_train = X[:len(X) - n_test], y[:len(X) - n_test]
X_test, y_test = X[len(X) - n_test:], y[len(X) - n_test:]
num_examples = len(X_train)
nn_input_dim = X.shape[1]
${task.outputDim}
nn_hdims = [${c.hidden.join(', ')}]

epsilon = ${pyFloat(c.lr)}  # learning rate for gradient descent
reg_lambda = ${pyFloat(c.reg)}  # regularization strength${o.settings}
batch_size = ${c.batch}  # 0: full batch, as in the tutorial
num_passes = ${c.passes}


def activation(z):
    return ${f}


def activation_derivative(a):
    return ${df}


def forward(model, X):
    a = X
    acts = [a]
    for l, (W, b) in enumerate(model):
        z = a.dot(W) + b
        if l < len(model) - 1:
            a = activation(z)
            acts.append(a)
${task.output}


def calculate_loss(model, X, y):
    _, probs = forward(model, X)
${task.dataLoss}
    data_loss += reg_lambda / 2 * sum(np.sum(np.square(W)) for W, _ in model)${o.loss}
    return 1. / len(X) * data_loss


def predict(model, X):
    _, probs = forward(model, X)
    return np.argmax(probs, axis=1)${isRegression(c.data) ? R_SQUARED_CODE : ''}


def build_model(print_loss=False):
    np.random.seed(SEED)
    sizes = [nn_input_dim] + nn_hdims + [nn_output_dim]
    model = [(np.random.randn(d_in, d_out) / np.sqrt(d_in), np.zeros((1, d_out)))
             for d_in, d_out in zip(sizes, sizes[1:])]
    full = batch_size <= 0 or batch_size >= num_examples${o.state}
    for i in range(0, num_passes):
        lr = ${ANNEAL_CODE[c.anneal]}
        if full:
            batches = [np.arange(num_examples)]
        else:
            idx = np.arange(num_examples)
            np.random.shuffle(idx)
            batches = [idx[k:k + batch_size] for k in range(0, num_examples, batch_size)]
        for rows in batches:
            Xb, yb = (X_train, y_train) if full else (X_train[rows], y_train[rows])
            acts, probs = forward(model, Xb)
${task.delta}
            grads = []
            for l in range(len(model) - 1, -1, -1):
                W, b = model[l]
                dW = (acts[l].T).dot(delta)
                db = np.sum(delta, axis=0, keepdims=True)
                if l > 0:
                    delta = delta.dot(W.T) * activation_derivative(acts[l])
                # Regularization of this batch's share of the whole training set.
                dW += reg_lambda * (len(Xb) / num_examples) * W${o.gradient}
                grads.append((dW, db))
            grads.reverse()
${o.update}
        if print_loss and i % ${every} == 0:
            loss = calculate_loss(model, X_train, y_train)
            if not np.isfinite(loss):
                print("Diverged: the loss is not finite after iteration %i" % i)
                return model
            print("Loss after iteration %i: %f" % (i, loss))
    return model


if __name__ == "__main__":
    model = build_model(print_loss=True)
${task.report}
`;
}
