/** "Export": the trained model as JSON, the plot as PNG, and the run as a NumPy script. */
import { useState } from 'react';
import { composePlot } from '../../render/composePlot';
import { useStore, useStoreApi } from '../../state/react';
import type { AppStore } from '../../state/store';
import { Panel } from '../panels/Panel';
import { download, downloadText, FILES, modelJSON, numpyFile } from './exports';

/** The plot's layers as they are on the page, composed into one PNG. */
function plotPng(store: AppStore): Promise<Blob | null> {
  const plot = document.querySelector<HTMLElement>('.plot');
  const marks = plot?.querySelector<HTMLCanvasElement>('.layer canvas') ?? null;
  const field = plot?.querySelector<HTMLCanvasElement>('canvas.field') ?? null;
  if (!plot || !marks) return Promise.resolve(null);
  const { width, height } = plot.getBoundingClientRect();
  const out = document.createElement('canvas');
  out.width = marks.width;
  out.height = marks.height;
  const ctx = out.getContext('2d');
  if (!ctx || width === 0) return Promise.resolve(null);
  composePlot(ctx, {
    width,
    height,
    dpr: marks.width / width,
    grid: store.getState().frame?.grid ?? null,
    field,
    marks,
  });
  return new Promise((resolve) => out.toBlob(resolve, 'image/png'));
}

export function ExportPanel() {
  const store = useStoreApi();
  const ready = useStore((s) => s.frame !== null && s.frame.gen === s.gen);
  const [message, setMessage] = useState('');

  const run = async (what: string, job: () => Promise<void>) => {
    setMessage(`Preparing ${what}…`);
    try {
      await job();
      setMessage(`Downloaded ${what}.`);
    } catch (e) {
      setMessage(`Could not export ${what}: ${e instanceof Error ? e.message : String(e)}.`);
    }
  };

  const exportModel = () =>
    run('the model', async () => {
      const r = await store.getState().currentWeights();
      const { config, custom } = store.getState();
      downloadText(modelJSON(config, r.weights, r.pass, custom !== null), FILES.model, 'application/json');
    });

  const exportPlot = () =>
    run('the plot', async () => {
      const blob = await plotPng(store);
      if (!blob) throw new Error('the plot is not drawn yet');
      download(blob, FILES.plot);
    });

  const exportNumpy = () =>
    run('the NumPy script', async () => {
      const { config, custom } = store.getState();
      downloadText(await numpyFile(config, custom), FILES.numpy, 'text/x-python');
    });

  return (
    <Panel title="Export" className="export-panel">
      <div className="button-row">
        <button type="button" onClick={exportModel} disabled={!ready}>
          Export model (JSON)
        </button>
        <button type="button" onClick={exportPlot} disabled={!ready}>
          Download plot (PNG)
        </button>
        <button type="button" onClick={exportNumpy}>
          Export as NumPy
        </button>
      </div>
      <p className="hint">The NumPy script reproduces this run and prints the same loss log.</p>
      <p className="export-message" role="status">
        {message}
      </p>
    </Panel>
  );
}
