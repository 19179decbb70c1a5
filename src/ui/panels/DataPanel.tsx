import { Panel } from './Panel';
import { SettingsGroup } from './SettingsGroup';

export function DataPanel() {
  return (
    <Panel title="Data">
      <SettingsGroup group="data" />
    </Panel>
  );
}
