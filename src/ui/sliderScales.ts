/**
 * How each setting maps onto a native range input. The input moves over positions 0..positions; a
 * scale turns positions into values and back. Log fields move over round "stops" (1, 1.2, 1.5, 2, ...
 * per decade) so the URL stays readable and the tutorial's values (0.01) are exact stops.
 */
import { HIDDEN, NUMBER_FIELDS, type NumberField, type NumericKey } from '../config/schema';

export interface SliderScale {
  positions: number;
  toPos(value: number): number;
  fromPos(pos: number): number;
  /** Own keyboard steps (value-space), when a position step is not what a key should do. */
  key?(value: number, key: string): number | null;
}

const MANTISSAS = [1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8];

function clean(x: number): number {
  return Number(x.toPrecision(12));
}

/** Round values from min to max, about ten per decade; 0 first when the field allows it. */
export function logStops(min: number, max: number, zero = false, mantissas = MANTISSAS): number[] {
  const stops: number[] = zero ? [0] : [];
  const lo = Math.floor(Math.log10(min));
  const hi = Math.ceil(Math.log10(max));
  for (let e = lo; e <= hi; e++) {
    for (const m of mantissas) {
      const v = clean(m * 10 ** e);
      if (v >= min * (1 - 1e-9) && v <= max * (1 + 1e-9)) stops.push(v);
    }
  }
  if (stops[zero ? 1 : 0] !== min) stops.splice(zero ? 1 : 0, 0, min);
  if (stops[stops.length - 1] !== max) stops.push(max);
  return stops;
}

/** A slider over a list of values; a value between stops shows at the nearest one (log distance). */
export function stopsScale(stops: readonly number[]): SliderScale {
  const dist = (a: number, b: number) =>
    a > 0 && b > 0 ? Math.abs(Math.log(a / b)) : a === b ? 0 : Number.POSITIVE_INFINITY;
  return {
    positions: stops.length - 1,
    toPos: (v) => {
      let best = 0;
      for (let i = 1; i < stops.length; i++) if (dist(stops[i]!, v) < dist(stops[best]!, v)) best = i;
      if (!Number.isFinite(dist(stops[best]!, v)) && v > 0) best = stops.length - 1;
      return best;
    },
    fromPos: (p) => stops[Math.max(0, Math.min(stops.length - 1, Math.round(p)))]!,
  };
}

export function linearScale(min: number, max: number, step: number): SliderScale {
  const decimals = Math.max(0, -Math.floor(Math.log10(step) + 1e-9));
  return {
    positions: Math.round((max - min) / step),
    toPos: (v) => Math.round((v - min) / step),
    fromPos: (p) => Number((min + p * step).toFixed(decimals)),
  };
}

/** Units of a hidden layer: 1..512 spread on a log scale for the mouse, one unit per arrow key. */
export function hiddenScale(): SliderScale {
  const positions = 1000;
  const top = Math.log(HIDDEN.maxUnits / HIDDEN.minUnits);
  const clamp = (u: number) => Math.max(HIDDEN.minUnits, Math.min(HIDDEN.maxUnits, Math.round(u)));
  return {
    positions,
    toPos: (u) => Math.round((positions * Math.log(u / HIDDEN.minUnits)) / top),
    fromPos: (p) => clamp(HIDDEN.minUnits * Math.exp((p / positions) * top)),
    key: (u, key) => {
      switch (key) {
        case 'ArrowUp':
        case 'ArrowRight':
          return clamp(u + 1);
        case 'ArrowDown':
        case 'ArrowLeft':
          return clamp(u - 1);
        case 'PageUp':
          return clamp(u * 2);
        case 'PageDown':
          return clamp(u / 2);
        case 'Home':
          return HIDDEN.minUnits;
        case 'End':
          return HIDDEN.maxUnits;
        default:
          return null;
      }
    },
  };
}

/** The row's own stops if it lists them, else round log stops or even steps. */
export function scaleFor(field: NumberField): SliderScale {
  if (field.stops) return stopsScale(field.stops.filter((v) => v >= field.min && v <= field.max));
  if (field.scale === 'log') return stopsScale(logStops(field.min, field.max, field.zero));
  return linearScale(field.min, field.max, field.step);
}

export const SCALES: Readonly<Record<NumericKey, SliderScale>> = Object.fromEntries(
  Object.values(NUMBER_FIELDS).map((f) => [f.key, scaleFor(f)]),
) as Record<NumericKey, SliderScale>;
