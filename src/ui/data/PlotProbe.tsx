/**
 * The plot's pointer and keyboard surface, on top of its layers. Hovering or tapping reads the class
 * probabilities under the pointer and never changes the data. Only in edit mode (PlotTools' switch)
 * does a click add a point of the chosen class, or remove the point under it, also one whose marker
 * reaches past the plot's edge. Keyboard: arrow keys move a cursor that reads the same way; in edit
 * mode Enter adds a point at it and Delete removes the point under it. A polite status region says
 * what is read once the pointer rests.
 */
import {
  type KeyboardEvent,
  type MouseEvent,
  type PointerEvent,
  useEffect,
  useId,
  useRef,
  useState,
} from 'react';
import { classColors } from '../../render/colors';
import { markRadius, PAGE_PLOT, plotRect } from '../../render/plotModel';
import {
  dataPerPixel,
  dataToPixel,
  gridProbs,
  inBox,
  type Point,
  pixelToData,
  pixelToPlane,
} from '../../render/probe';
import { nearestPoint } from '../../state/dataEdit';
import { useStore, useStoreApi, useStoreThrottled } from '../../state/react';
import type { Frame } from '../../state/store';
import { fmtNum, fmtPercent } from '../format';
import { type PointProbs, usePointProbs } from './usePointProbs';

/** The status region speaks once the pointer has rested this long. */
const SPEAK_DELAY_MS = 400;
/** Keyboard cursor steps, as a share of the box's width. */
const STEP = 1 / 40;
const BIG_STEP = 1 / 8;

interface Probe extends Point {
  /** The pointer moved off the plot: the reading stays for the status region, the box hides. */
  hidden?: boolean;
}

/** From the weights when the page has them and the exact reading has loaded, else the grid cell's. */
export function probabilitiesAt(frame: Frame | null, p: Point, exact: PointProbs | null): number[] | null {
  if (!frame) return null;
  return frame.weights && exact ? exact(frame.weights, p.x, p.y) : gridProbs(frame.grid, p.x, p.y);
}

export function readoutText(p: Point, probs: number[] | null): string {
  const where = `x ${fmtNum(p.x, 3)}, y ${fmtNum(p.y, 3)}`;
  if (!probs) return `${where}: no probabilities yet.`;
  // Regression's one output is the predicted value, not a probability.
  if (probs.length === 1) return `${where}: predicted value ${fmtNum(probs[0]!, 4)}.`;
  return `${where}: ${probs.map((q, c) => `class ${c} ${fmtPercent(q)}`).join(', ')}.`;
}

function size(el: HTMLElement): { width: number; height: number } {
  const r = el.getBoundingClientRect();
  return { width: r.width, height: r.height };
}

export function PlotProbe() {
  const store = useStoreApi();
  const ref = useRef<HTMLDivElement>(null);
  const boxRef = useRef<HTMLDivElement>(null);
  const cursorRef = useRef<HTMLDivElement>(null);
  const [probe, setProbe] = useState<Probe | null>(null);
  // Follows training only while there is a reading to update.
  const frame = useStoreThrottled((s) => (probe ? s.frame : null), 100);
  const [cursor, setCursor] = useState(false);
  const [spoken, setSpoken] = useState('');
  const editing = useStore((s) => s.editing);
  const helpId = useId();
  const exact = usePointProbs(probe !== null);
  const probs = probe ? probabilitiesAt(frame, probe, exact) : null;
  const text = probe ? readoutText(probe, probs) : '';

  // The reading box sits beside the probed point, flipped inward near the plot's right and bottom.
  useEffect(() => {
    const el = ref.current;
    const box = boxRef.current;
    const grid = frame?.grid;
    if (!el || !probe || !grid) return;
    const { width, height } = size(el);
    const at = dataToPixel(probe, width, height, grid.box);
    if (box) {
      const right = at.x + 14 + box.offsetWidth > width;
      const below = at.y + 14 + box.offsetHeight > height;
      box.style.left = `${right ? at.x - 14 - box.offsetWidth : at.x + 14}px`;
      box.style.top = `${below ? at.y - 14 - box.offsetHeight : at.y + 14}px`;
    }
    if (cursorRef.current) {
      cursorRef.current.style.left = `${at.x}px`;
      cursorRef.current.style.top = `${at.y}px`;
    }
  });

  useEffect(() => {
    if (!text) return;
    const t = setTimeout(() => setSpoken(text), SPEAK_DELAY_MS);
    return () => clearTimeout(t);
  }, [text]);

  const dataAt = (e: { clientX: number; clientY: number }): Point | null => {
    const el = ref.current;
    const grid = store.getState().frame?.grid;
    if (!el || !grid) return null;
    const r = el.getBoundingClientRect();
    return pixelToData(e.clientX - r.left, e.clientY - r.top, r.width, r.height, grid.box);
  };

  /** Index of the point under `p` (a marker's radius plus some slack; more for fingers), or -1. */
  const pointUnder = (p: Point, touch: boolean): number => {
    const el = ref.current;
    const { points, frame: f } = store.getState();
    if (!el || !points || !f) return -1;
    const { width, height } = size(el);
    const a = plotRect(width, height, f.grid.box, PAGE_PLOT);
    const px = Math.max(markRadius(points.y.length, a, PAGE_PLOT) + 3, touch ? 14 : 6);
    return nearestPoint(points.X, points.y.length, p.x, p.y, px * dataPerPixel(width, height, f.grid.box));
  };

  /** Edit mode: removes the point under `p` (inside the plot area or not), else adds one at `p` if inside. */
  const edit = (p: Point, touch: boolean) => {
    const s = store.getState();
    const box = s.frame?.grid.box;
    if (!s.editing || !box) return;
    const hit = pointUnder(p, touch);
    if (hit >= 0) {
      s.removePoint(hit);
      setSpoken(`Removed the point at x ${fmtNum(p.x, 3)}, y ${fmtNum(p.y, 3)}.`);
    } else if (inBox(p, box)) {
      s.addPoint(p.x, p.y);
      setSpoken(`Added a class ${s.brush} point at x ${fmtNum(p.x, 3)}, y ${fmtNum(p.y, 3)}.`);
    }
  };

  const onPointerMove = (e: PointerEvent<HTMLDivElement>) => {
    if (e.pointerType === 'touch') return;
    const p = dataAt(e);
    setCursor(false);
    setProbe(p);
  };

  const onClick = (e: MouseEvent<HTMLDivElement>) => {
    const el = ref.current;
    const box = store.getState().frame?.grid.box;
    if (!el || !box) return;
    const r = el.getBoundingClientRect();
    const p = pixelToPlane(e.clientX - r.left, e.clientY - r.top, r.width, r.height, box);
    setCursor(false);
    if (inBox(p, box)) setProbe(p);
    const touch = (e.nativeEvent as PointerEvent['nativeEvent']).pointerType === 'touch';
    edit(p, touch);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const box = store.getState().frame?.grid.box;
    if (!box) return;
    const here = cursor && probe ? probe : { x: (box.x0 + box.x1) / 2, y: (box.y0 + box.y1) / 2 };
    const step = (box.x1 - box.x0) * (e.shiftKey ? BIG_STEP : STEP);
    const move: Record<string, [number, number]> = {
      ArrowLeft: [-step, 0],
      ArrowRight: [step, 0],
      ArrowUp: [0, step],
      ArrowDown: [0, -step],
    };
    const d = move[e.key];
    if (d) {
      e.preventDefault();
      const x = Math.min(box.x1, Math.max(box.x0, here.x + d[0]));
      const y = Math.min(box.y1, Math.max(box.y0, here.y + d[1]));
      setCursor(true);
      setProbe({ x, y });
    } else if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      setCursor(true);
      setProbe(here);
      if (store.getState().editing) {
        store.getState().addPoint(here.x, here.y);
        setSpoken(
          `Added a class ${store.getState().brush} point at x ${fmtNum(here.x, 3)}, y ${fmtNum(here.y, 3)}.`,
        );
      }
    } else if (e.key === 'Delete' || e.key === 'Backspace') {
      e.preventDefault();
      const hit = pointUnder(here, false);
      if (hit >= 0 && store.getState().editing) {
        store.getState().removePoint(hit);
        setSpoken(`Removed the point at x ${fmtNum(here.x, 3)}, y ${fmtNum(here.y, 3)}.`);
      }
    } else if (e.key === 'Escape') {
      setCursor(false);
      setProbe(null);
    }
  };

  const classes = probs?.length ?? 0;
  const colors = classColors(Math.max(2, classes));
  return (
    <div
      ref={ref}
      className={editing ? 'plot-probe editing' : 'plot-probe'}
      role="application"
      aria-label={editing ? 'Decision boundary plot, editing points' : 'Decision boundary plot'}
      aria-describedby={helpId}
      // biome-ignore lint/a11y/noNoninteractiveTabindex: the plot takes arrow keys, Enter and Delete
      tabIndex={0}
      onPointerMove={onPointerMove}
      onPointerLeave={(e) => {
        if (e.pointerType !== 'touch' && !cursor) setProbe((p) => (p ? { ...p, hidden: true } : p));
      }}
      onClick={onClick}
      onKeyDown={onKeyDown}
      onBlur={() => setCursor(false)}
    >
      {probe && !probe.hidden ? (
        <div ref={boxRef} className="readout" data-testid="readout" aria-hidden="true">
          <div className="readout-where">
            x {fmtNum(probe.x, 3)}, y {fmtNum(probe.y, 3)}
          </div>
          {probs && probs.length === 1 ? (
            <div data-testid="readout-value">
              predicted <b>{fmtNum(probs[0]!, 4)}</b>
            </div>
          ) : probs ? (
            <ul>
              {probs.map((q, c) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: one row per class, in class order
                <li key={c}>
                  <span
                    className="swatch dot"
                    data-class={c}
                    ref={(el) => el?.style.setProperty('background', colors[c] ?? '')}
                  />
                  class {c} <b>{fmtPercent(q)}</b>
                </li>
              ))}
            </ul>
          ) : (
            <div>no probabilities yet</div>
          )}
        </div>
      ) : null}
      {cursor && probe ? <div ref={cursorRef} className="plot-cursor" aria-hidden="true" /> : null}
      <p id={helpId} className="sr-only">
        The network's class probabilities over the plane, with the data points. Arrow keys move a cursor whose
        probabilities are read out. In edit mode (the Edit points button), Enter adds a point of the chosen
        class there and Delete removes the point under it.
      </p>
      <p className="sr-only" role="status" aria-live="polite">
        {spoken}
      </p>
    </div>
  );
}
