import type { Anneal } from '../config/schema';

/** Learning rate at pass t (0-based) of T, per docs/algorithms.md. */
export function learningRate(lr: number, anneal: Anneal, t: number, T: number): number {
  switch (anneal) {
    case 'none':
      return lr;
    case 'step':
      return lr * 0.5 ** Math.floor((4 * t) / T);
    case 'exp':
      return lr * 0.01 ** (t / T);
    case 'inv':
      return lr / (1 + (9 * t) / T);
  }
}
