/** A select for one enum setting, built from its row of the settings table. */
import { type Config, ENUM_FIELDS, type EnumKey } from '../../config/schema';
import { useStore } from '../../state/react';
import { SelectControl } from './SelectControl';

export function EnumSetting<K extends EnumKey>({ field }: { field: K }) {
  const f = ENUM_FIELDS[field];
  const value = useStore((s) => s.config[field]);
  const setEnum = useStore((s) => s.setEnum);
  return (
    <SelectControl<Config[K]>
      label={f.label}
      value={value}
      options={f.options}
      optionLabels={f.optionLabels}
      onChange={(v) => setEnum(field, v)}
      help={f.help}
    />
  );
}
