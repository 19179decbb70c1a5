import { Panel } from './Panel';
import { SettingsGroup } from './SettingsGroup';

export function NetworkPanel() {
  return (
    <Panel title="Network">
      <SettingsGroup group="network" />
    </Panel>
  );
}
