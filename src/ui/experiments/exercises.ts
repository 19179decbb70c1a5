/**
 * The tutorial's five exercises, each with a one-line explanation from its text, the setting that does
 * it here and preset configurations (the tutorial's defaults plus a few changes) chosen to train well;
 * then two from TensorFlow Playground's features: feature crosses and L1.
 */
import { type Config, copyConfig, DEFAULT_CONFIG } from '../../config/schema';

export interface Preset {
  /** The button's text, also its accessible name. */
  label: string;
  patch: Partial<Config>;
}

export interface Exercise {
  id: string;
  title: string;
  text: string;
  /** The control that does it, as the settings panel names it. */
  setting: string;
  presets: Preset[];
}

const SPIRAL: Partial<Config> = { data: 'spiral', classes: 3, n: 300, noise: 0.1, lr: 0.003, reg: 0.001 };
const CIRCLES: Partial<Config> = { data: 'circles', noise: 0.1, hidden: [], passes: 3000 };
const ALL_INPUTS: Config['inputs'] = ['x1', 'x2', 'x1sq', 'x2sq', 'x1x2', 'sinx1', 'sinx2'];
const MANY: Partial<Config> = { inputs: ALL_INPUTS, hidden: [8], lr: 0.005, passes: 5000 };

export const EXERCISES: readonly Exercise[] = [
  {
    id: 'minibatch',
    title: '1. Minibatch gradient descent',
    text: 'Instead of one update per pass over all the data, update after every small batch of examples; it typically performs better in practice.',
    setting: 'Batch size (0 is full batch)',
    presets: [{ label: 'Batches of 20', patch: { batch: 20, passes: 2000 } }],
  },
  {
    id: 'annealing',
    title: '2. Learning-rate annealing',
    text: 'The tutorial keeps ε fixed, and its run ends up oscillating; an annealing schedule shrinks ε as training goes on.',
    setting: 'Annealing',
    presets: [{ label: 'Exponential decay from 0.02', patch: { lr: 0.02, anneal: 'exp' } }],
  },
  {
    id: 'activations',
    title: '3. Other activation functions',
    text: 'Replace tanh in the hidden layer; each activation also changes the derivative that backpropagation uses (see Equations).',
    setting: 'Activation',
    presets: [
      { label: 'ReLU', patch: { act: 'relu' } },
      { label: 'Sigmoid', patch: { act: 'sigmoid' } },
    ],
  },
  {
    id: 'classes',
    title: '4. Three classes',
    text: 'Extend the network from two to three classes, with a dataset made for it: softmax takes any number of classes.',
    setting: 'Dataset and Classes',
    presets: [
      { label: 'Blobs, 3 classes', patch: { data: 'blobs', classes: 3, noise: 0.5 } },
      { label: 'Spiral, 3 classes', patch: { ...SPIRAL, hidden: [20], passes: 10000 } },
    ],
  },
  {
    id: 'layers',
    title: '5. Two hidden layers',
    text: 'A four-layer network: another hidden layer, with its own step in forward propagation and in backpropagation.',
    setting: 'Add layer, and each layer’s size',
    presets: [
      { label: 'Spiral, one layer of 20', patch: { ...SPIRAL, hidden: [20], passes: 5000 } },
      { label: 'Spiral, two layers of 20', patch: { ...SPIRAL, hidden: [20, 20], passes: 5000 } },
    ],
  },
  {
    id: 'crosses',
    title: '6. Feature crosses',
    text: 'With no hidden layer the network is a linear model and cannot separate the circles; give it x₁² and x₂² as inputs and a straight line in them is a circle in the plane.',
    setting: 'Input features, and Remove layer down to none',
    presets: [
      { label: 'Circles, no hidden layer', patch: CIRCLES },
      {
        label: 'Circles, no hidden layer, inputs x₁² and x₂²',
        patch: { ...CIRCLES, inputs: ['x1sq', 'x2sq'] },
      },
    ],
  },
  {
    id: 'l1',
    title: '7. L1 regularization',
    text: 'L2 shrinks every weight in proportion to its size; L1 pushes each one toward zero by the same step, so the weights the data does not need end up at about zero (this plain step leaves them within a step of 0, not exactly on it). Compare the links in Inside the network.',
    setting: 'L1 regularization',
    presets: [
      { label: 'All seven inputs, L2 only', patch: { ...MANY, reg: 0.01 } },
      { label: 'All seven inputs, L1 0.2', patch: { ...MANY, reg: 0, l1: 0.2 } },
    ],
  },
];

export function presetConfig(p: Preset): Config {
  return { ...copyConfig(DEFAULT_CONFIG), ...p.patch };
}
