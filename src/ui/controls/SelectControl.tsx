/** A labelled native select over a schema enum. */
import { useId } from 'react';

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
  return (
    <div className="control control-inline">
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        value={value}
        title={help}
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
    </div>
  );
}
