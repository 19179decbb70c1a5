/**
 * The page embedded in another site (`embed=1`): the status, the plot and the controls the link names,
 * in its order, sized to the frame (600x400 without scrollbars), and a link to the same run in the
 * full playground.
 */
import type { MouseEvent } from 'react';
import { SETTING_ROWS, type SettingKey } from '../config/schema';
import { fullPlaygroundHref } from '../state/embedLink';
import { Setting } from './controls/Setting';
import { Notices } from './Notices';
import { PlotCanvas } from './PlotCanvas';
import { StatusLine } from './StatusLine';

/** The link follows the page's URL, which URL sync keeps equal to the run. */
function refresh(e: MouseEvent<HTMLAnchorElement> | React.FocusEvent<HTMLAnchorElement>) {
  e.currentTarget.href = fullPlaygroundHref(window.location.href);
}

export function EmbedApp({ controls }: { controls: readonly SettingKey[] }) {
  const rows = controls.map((k) => SETTING_ROWS.find((r) => r.key === k)!);
  return (
    <div className={`embed${rows.length > 0 ? '' : ' embed-plot-only'}`}>
      <Notices />
      <StatusLine />
      <main className="embed-body">
        <PlotCanvas />
        {rows.length > 0 ? (
          <section className="embed-controls" aria-label="Settings">
            {rows.map((r) => (
              <Setting key={r.key} row={r} />
            ))}
          </section>
        ) : null}
      </main>
      <p className="embed-foot">
        <a
          href={fullPlaygroundHref(window.location.href)}
          target="_blank"
          rel="noopener"
          onPointerDown={refresh}
          onFocus={refresh}
          onClick={refresh}
          onContextMenu={refresh}
        >
          Open in the full playground
        </a>
      </p>
    </div>
  );
}
