/** The seed: a number field (any of 2^32 seeds) and a "New seed" button. */
import { useId, useState } from 'react';
import { NUMBER_FIELDS } from '../../config/schema';
import { useStore } from '../../state/react';
import { HelpButton, HelpText, useHelp } from './Help';

const FIELD = NUMBER_FIELDS.seed;

export function SeedControl() {
  const id = useId();
  const helpId = `${id}-help`;
  const about = useHelp();
  const seed = useStore((s) => s.config.seed);
  const setNumber = useStore((s) => s.setNumber);
  const newSeed = useStore((s) => s.newSeed);
  // Text being typed; the config only ever holds valid seeds.
  const [draft, setDraft] = useState<string | null>(null);
  return (
    <div className="control control-inline">
      <span className="control-name">
        <label htmlFor={id}>{FIELD.label}</label>
        <HelpButton topic={FIELD.label} open={about.open} onToggle={about.toggle} controls={helpId} />
      </span>
      <input
        id={id}
        type="number"
        inputMode="numeric"
        min={FIELD.min}
        max={FIELD.max}
        step={1}
        aria-describedby={helpId}
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
      <HelpText id={helpId} open={about.open}>
        {FIELD.help}
      </HelpText>
    </div>
  );
}
