import { EnumSetting } from '../controls/EnumSetting';
import { NumberSetting } from '../controls/NumberSetting';
import { Panel } from './Panel';

export function TrainingPanel() {
  return (
    <Panel title="Training">
      <NumberSetting field="lr" />
      <NumberSetting field="reg" />
      <NumberSetting field="batch" />
      <EnumSetting field="anneal" />
      <NumberSetting field="passes" />
    </Panel>
  );
}
