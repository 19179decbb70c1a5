import { classCount } from '../../config/schema';
import { useStore } from '../../state/react';
import { EnumSetting } from '../controls/EnumSetting';
import { NumberSetting } from '../controls/NumberSetting';
import { SeedControl } from '../controls/SeedControl';
import { Panel } from './Panel';

export function DataPanel() {
  const data = useStore((s) => s.config.data);
  const multi = classCount({ data, classes: 3 }) === 3;
  return (
    <Panel title="Data">
      <EnumSetting field="data" />
      <NumberSetting field="n" />
      <NumberSetting field="noise" />
      <SeedControl />
      <NumberSetting field="classes" disabled={!multi} note={multi ? undefined : '(blobs, spiral)'} />
      <NumberSetting field="test" />
    </Panel>
  );
}
