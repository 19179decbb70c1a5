/** "Export": the trained model as JSON, the plot as PNG, and the run as a NumPy script. */
import { useState } from 'react';
import { colorBar } from '../../render/colorBar';
import { PAGE_PLOT, plotModel } from '../../render/plotModel';
import { plotPngBlob } from '../../render/plotPng';
import { useStore, useStoreApi } from '../../state/react';
import type { AppStore } from '../../state/store';
import { Panel } from '../panels/Panel';
import { download, downloadText, FILES, modelJSON, numpyFile } from './exports';

/**
 * The plot as the page shows it, worked out from the store (grid, points, the plot's size) and drawn
 * into canvases of its own; the page's canvases are not read. Null before the plot was laid out.
 */
function plotPng(store: AppStore): Promise<Blob | null> {
  const { frame, points, plotSize, showTest, discrete } = store.getState();
  const grid = frame?.grid ?? null;
  const model = plotSize && plotModel({ grid, points, ...plotSize, showTest, discrete }, PAGE_PLOT);
  if (!model) return Promise.resolve(null);
  const bar = colorBar(model.field.grid.classes, discrete);
  return plotPngBlob(model, () => document.createElement('canvas'), bar);
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
