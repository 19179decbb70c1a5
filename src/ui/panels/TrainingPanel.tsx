import { Panel } from './Panel';
import { SettingsGroup } from './SettingsGroup';

export function TrainingPanel() {
  return (
    <Panel title="Training">
      <SettingsGroup group="training" />
    </Panel>
  );
}
