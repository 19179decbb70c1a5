/** The page: header, notices, settings panels beside the plot, playback, status and loss charts. */
import { useStore } from '../state/react';
import { CopyLink } from './CopyLink';
import { DataEditor } from './data/DataEditor';
import { ExportPanel } from './data/ExportPanel';
import { EmbedApp } from './EmbedApp';
import { EmbedButton } from './EmbedButton';
import { ExperimentView } from './experiments/ExperimentView';
import { ViewNav } from './experiments/ViewNav';
import { InsideSlot } from './inside/InsideSlot';
import { LossPanel } from './LossPanel';
import { Notices } from './Notices';
import { PlotCanvas } from './PlotCanvas';
import { PlotFooter } from './PlotFooter';
import { DataPanel } from './panels/DataPanel';
import { NetworkPanel } from './panels/NetworkPanel';
import { PlaybackPanel } from './panels/PlaybackPanel';
import { TrainingPanel } from './panels/TrainingPanel';
import { StatusLine } from './StatusLine';

export function App({ flushUrl }: { flushUrl?: () => Promise<void> }) {
  const view = useStore((s) => s.view);
  const embed = useStore((s) => s.embed);
  if (embed) return <EmbedApp controls={embed.controls} />;
  return (
    <div className="app">
      <header className="top">
        <h1>
          Neural network playground{' '}
          <span className="subtitle">a network from scratch, trained in your browser</span>
        </h1>
        <ViewNav />
        <div className="top-actions">
          <CopyLink beforeCopy={flushUrl} />
          <EmbedButton beforeOpen={flushUrl} />
        </div>
      </header>
      <Notices />
      <main className="layout">
        {view === 'playground' ? (
          <div className="stage">
            <StatusLine />
            <PlotCanvas />
            <PlotFooter />
            <PlaybackPanel />
            <LossPanel />
          </div>
        ) : (
          <ExperimentView view={view} />
        )}
        <div className="settings">
          <DataPanel />
          <NetworkPanel />
          <TrainingPanel />
          <DataEditor />
          <ExportPanel />
        </div>
        <InsideSlot />
      </main>
    </div>
  );
}
