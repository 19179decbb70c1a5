/**
 * Weights by hand: one link's exact current value, and a field to type a new one. Enter applies it to
 * the running network (the worker sets it; the next snapshot shows it), Escape closes without a change.
 * Keyboards pick any link from the two lists; a click on the diagram picks the link clicked.
 */
import { type FormEvent, type KeyboardEvent, useEffect, useId, useRef, useState } from 'react';
import type { Feature } from '../../config/schema';
import { MAX_HAND_WEIGHT, type WeightRef, weightIndex } from '../../protocol/weightRef';
import { useStore, useStoreThrottled } from '../../state/react';
import { fmtInt } from '../format';
import { linkName, nodeName } from './NetworkDiagram';

/** The value shown follows training at most this often: readable, and cheap. */
const LIVE_MS = 250;

/** A number as typed: decimal or scientific, with a point; a typographic minus is a minus. */
export function parseWeight(text: string): { value: number } | { error: string } {
  const t = text.trim().replace(/^\u2212/, '-');
  if (t === '') return { error: 'Type a number, such as -0.75.' };
  if (/^[+-]?\d+,\d+$/.test(t))
    return { error: `“${t}”: use a point for decimals, as in ${t.replace(',', '.')}.` };
  const shown = t.length > 24 ? `${t.slice(0, 24)}…` : t;
  if (!/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(t)) return { error: `“${shown}” is not a number.` };
  const value = Number(t);
  if (!(Math.abs(value) <= MAX_HAND_WEIGHT))
    return {
      error: `“${shown}” is too large: a weight by hand goes from −${MAX_HAND_WEIGHT} to ${MAX_HAND_WEIGHT}.`,
    };
  return { value: value === 0 ? 0 : value };
}

/** Every unit of a layer as an option (all of them, also those the diagram leaves out). */
function unitOptions(layer: number, sizes: readonly number[], inputs: readonly Feature[]) {
  const options = [];
  for (let u = 0; u < (sizes[layer] ?? 0); u++) {
    options.push(
      <option key={`${layer}:${u}`} value={`${layer}:${u}`}>
        {nodeName(layer, u, sizes.length, inputs)}
      </option>,
    );
  }
  return options;
}

export interface WeightEditorProps {
  sizes: readonly number[];
  target: WeightRef;
  onTarget: (ref: WeightRef) => void;
  onClose: () => void;
}

export function WeightEditor({ sizes, target, onTarget, onClose }: WeightEditorProps) {
  const id = useId();
  const setWeight = useStore((s) => s.setWeight);
  const inputs = useStore((s) => s.config.inputs);
  // Numbers, not objects: the store's binding compares what selectors return with Object.is.
  const value = useStoreThrottled((s) => {
    const w = s.frame?.gen === s.gen ? s.frame.weights : null;
    if (!w || w.sizes.join(',') !== sizes.join(',')) return null;
    return w.W[target.layer]?.[weightIndex(w.sizes, target)] ?? null;
  }, LIVE_MS);
  const pass = useStoreThrottled((s) => s.frame?.pass ?? 0, LIVE_MS);
  const ended = useStore((s) => s.frame?.state === 'finished' || s.frame?.state === 'converged');
  const [text, setText] = useState(value === null ? '' : String(value));
  const [error, setError] = useState('');
  const [applied, setApplied] = useState('');
  const input = useRef<HTMLInputElement>(null);
  const targetKey = `${target.layer}:${target.from}:${target.to}`;
  const valueRef = useRef(value);
  valueRef.current = value;

  // A new link: its value to start from, and the field ready to type in.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs per link, not per value
  useEffect(() => {
    const v = valueRef.current;
    setText(v === null ? '' : String(v));
    setError('');
    setApplied('');
    input.current?.focus();
    input.current?.select();
  }, [targetKey]);

  const apply = (e: FormEvent) => {
    e.preventDefault();
    const parsed = parseWeight(text);
    if ('error' in parsed) {
      setError(parsed.error);
      setApplied('');
      return;
    }
    const refused = setWeight(target, parsed.value);
    setError(refused ?? '');
    const next = ended
      ? 'The run has ended: it shows the edited network, and trains no further.'
      : 'Training goes on from there.';
    setApplied(refused ? '' : `Set to ${parsed.value}. ${next}`);
  };
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key !== 'Escape') return;
    e.preventDefault();
    onClose();
  };
  const pickFrom = (v: string) => {
    const [layer, from] = v.split(':').map(Number) as [number, number];
    onTarget({ layer, from, to: layer === target.layer ? target.to : 0 });
  };
  const pickTo = (v: string) => onTarget({ ...target, to: Number(v.split(':')[1]) });

  return (
    <div className="weight-editor" role="dialog" aria-labelledby={`${id}-title`} onKeyDown={onKeyDown}>
      <h3 id={`${id}-title`}>Weight from {linkName(target, sizes.length, inputs)}</h3>
      <div className="weight-pick">
        <label>
          From
          <select value={`${target.layer}:${target.from}`} onChange={(e) => pickFrom(e.target.value)}>
            {sizes.slice(0, -1).map((_, l) => unitOptions(l, sizes, inputs))}
          </select>
        </label>
        <label>
          To
          <select value={`${target.layer + 1}:${target.to}`} onChange={(e) => pickTo(e.target.value)}>
            {unitOptions(target.layer + 1, sizes, inputs)}
          </select>
        </label>
      </div>
      <p className="weight-now" data-testid="weight-now">
        {value === null ? (
          'Waiting for the network…'
        ) : (
          <>
            Now <span className="weight-value">{String(value)}</span> at pass {fmtInt(pass)}
          </>
        )}
      </p>
      <form onSubmit={apply}>
        <label htmlFor={`${id}-input`}>New weight</label>
        <input
          ref={input}
          id={`${id}-input`}
          type="text"
          inputMode="text"
          autoComplete="off"
          spellCheck={false}
          value={text}
          aria-invalid={error !== ''}
          aria-describedby={`${id}-message`}
          onChange={(e) => {
            setText(e.target.value);
            setError('');
          }}
        />
        <button type="submit" className="primary">
          Set
        </button>
        <button type="button" onClick={onClose}>
          Close
        </button>
      </form>
      <p id={`${id}-message`} className={error ? 'weight-error' : 'weight-applied'} role="status">
        {error || applied}
      </p>
    </div>
  );
}
