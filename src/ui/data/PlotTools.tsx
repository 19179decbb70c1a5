/**
 * The plot's tools, under it: the switch into editing (off, the plot only reads probabilities), the
 * class a click adds, undo and redo of every edit (also Ctrl/Cmd+Z, Ctrl+Shift+Z and Ctrl+Y), "Fit to
 * data", and what the picture shows: the test points, and the field discretized or not.
 */
import { useEffect, useId } from 'react';
import { classCount } from '../../config/derived';
import { sameBox } from '../../core/box';
import { classColors } from '../../render/colors';
import { markerShape } from '../../render/legend';
import { MAX_CLASSES } from '../../state/dataEdit';
import { fitted } from '../../state/points';
import { useStore, useStoreApi } from '../../state/react';
import type { AppStore } from '../../state/store';
import { Marker } from '../Marker';

/** Where the keys belong to the focused control (a text box's own undo), not to the points. */
function ownsKeys(t: EventTarget | null): boolean {
  if (!(t instanceof HTMLElement)) return false;
  if (t.isContentEditable || t instanceof HTMLTextAreaElement) return true;
  return t instanceof HTMLInputElement && !['checkbox', 'radio', 'range', 'button'].includes(t.type);
}

/** Ctrl/Cmd+Z undoes; Ctrl/Cmd+Shift+Z and Ctrl/Cmd+Y redo. Returns whether the key was one of them. */
export function undoKey(store: AppStore, e: KeyboardEvent): boolean {
  if (!(e.ctrlKey || e.metaKey) || e.altKey || ownsKeys(e.target)) return false;
  const key = e.key.toLowerCase();
  if (key === 'z' && !e.shiftKey) store.getState().undo();
  else if ((key === 'z' && e.shiftKey) || key === 'y') store.getState().redo();
  else return false;
  return true;
}

export function PlotTools() {
  const store = useStoreApi();
  const editing = useStore((s) => s.editing);
  const brush = useStore((s) => s.brush);
  const classes = useStore((s) => classCount(s.config, s.custom?.classes ?? s.points.classes));
  const canUndo = useStore((s) => s.history.past.length > 0);
  const canRedo = useStore((s) => s.history.future.length > 0);
  const fits = useStore((s) => sameBox(s.box, fitted(s.points)));
  const hasTest = useStore((s) => s.points.nTrain < s.points.y.length);
  const showTest = useStore((s) => s.showTest);
  const discrete = useStore((s) => s.discrete);
  // Regression points carry values, not classes: no class to add, no class to discretize to.
  const regression = useStore((s) => s.points.t !== undefined);
  const s = store.getState();
  const group = useId();

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (undoKey(store, e)) e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [store]);

  // One class more than there is, so a click can start a new class (up to five); a class's colour
  // depends on its index only, so the new one's is known.
  const choices = Math.min(MAX_CLASSES, classes + 1);
  const colors = classColors(choices);
  const chosen = Math.min(brush, choices - 1);

  return (
    <div className="plot-tools">
      <div className="plot-tools-edit">
        <button
          type="button"
          className="edit-toggle"
          aria-pressed={editing}
          disabled={regression && !editing}
          onClick={() => s.setEditing(!editing)}
        >
          Edit points
        </button>
        {regression ? null : (
          <fieldset className="class-picker segmented" disabled={!editing}>
            <legend>Add class</legend>
            {colors.map((color, c) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: one radio per class, in class order
              <label key={c} className={chosen === c ? 'on' : ''}>
                <input type="radio" name={group} checked={chosen === c} onChange={() => s.setBrush(c)} />
                <Marker shape={markerShape(c)} color={color} />
                <span>
                  <span className="sr-only">class </span>
                  {c}
                  {c >= classes ? ' (new)' : ''}
                </span>
              </label>
            ))}
          </fieldset>
        )}
        <button type="button" onClick={() => s.undo()} disabled={!canUndo} aria-keyshortcuts="Control+Z">
          Undo
        </button>
        <button
          type="button"
          onClick={() => s.redo()}
          disabled={!canRedo}
          aria-keyshortcuts="Control+Shift+Z Control+Y"
        >
          Redo
        </button>
        <button type="button" onClick={() => s.fitToData()} disabled={fits}>
          Fit to data
        </button>
      </div>
      <div className="plot-tools-view">
        <label className="check">
          <input
            type="checkbox"
            checked={showTest}
            disabled={!hasTest}
            onChange={(e) => s.setShowTest(e.currentTarget.checked)}
          />
          Show test data
        </label>
        <label className="check">
          <input
            type="checkbox"
            checked={discrete}
            disabled={regression}
            onChange={(e) => s.setDiscrete(e.currentTarget.checked)}
          />
          Discretize output
        </label>
      </div>
      {/* Always one line, so switching modes never moves the plot. */}
      <p className="hint plot-tools-hint" aria-live="polite">
        {editing
          ? `Editing: click or tap the plot to add a class ${chosen} point, or a point to remove it.`
          : regression
            ? 'Regression: the shading is the predicted value; editing points is for the classification datasets.'
            : 'Hover or tap the plot to read the probabilities; Edit points lets clicks add and remove points.'}
      </p>
    </div>
  );
}
