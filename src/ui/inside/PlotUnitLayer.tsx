/**
 * The main plot's view of one hidden unit: while a node of the diagram is hovered or focused
 * (`plotUnit` in the store), its activation over the plot's box covers the class probabilities, with
 * the points still on top, and a caption says whose it is. The field is the worker's UnitFrame of that
 * unit (InspectView.unit follows the same choice); until it arrives the plot shows the classes.
 */
import { useEffect, useRef } from 'react';
import { ENUM_FIELDS } from '../../config/schema';
import type { UnitFrame } from '../../protocol/training';
import { PAGE_PLOT, plotRect } from '../../render/plotModel';
import { paintUnitField } from '../../render/unitField';
import { useStore, useStoreApi } from '../../state/react';
import type { AppState } from '../../state/store';
import { unitName } from './NetworkDiagram';

/** The frame of the focused unit, when the worker has sent it for the current run. */
function shownUnit(s: AppState): UnitFrame | null {
  const u = s.frame?.gen === s.gen ? s.frame.unit : null;
  const want = s.plotUnit;
  return u && want && u.layer === want.layer && u.unit === want.unit ? u : null;
}

export function PlotUnitLayer() {
  const store = useStoreApi();
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const shown = useStore((s) => {
    const u = shownUnit(s);
    return u ? `${u.layer}:${u.unit}` : '';
  });
  const act = useStore((s) => ENUM_FIELDS.act.optionLabels[s.config.act]);

  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas) return;
    let frame = 0;
    let image: ImageData | null = null;
    const paint = () => {
      frame = 0;
      const s = store.getState();
      const u = shownUnit(s);
      const size = s.plotSize;
      canvas.dataset.unit = u && size ? `${u.layer}:${u.unit}` : '';
      canvas.hidden = !(u && size);
      if (!u || !size) return;
      if (canvas.width !== u.width || canvas.height !== u.height) {
        canvas.width = u.width;
        canvas.height = u.height;
      }
      const ctx = canvas.getContext('2d');
      if (!ctx) return;
      if (!image || image.width !== u.width || image.height !== u.height)
        image = ctx.createImageData(u.width, u.height);
      paintUnitField(u, image.data);
      ctx.putImageData(image, 0, 0);
      // The same rectangle the class field takes (PlotCanvas): the unit frame has the grid's box.
      const r = plotRect(size.width, size.height, u.box, PAGE_PLOT);
      canvas.style.left = `${r.x}px`;
      canvas.style.top = `${r.y}px`;
      canvas.style.width = `${r.w}px`;
      canvas.style.height = `${r.h}px`;
    };
    paint();
    const off = store.subscribe((s, p) => {
      const changed =
        s.frame?.unit !== p.frame?.unit || s.plotUnit !== p.plotUnit || s.plotSize !== p.plotSize;
      if (changed && frame === 0) frame = requestAnimationFrame(paint);
    });
    return () => {
      off();
      if (frame !== 0) cancelAnimationFrame(frame);
    };
  }, [store]);

  const [layer, unit] = shown.split(':').map(Number);
  return (
    <>
      <canvas ref={canvasRef} className="unit-layer" hidden />
      {shown ? (
        <p className="plot-unit-caption" data-testid="plot-unit-caption">
          {unitName({ layer: layer!, unit: unit! })} ({act}): <span className="pos">blue +</span>,{' '}
          <span className="neg">orange −</span>
        </p>
      ) : null}
    </>
  );
}
