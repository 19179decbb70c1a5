/**
 * The hidden space (ConvNetJS's view): the data and a grid of straight input lines as one hidden layer
 * sees them. A layer of 2 units is drawn as is, one of 3 in a fixed 3-D view (or any 2 of them), a wider
 * one by two chosen units.
 */
import { useCallback, useId } from 'react';
import { spaceLayers } from '../../protocol/inspectSpec';
import type { HiddenSpec } from '../../protocol/training';
import { drawHiddenSpace } from '../../render/hiddenSpace';
import { useStoreApi } from '../../state/react';
import { type CanvasSize, CanvasView } from '../CanvasView';
import { SelectControl } from '../controls/SelectControl';

/** Redraws per second at most: the picture moves smoothly enough, the main thread stays free. */
const REDRAW_MS = 100;

export interface HiddenSpaceProps {
  sizes: readonly number[];
  spec: HiddenSpec | null;
  onChange: (spec: HiddenSpec) => void;
}

function unitOptions(n: number): { values: string[]; labels: Record<string, string> } {
  const values = Array.from({ length: n }, (_, i) => String(i));
  return { values, labels: Object.fromEntries(values.map((v) => [v, `unit ${Number(v) + 1}`])) };
}

export function HiddenSpace({ sizes, spec, onChange }: HiddenSpaceProps) {
  const store = useStoreApi();
  const threeId = useId();
  const layers = spaceLayers(sizes);

  const draw = useCallback(
    (ctx: CanvasRenderingContext2D, size: CanvasSize) => {
      // From the store, not the props: the store's change triggers this redraw before React renders.
      const { frame: latest, gen } = store.getState();
      const f = latest?.gen === gen ? latest.hidden : null;
      if (!f) {
        ctx.clearRect(0, 0, size.width, size.height);
        return;
      }
      drawHiddenSpace(ctx, {
        width: size.width,
        height: size.height,
        frame: f,
        points: store.getState().points,
        names: f.units.map((u) => `unit ${u + 1}`),
      });
      ctx.canvas.dataset.layer = String(f.layer);
    },
    [store],
  );

  const subscribe = useCallback(
    (redraw: () => void) =>
      store.subscribe((s, p) => {
        if (s.frame?.hidden !== p.frame?.hidden || s.points !== p.points) redraw();
      }),
    [store],
  );

  if (!spec || layers.length === 0) {
    return (
      <div className="hidden-space">
        <p className="hint">The hidden space needs a hidden layer of at least 2 units.</p>
      </div>
    );
  }

  const size = sizes[spec.layer]!;
  const three = spec.units.length === 3;
  const layerOptions = layers.map(String);
  const layerLabels = Object.fromEntries(layers.map((l) => [String(l), `hidden ${l} (${sizes[l]} units)`]));
  const units = unitOptions(size);
  const [a = 0, b = 1] = spec.units;
  const setAxis = (axis: 0 | 1, u: number) => {
    const next: [number, number] = axis === 0 ? [u, b] : [a, u];
    // The same unit on both axes shows nothing: the other axis takes the old value.
    if (next[0] === next[1]) next[1 - axis] = axis === 0 ? a : b;
    onChange({ layer: spec.layer, units: next });
  };

  return (
    <div className="hidden-space">
      <div className="hidden-controls">
        <SelectControl
          label="Layer"
          value={String(spec.layer)}
          options={layerOptions}
          optionLabels={layerLabels}
          onChange={(v) => {
            const l = Number(v);
            onChange({ layer: l, units: sizes[l] === 3 ? [0, 1, 2] : [0, 1] });
          }}
        />
        {size === 3 ? (
          <label className="check" htmlFor={threeId}>
            <input
              id={threeId}
              type="checkbox"
              checked={three}
              onChange={(e) =>
                onChange({ layer: spec.layer, units: e.currentTarget.checked ? [0, 1, 2] : [0, 1] })
              }
            />
            All 3 units in 3-D
          </label>
        ) : null}
        {!three && size > 2 ? (
          <>
            <SelectControl
              label="Horizontal"
              value={String(a)}
              options={units.values}
              optionLabels={units.labels}
              onChange={(v) => setAxis(0, Number(v))}
            />
            <SelectControl
              label="Vertical"
              value={String(b)}
              options={units.values}
              optionLabels={units.labels}
              onChange={(v) => setAxis(1, Number(v))}
            />
          </>
        ) : null}
      </div>
      <CanvasView
        className="hidden-canvas"
        label={`The data and a grid of input lines as hidden layer ${spec.layer} sees them, by ${
          three ? 'units 1, 2 and 3 in a 3-D view' : `unit ${a + 1} across and unit ${b + 1} up`
        }`}
        draw={draw}
        subscribe={subscribe}
        minInterval={REDRAW_MS}
      />
    </div>
  );
}
