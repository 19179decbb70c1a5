/**
 * The control for one row of the settings table, chosen by its kind. The seed (a field: 2^32 values are
 * too many for a slider), the class count (only some datasets take it), the input features (a set) and
 * the hidden layers (a list) have their own.
 */
import { MULTICLASS_DATASETS, takesClassCount } from '../../config/derived';
import type { AnyKeyed } from '../../config/schema';
import { useStore } from '../../state/react';
import { EnumSetting } from './EnumSetting';
import { HiddenLayers } from './HiddenLayers';
import { InputsSetting } from './InputsSetting';
import { NumberSetting } from './NumberSetting';
import { SeedControl } from './SeedControl';

function ClassesSetting() {
  const multi = useStore((s) => takesClassCount(s.config.data));
  const note = multi ? undefined : `(${MULTICLASS_DATASETS.join(', ')})`;
  return <NumberSetting field="classes" disabled={!multi} note={note} />;
}

export function Setting({ row }: { row: AnyKeyed }) {
  switch (row.key) {
    case 'seed':
      return <SeedControl />;
    case 'classes':
      return <ClassesSetting />;
    case 'hidden':
      return <HiddenLayers />;
    case 'inputs':
      return <InputsSetting />;
  }
  switch (row.kind) {
    case 'number':
      return <NumberSetting field={row.key} />;
    case 'enum':
      return <EnumSetting field={row.key} />;
    default: {
      // A new list-valued setting needs its own control, like the hidden layers.
      const unhandled: never = row;
      return unhandled;
    }
  }
}
