/**
 * The row of views: the playground and the tutorial's experiments. Each is a link with its own URL
 * (the `view` parameter); a plain click switches in place, keeping the training running.
 */
import { encodeConfig } from '../../config/url';
import { useStore } from '../../state/react';
import { VIEWS, type ViewId, viewQuery } from '../../state/view';
import { isPlainClick } from './links';

const NAV_LABELS: Readonly<Record<ViewId, string>> = {
  playground: 'Playground',
  baseline: 'Baseline',
  gallery: 'Gallery',
  equations: 'Equations',
  exercises: 'Exercises',
};

export function ViewNav() {
  const view = useStore((s) => s.view);
  const config = useStore((s) => s.config);
  const setView = useStore((s) => s.setView);
  const query = `?${encodeConfig(config)}`;
  return (
    <nav className="views" aria-label="Views">
      {VIEWS.map((v) => (
        <a
          key={v}
          href={`${query}${viewQuery(v)}`}
          aria-current={v === view ? 'page' : undefined}
          onClick={(e) => {
            if (!isPlainClick(e)) return;
            e.preventDefault();
            setView(v);
          }}
        >
          {NAV_LABELS[v]}
        </a>
      ))}
    </nav>
  );
}
