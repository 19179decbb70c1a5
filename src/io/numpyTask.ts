/**
 * The parts of the exported NumPy script that differ between classification (softmax, cross-entropy,
 * accuracy; the tutorial's) and regression (one linear output, half the squared error, R²), and the
 * regression datasets' generators. Definitions: docs/algorithms.md.
 */
import { isRegression } from '../config/derived';
import type { Config } from '../config/schema';

export const REGRESSION_DATA_CODE: Record<'plane' | 'gauss', string> = {
  plane: `def make_data(n, noise):
    # TensorFlow Playground's plane on [-1, 1]^2: the target is (x1 + x2) / 2; the noise moves the points.
    X = np.random.uniform(-1, 1, size=(n, 2))
    y = (X[:, 0] + X[:, 1]) / 2
    X += np.random.normal(scale=noise, size=X.shape)
    return X, y`,
  gauss: `# TensorFlow Playground's six Gaussians, its coordinates / 6: (centre x, centre y, sign).
GAUSSIANS = [(-4, 2.5, 1), (0, 2.5, -1), (4, 2.5, 1), (-4, -2.5, -1), (0, -2.5, 1), (4, -2.5, -1)]


def make_data(n, noise):
    # The target is the bump of largest magnitude (the first on a tie), 0 away from all of them.
    X = np.random.uniform(-1, 1, size=(n, 2))
    y = np.zeros(n)
    for cx, cy, sign in GAUSSIANS:
        d = np.sqrt((X[:, 0] - cx / 6) ** 2 + (X[:, 1] - cy / 6) ** 2)
        v = sign * np.maximum(0, 1 - 3 * d)
        y = np.where(np.abs(v) > np.abs(y), v, y)
    X += np.random.normal(scale=noise, size=X.shape)
    return X, y`,
};

export interface TaskCode {
  outputDim: string;
  output: string;
  dataLoss: string;
  delta: string;
  report: string;
}

const CLASSIFY: TaskCode = {
  outputDim: 'nn_output_dim = int(max(CLASSES, y.max() + 1))',
  output: `    exp_scores = np.exp(z)
    probs = exp_scores / np.sum(exp_scores, axis=1, keepdims=True)
    return acts, probs`,
  dataLoss: `    corect_logprobs = -np.log(probs[range(len(X)), y])
    data_loss = np.sum(corect_logprobs)`,
  delta: `            delta = probs
            delta[range(len(Xb)), yb] -= 1`,
  report: `    print("Training accuracy: %f" % np.mean(predict(model, X_train) == y_train))
    if n_test > 0:
        print("Test accuracy: %f" % np.mean(predict(model, X_test) == y_test))`,
};

const REGRESS: TaskCode = {
  outputDim: 'nn_output_dim = 1  # regression: one linear output, the predicted value',
  output: '    return acts, z',
  dataLoss: '    data_loss = 0.5 * np.sum((probs[:, 0] - y) ** 2)',
  delta: '            delta = probs - yb[:, None]',
  report: `    print("Training R^2: %f" % r_squared(model, X_train, y_train))
    if n_test > 0:
        print("Test R^2: %f" % r_squared(model, X_test, y_test))`,
};

/** Only regression needs it: 1 - sum (t - prediction)^2 / sum (t - mean t)^2. */
export const R_SQUARED_CODE = `

def r_squared(model, X, t):
    _, out = forward(model, X)
    return 1 - np.sum((t - out[:, 0]) ** 2) / np.sum((t - np.mean(t)) ** 2)`;

export function taskCode(c: Config): TaskCode {
  return isRegression(c.data) ? REGRESS : CLASSIFY;
}
