/** The controls of one group of settings, in the table's order. */
import { SETTING_ROWS, type SettingGroup } from '../../config/schema';
import { Setting } from '../controls/Setting';

export function SettingsGroup({ group }: { group: SettingGroup }) {
  return SETTING_ROWS.filter((r) => r.group === group).map((r) => <Setting key={r.key} row={r} />);
}
