import { EnumSetting } from '../controls/EnumSetting';
import { HiddenLayers } from '../controls/HiddenLayers';
import { Panel } from './Panel';

export function NetworkPanel() {
  return (
    <Panel title="Network">
      <HiddenLayers />
      <EnumSetting field="act" />
    </Panel>
  );
}
