/** A select for one enum setting, built from its schema entry. */
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
      options={f.options as unknown as readonly Config[K][]}
      optionLabels={f.optionLabels as unknown as Readonly<Record<Config[K], string>>}
      onChange={(v) => setEnum(field, v)}
      help={f.help}
    />
  );
}
