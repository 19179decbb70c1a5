/** The seed: a number field (any of 2^32 seeds) and a "New seed" button. */
import { useId, useState } from 'react';
import { NUMBER_FIELDS } from '../../config/schema';
import { useStore } from '../../state/react';

const FIELD = NUMBER_FIELDS.seed;

export function SeedControl() {
  const id = useId();
  const seed = useStore((s) => s.config.seed);
  const setNumber = useStore((s) => s.setNumber);
  const newSeed = useStore((s) => s.newSeed);
  // Text being typed; the config only ever holds valid seeds.
  const [draft, setDraft] = useState<string | null>(null);
  return (
    <div className="control control-inline">
      <label htmlFor={id}>{FIELD.label}</label>
      <input
        id={id}
        type="number"
        inputMode="numeric"
        min={FIELD.min}
        max={FIELD.max}
        step={1}
        title={FIELD.help}
        value={draft ?? String(seed)}
        onChange={(e) => {
          const text = e.currentTarget.value;
          setDraft(text);
          const v = Number(text);
          if (text.trim() !== '' && Number.isInteger(v) && v >= FIELD.min && v <= FIELD.max)
            setNumber('seed', v);
        }}
        onBlur={() => setDraft(null)}
      />
      <button
        type="button"
        onClick={() => {
          setDraft(null);
          newSeed();
        }}
      >
        New seed
      </button>
    </div>
  );
}
