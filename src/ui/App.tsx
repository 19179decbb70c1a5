/** The page: header, notices, settings panels beside the plot, playback, status and loss charts. */
import { CopyLink } from './CopyLink';
import { DataEditor } from './data/DataEditor';
import { ExportPanel } from './data/ExportPanel';
import { InsideSlot } from './inside/InsideSlot';
import { Legend } from './Legend';
import { LossPanel } from './LossPanel';
import { Notices } from './Notices';
import { PlotCanvas } from './PlotCanvas';
import { DataPanel } from './panels/DataPanel';
import { NetworkPanel } from './panels/NetworkPanel';
import { PlaybackPanel } from './panels/PlaybackPanel';
import { TrainingPanel } from './panels/TrainingPanel';
import { StatusLine } from './StatusLine';

export function App({ flushUrl }: { flushUrl?: () => void }) {
  return (
    <div className="app">
      <header className="top">
        <h1>
          Neural network playground{' '}
          <span className="subtitle">a network from scratch, trained in your browser</span>
        </h1>
        <CopyLink beforeCopy={flushUrl} />
      </header>
      <Notices />
      <main className="layout">
        <div className="stage">
          <StatusLine />
          <PlotCanvas />
          <Legend />
          <PlaybackPanel />
          <LossPanel />
        </div>
        <div className="settings">
          <DataPanel />
          <DataEditor />
          <NetworkPanel />
          <TrainingPanel />
          <ExportPanel />
        </div>
        <InsideSlot />
      </main>
    </div>
  );
}
