/**
 * One hidden unit's activation over the input plane (the main plot's box), with the data points on top:
 * where the unit is positive (blue), negative (orange) or near zero (white).
 */

import { scaleLinear } from 'd3-scale';
import { useCallback, useEffect, useRef } from 'react';
import type { UnitFrame } from '../../protocol/training';
import { plotArea } from '../../render/layout';
import { drawPoints, pointRadius } from '../../render/scatter';
import { paintUnitField, valueRange } from '../../render/unitField';
import { useStoreApi } from '../../state/react';
import { type CanvasSize, CanvasView } from '../CanvasView';
import { fmtNum } from '../format';
import { unitName } from './NetworkDiagram';

const MARGINS = { top: 4, right: 4, bottom: 4, left: 4 };

export function UnitField({ unit, act }: { unit: UnitFrame | null; act: string }) {
  const store = useStoreApi();
  const image = useRef<HTMLCanvasElement | null>(null);
  const unitRef = useRef(unit);
  unitRef.current = unit;
  const redrawRef = useRef<() => void>(() => {});

  useEffect(() => {
    if (!unit) return;
    image.current ??= document.createElement('canvas');
    const c = image.current;
    c.width = unit.width;
    c.height = unit.height;
    const ctx = c.getContext('2d');
    if (ctx) {
      const data = ctx.createImageData(unit.width, unit.height);
      paintUnitField(unit, data.data);
      ctx.putImageData(data, 0, 0);
    }
    redrawRef.current();
  }, [unit]);

  const draw = useCallback(
    (ctx: CanvasRenderingContext2D, size: CanvasSize) => {
      const u = unitRef.current;
      ctx.clearRect(0, 0, size.width, size.height);
      if (!u || !image.current) return;
      const a = plotArea(size.width, size.height, MARGINS);
      // The field keeps the box's shape inside the canvas.
      const aspect = (u.box.x1 - u.box.x0) / (u.box.y1 - u.box.y0);
      const w = Math.min(a.w, a.h * aspect);
      const h = w / aspect;
      const x0 = a.x + (a.w - w) / 2;
      const y0 = a.y + (a.h - h) / 2;
      ctx.imageSmoothingEnabled = true;
      ctx.drawImage(image.current, x0, y0, w, h);
      ctx.strokeStyle = '#9c978b';
      ctx.strokeRect(x0 + 0.5, y0 + 0.5, w - 1, h - 1);
      const points = store.getState().points;
      if (points) {
        const sx = scaleLinear()
          .domain([u.box.x0, u.box.x1])
          .range([x0, x0 + w]);
        const sy = scaleLinear()
          .domain([u.box.y0, u.box.y1])
          .range([y0 + h, y0]);
        ctx.save();
        ctx.beginPath();
        ctx.rect(x0, y0, w, h);
        ctx.clip();
        ctx.globalAlpha = 0.8;
        drawPoints(ctx, points, sx, sy, pointRadius(points.y.length, Math.min(w, h), 0.7));
        ctx.restore();
      }
      ctx.canvas.dataset.unit = `${u.layer}:${u.unit}`;
    },
    [store],
  );

  const subscribe = useCallback(
    (redraw: () => void) => {
      redrawRef.current = redraw;
      const off = store.subscribe((s, p) => {
        if (s.points !== p.points) redraw();
      });
      return () => {
        off();
        redrawRef.current = () => {};
      };
    },
    [store],
  );

  const range = unit ? valueRange(unit.values) : null;
  // The colours run from -m (orange) through 0 (white) to m (blue).
  const m = range ? Math.max(Math.abs(range[0]), Math.abs(range[1])) : 0;
  return (
    <figure className="unit-field">
      <figcaption data-testid="unit-caption">
        {unit ? (
          <>
            <b>{unitName(unit)}</b>: its {act} activation over the input plane
          </>
        ) : (
          'Hover or focus a hidden unit in the diagram to see its activation.'
        )}
      </figcaption>
      <CanvasView
        className="unit-canvas"
        label={unit ? `Activation of ${unitName(unit)} over the input plane` : 'No unit chosen'}
        draw={draw}
        subscribe={subscribe}
      />
      {range ? (
        <div className="unit-scale" aria-hidden="true">
          <span>{fmtNum(-m, 3)}</span>
          <span className="unit-ramp" />
          <span>{fmtNum(m, 3)}</span>
        </div>
      ) : null}
      {range ? (
        <p className="unit-range">
          from {fmtNum(range[0], 3)} to {fmtNum(range[1], 3)}
        </p>
      ) : null}
    </figure>
  );
}
