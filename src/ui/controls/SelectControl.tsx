/** A labelled native select over a schema enum. */
import { useId } from 'react';
import { HelpButton, HelpText, useHelp } from './Help';

export interface SelectControlProps<T extends string> {
  label: string;
  value: T;
  options: readonly T[];
  optionLabels: Readonly<Record<T, string>>;
  onChange: (v: T) => void;
  help?: string;
}

export function SelectControl<T extends string>({
  label,
  value,
  options,
  optionLabels,
  onChange,
  help,
}: SelectControlProps<T>) {
  const id = useId();
  const helpId = `${id}-help`;
  const about = useHelp();
  return (
    <div className="control control-inline">
      {help ? (
        <span className="control-name">
          <label htmlFor={id}>{label}</label>
          <HelpButton topic={label} open={about.open} onToggle={about.toggle} controls={helpId} />
        </span>
      ) : (
        <label htmlFor={id}>{label}</label>
      )}
      <select
        id={id}
        value={value}
        aria-describedby={help ? helpId : undefined}
        onChange={(e) => {
          const v = e.currentTarget.value;
          if ((options as readonly string[]).includes(v)) onChange(v as T);
        }}
      >
        {options.map((o) => (
          <option key={o} value={o}>
            {optionLabels[o]}
          </option>
        ))}
      </select>
      {help ? (
        <HelpText id={helpId} open={about.open}>
          {help}
        </HelpText>
      ) : null}
    </div>
  );
}
