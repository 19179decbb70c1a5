/**
 * CSV import and export of a dataset: `x,y,label` per row, or `x,y,target` for a regression dataset.
 * Parsing never throws.
 */
import type { Data } from '../core/datasets';

export const MAX_ROWS = 2000;
export const MAX_CLASSES = 5;

export function dataToCSV(d: Data): string {
  const { t } = d;
  const lines = [t ? 'x,y,target' : 'x,y,label'];
  for (let i = 0; i < d.n; i++) lines.push(`${d.X[2 * i]},${d.X[2 * i + 1]},${t ? t[i] : d.y[i]}`);
  return `${lines.join('\n')}\n`;
}

/** A header naming a target column: a regression dataset's file. */
const TARGET_HEADER = /^\s*x\s*[,;\t]\s*y\s*[,;\t]\s*target\s*$/i;

export interface Parsed {
  data: Data | null;
  messages: string[];
}

/** Reads `x,y,label` rows (comma, semicolon or tab separated; a header line is skipped). */
export function parseCSV(text: string): Parsed {
  const messages: string[] = [];
  if (TARGET_HEADER.test(text.split(/\r\n|\n|\r/, 1)[0] ?? '')) {
    messages.push(
      'This file holds a regression dataset (x,y,target); only classified points (x,y,label) can be imported, so nothing was imported.',
    );
    return { data: null, messages };
  }
  const X: number[] = [];
  const y: number[] = [];
  const lines = text.split(/\r\n|\n|\r/);
  let bad = 0;
  for (let ln = 0; ln < lines.length; ln++) {
    const line = lines[ln]!.trim();
    if (line === '' || line.startsWith('#')) continue;
    const cells = line.split(/[,;\t]/).map((c) => c.trim());
    const [a, b, c] = cells;
    const x0 = Number(a);
    const x1 = Number(b);
    const label = Number(c);
    const numeric =
      cells.length >= 3 && a !== '' && b !== '' && c !== '' && Number.isFinite(x0) && Number.isFinite(x1);
    if (!numeric) {
      if (X.length === 0 && ln === 0) continue; // a header
      bad++;
      if (bad <= 3) messages.push(`Line ${ln + 1}: expected x,y,label with numbers; skipped.`);
      continue;
    }
    if (!Number.isInteger(label) || label < 0 || label >= MAX_CLASSES) {
      bad++;
      if (bad <= 3)
        messages.push(`Line ${ln + 1}: the label must be a class 0 to ${MAX_CLASSES - 1}; skipped.`);
      continue;
    }
    if (Math.abs(x0) > 1e6 || Math.abs(x1) > 1e6) {
      bad++;
      if (bad <= 3) messages.push(`Line ${ln + 1}: coordinates beyond ±1e6; skipped.`);
      continue;
    }
    if (y.length >= MAX_ROWS) {
      messages.push(`Only the first ${MAX_ROWS} rows were read.`);
      break;
    }
    X.push(x0, x1);
    y.push(label);
  }
  if (bad > 3) messages.push(`${bad - 3} more lines skipped.`);
  if (y.length < 2) {
    messages.push('The file has fewer than two readable rows; nothing was imported.');
    return { data: null, messages };
  }
  const classes = Math.max(2, Math.max(...y) + 1);
  return { data: { X: Float64Array.from(X), y: Uint8Array.from(y), n: y.length, classes }, messages };
}
