/**
 * "Your data": where the points come from and where edited points are kept, "Reset data", and CSV import
 * and export. Editing itself is switched on under the plot (PlotTools.tsx); resetting and importing
 * are edits too, undone there.
 */
import { type ChangeEvent, useState } from 'react';
import { dataToCSV, parseCSV } from '../../io/csv';
import { dataFromPoints } from '../../state/dataEdit';
import { useStore, useStoreApi } from '../../state/react';
import { fmtInt } from '../format';
import { Panel } from '../panels/Panel';
import { downloadText, FILES } from './exports';

export function DataEditor() {
  const store = useStoreApi();
  const custom = useStore((s) => s.custom);
  const linked = useStore((s) => s.dataLinked);
  const shownCount = useStore((s) => s.points?.y.length ?? s.config.n);
  const dataName = useStore((s) => s.config.data);
  const setData = useStore((s) => s.setData);
  const [messages, setMessages] = useState<string[]>([]);

  let where: string;
  if (!custom) where = `Generated ${dataName} data: ${fmtInt(shownCount)} points.`;
  else if (linked === false)
    where = `Your edited data: ${fmtInt(custom.n)} points, kept in this browser. Too many for the link: export them as CSV to share them.`;
  else
    where = `Your edited data: ${fmtInt(custom.n)} points, kept in this browser${linked ? ' and in the link' : ''}.`;

  const onImport = async (e: ChangeEvent<HTMLInputElement>) => {
    const input = e.currentTarget;
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    const { data, messages: notes } = parseCSV(await file.text());
    if (data) setData(data);
    setMessages(data ? [`Imported ${fmtInt(data.n)} points from ${file.name}.`, ...notes] : notes);
  };

  const onExport = () => {
    const { custom: c, points } = store.getState();
    const data = c ?? (points ? dataFromPoints(points) : null);
    if (data) downloadText(dataToCSV(data), FILES.data, 'text/csv');
  };

  return (
    <Panel title="Your data" className="data-editor">
      <p className="hint">
        To add or remove points, press <b>Edit points</b> under the plot, then click or tap it. Undo takes
        back any edit, a reset or an import too.
      </p>
      <p className="data-where" data-testid="data-where">
        {where}
      </p>
      <div className="button-row">
        <button type="button" onClick={() => setData(null)} disabled={!custom}>
          Reset data
        </button>
        <button type="button" onClick={onExport}>
          Export CSV
        </button>
        <label className="file-button">
          <input type="file" accept=".csv,text/csv,text/plain" onChange={onImport} />
          Import CSV
        </label>
      </div>
      <div className="data-messages" role="status">
        {messages.length > 0 ? (
          <ul>
            {messages.map((m) => (
              <li key={m}>{m}</li>
            ))}
          </ul>
        ) : null}
      </div>
    </Panel>
  );
}
