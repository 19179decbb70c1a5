/** A slider for one numeric setting, built from its row of the settings table. */
import { NUMBER_FIELDS, type NumericKey } from '../../config/schema';
import { useStore } from '../../state/react';
import { fmtSetting } from '../format';
import { SCALES } from '../sliderScales';
import { RangeControl } from './RangeControl';

export function NumberSetting({
  field,
  disabled,
  note,
}: {
  field: NumericKey;
  disabled?: boolean;
  note?: string;
}) {
  const f = NUMBER_FIELDS[field];
  const value = useStore((s) => s.config[field]);
  const setNumber = useStore((s) => s.setNumber);
  return (
    <RangeControl
      label={f.label}
      value={value}
      scale={SCALES[field]}
      format={(v) => fmtSetting(field, v)}
      onChange={(v) => setNumber(field, v)}
      help={f.help}
      disabled={disabled}
      note={note}
    />
  );
}
