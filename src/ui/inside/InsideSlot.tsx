/**
 * Where "Inside the network" goes: its code (InsidePanel and its drawing) is fetched only when the
 * section comes near the screen, so the first load of the page stays small.
 */
import { useEffect, useRef, useState } from 'react';
import { lazyChunk } from '../lazyChunk';

const InsidePanel = lazyChunk('Inside the network', () => import('./InsidePanel').then((m) => m.default));
/** Start fetching this far before the section scrolls into view. */
const AHEAD = '600px';

export function InsideSlot() {
  const ref = useRef<HTMLElement>(null);
  const [near, setNear] = useState(typeof IntersectionObserver === 'undefined');
  useEffect(() => {
    const el = ref.current;
    if (near || !el) return;
    const io = new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting)) setNear(true);
      },
      { rootMargin: AHEAD },
    );
    io.observe(el);
    return () => io.disconnect();
  }, [near]);
  const placeholder = (
    <section ref={ref} className="inside panel" aria-labelledby="inside-title">
      <h2 id="inside-title">Inside the network</h2>
      <p className="hint">Loading…</p>
    </section>
  );
  if (!near) return placeholder;
  return <InsidePanel loading={placeholder} />;
}
