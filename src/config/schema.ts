/**
 * What derives from the settings table (settings.ts): the rows by kind, for the controls and the codec;
 * the defaults; copying, equality and validity. Nothing here names a setting but through the table.
 */
import {
  type AnyKeyed,
  type Config,
  type EnumKey,
  type EnumRow,
  type Keyed,
  type LayersKey,
  type NumericKey,
  SETTINGS,
  type SetKey,
  type SettingKey,
  type SettingRow,
} from './settings';

export type {
  Activation,
  Anneal,
  AnyKeyed,
  Config,
  Dataset,
  EnumKey,
  Feature,
  LayersKey,
  NumericKey,
  OptimizerName,
  SetKey,
  SettingGroup,
  SettingKey,
} from './settings';
export { ACTIVATIONS, ANNEALS, DATASETS, FEATURES, OPTIMIZERS, SETTINGS } from './settings';

/** Every row with its key, in table order: the order of links and of the panels. */
export const SETTING_ROWS: readonly AnyKeyed[] = (Object.keys(SETTINGS) as SettingKey[]).map(
  (key) => ({ ...SETTINGS[key], key }) as AnyKeyed,
);

export type NumberField = Keyed<NumericKey>;
/** An enum row typed by its key's options, so a control over a generic key needs no cast. */
export type EnumField<K extends EnumKey = EnumKey> = EnumRow<Config[K]> & { readonly key: K };

function rowsOfKind(kind: SettingRow['kind']): Record<string, AnyKeyed> {
  return Object.fromEntries(SETTING_ROWS.filter((r) => r.kind === kind).map((r) => [r.key, r]));
}

export const NUMBER_FIELDS = rowsOfKind('number') as { readonly [K in NumericKey]: Keyed<K> };
export const ENUM_FIELDS = rowsOfKind('enum') as { readonly [K in EnumKey]: EnumField<K> };
const LAYER_FIELDS = rowsOfKind('layers') as { readonly [K in LayersKey]: Keyed<K> };
export const HIDDEN = LAYER_FIELDS.hidden;
const SET_FIELDS = rowsOfKind('set') as { readonly [K in SetKey]: Keyed<K> };
export const INPUTS = SET_FIELDS.inputs;

/** Whether `v` is a value the row allows: of its type, whole if it must be, inside its range. */
export function isValidValue(row: SettingRow, v: unknown): boolean {
  switch (row.kind) {
    case 'number':
      return (
        typeof v === 'number' &&
        Number.isFinite(v) &&
        (!row.integer || Number.isInteger(v)) &&
        ((row.zero === true && v === 0) || (v >= row.min && v <= row.max))
      );
    case 'enum':
      return typeof v === 'string' && row.options.includes(v);
    case 'layers':
      return (
        Array.isArray(v) &&
        v.length >= row.minLayers &&
        v.length <= row.maxLayers &&
        v.every((h) => Number.isInteger(h) && h >= row.minUnits && h <= row.maxUnits)
      );
    case 'set': {
      // Non-empty, options only, in the options' order, each once.
      if (!Array.isArray(v) || v.length === 0) return false;
      const at = v.map((o) => row.options.indexOf(o as string));
      return at.every((i, k) => i >= 0 && (k === 0 || i > at[k - 1]!));
    }
  }
}

/** True when every setting is of its type and inside its range. */
export function isValidConfig(c: Readonly<Config>): boolean {
  const values: Readonly<Record<string, unknown>> = c;
  return SETTING_ROWS.every((r) => isValidValue(r, values[r.key]));
}

export const DEFAULT_CONFIG: Readonly<Config> = Object.freeze(
  Object.fromEntries(SETTING_ROWS.map((r) => [r.key, Array.isArray(r.default) ? [...r.default] : r.default])),
) as Readonly<Config>;

export function copyConfig(c: Readonly<Config>): Config {
  const out: Config = { ...c };
  for (const r of SETTING_ROWS) {
    if (r.kind === 'layers') out[r.key] = [...c[r.key]];
    else if (r.kind === 'set') out[r.key] = [...c[r.key]];
  }
  return out;
}

function sameValue(r: AnyKeyed, a: Readonly<Config>, b: Readonly<Config>): boolean {
  if (r.kind !== 'layers' && r.kind !== 'set') return a[r.key] === b[r.key];
  const x: readonly unknown[] = a[r.key];
  const y: readonly unknown[] = b[r.key];
  return x.length === y.length && x.every((v, i) => v === y[i]);
}

export function configsEqual(a: Readonly<Config>, b: Readonly<Config>): boolean {
  return SETTING_ROWS.every((r) => sameValue(r, a, b));
}

/** Whether going from `a` to `b` changes a setting that restarts the run. */
export function restartsRun(a: Readonly<Config>, b: Readonly<Config>): boolean {
  return SETTING_ROWS.some((r) => r.restarts && !sameValue(r, a, b));
}
