/** Dismissible notices (a link's settings that were changed, a restarted worker). Text only, never HTML. */
import { useStore } from '../state/react';

export function Notices() {
  const notices = useStore((s) => s.notices);
  const dismiss = useStore((s) => s.dismiss);
  if (notices.length === 0) return null;
  return (
    <div className="notices">
      {notices.map((n) => (
        <div key={n.id} className={`notice notice-${n.kind}`} role="alert">
          <div className="notice-body">
            <strong>{n.title}</strong>
            {n.lines.length > 0 ? (
              <ul>
                {n.lines.map((line, i) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: lines never reorder
                  <li key={i}>{line}</li>
                ))}
              </ul>
            ) : null}
          </div>
          <button type="button" className="dismiss" onClick={() => dismiss(n.id)}>
            Dismiss<span className="sr-only"> notice</span>
          </button>
        </div>
      ))}
    </div>
  );
}
