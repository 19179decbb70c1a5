/**
 * What the export buttons download: builders of the files' contents (pure) and the download itself.
 * The NumPy script's module is loaded on demand: it is mostly text.
 */
import type { Config } from '../../config/schema';
import { encodeConfig } from '../../config/url';
import type { Data } from '../../core/datasets';
import { paramsToJSON } from '../../core/network';
import type { WeightsFrame } from '../../protocol/training';

export const FILES = {
  data: 'nn-playground-data.csv',
  model: 'nn-playground-model.json',
  plot: 'nn-playground-plot.png',
  numpy: 'nn_playground.py',
} as const;

/**
 * The trained model: its configuration (also as the link's query), layer sizes, activation and the
 * weights as nested arrays (`layers[l].W[row][col]`, NumPy's `W` of shape in x out). Arrays of numbers
 * stay on one line each, so a layer reads as a matrix.
 */
export function modelJSON(config: Config, w: WeightsFrame, pass: number, edited: boolean): string {
  const model = {
    format: 'nn-playground model',
    version: 1,
    query: encodeConfig(config),
    config,
    editedData: edited,
    pass,
    sizes: w.sizes,
    activation: w.act,
    output: 'softmax',
    layers: paramsToJSON(w),
  };
  return `${JSON.stringify(model, null, 2).replace(/\[\s+([^[\]{}]*?)\s+\]/g, (_, inner: string) => `[${inner.split(/,\s+/).join(', ')}]`)}\n`;
}

export async function numpyFile(config: Config, data: Data | null): Promise<string> {
  const { numpyScript } = await import('../../io/numpyExport');
  return numpyScript(config, data ? { every: 1000, data } : { every: 1000 });
}

/** Starts a download of `blob` as `name`. */
export function download(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
  // Revoked later: some browsers read the URL after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}

export function downloadText(text: string, name: string, type: string): void {
  download(new Blob([text], { type }), name);
}
