/**
 * "Your data": editing by clicking the plot (on or off), the class a click adds, where the edited points
 * are kept, "Reset data", and CSV import and export.
 */
import { type ChangeEvent, useId, useState } from 'react';
import { classCount } from '../../config/derived';
import { dataToCSV, parseCSV } from '../../io/csv';
import { classColors } from '../../render/colors';
import { dataFromPoints, MAX_CLASSES } from '../../state/dataEdit';
import { useStore, useStoreApi } from '../../state/react';
import { fmtInt } from '../format';
import { Panel } from '../panels/Panel';
import { downloadText, FILES } from './exports';

function Swatch({ color }: { color: string }) {
  return (
    <svg className="marker" width={12} height={12} viewBox="0 0 12 12" aria-hidden="true">
      <circle cx={6} cy={6} r={4.5} fill={color} stroke="#1d1d1d" strokeWidth={1} />
    </svg>
  );
}

export function DataEditor() {
  const store = useStoreApi();
  const editing = useStore((s) => s.editing);
  const brush = useStore((s) => s.brush);
  const custom = useStore((s) => s.custom);
  const linked = useStore((s) => s.dataLinked);
  // The data a click edits: the edited points, else the points shown (see the store's `editable`).
  const classes = useStore((s) => classCount(s.config, s.custom?.classes ?? s.points?.classes));
  const shownCount = useStore((s) => s.points?.y.length ?? s.config.n);
  const dataName = useStore((s) => s.config.data);
  const setEditing = useStore((s) => s.setEditing);
  const setBrush = useStore((s) => s.setBrush);
  const setData = useStore((s) => s.setData);
  const [messages, setMessages] = useState<string[]>([]);
  const editId = useId();
  const group = useId();

  // One class more than there is, so a click can start a new class (up to five).
  const choices = Math.min(MAX_CLASSES, classes + 1);
  // The new class's colour is not known yet (every class's colour depends on how many there are).
  const colors = [...classColors(classes), '#fff'].slice(0, choices);
  const chosen = Math.min(brush, choices - 1);

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
      <label className="check" htmlFor={editId}>
        <input
          id={editId}
          type="checkbox"
          checked={editing}
          onChange={(e) => setEditing(e.currentTarget.checked)}
        />
        Edit points by clicking the plot
      </label>
      <fieldset className="class-picker" disabled={!editing}>
        <legend>Class to add</legend>
        {colors.map((color, c) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: one radio per class, in class order
          <label key={c}>
            <input type="radio" name={group} checked={chosen === c} onChange={() => setBrush(c)} />
            <Swatch color={color} /> class {c}
            {c >= classes ? ' (new)' : ''}
          </label>
        ))}
      </fieldset>
      <p className="hint">
        Click or tap the plot to add a point; click or tap a point to remove it. The network retrains at once.
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
