/**
 * "Embed": the HTML that shows the current run in another site (a course page), in a 600x400 frame
 * with the controls the teacher lists. The frame's link is the page's own (the configuration, the
 * view-independent keys) with `embed=1&controls=...`.
 */
import { type KeyboardEvent, useEffect, useId, useRef, useState } from 'react';
import { SETTING_ROWS } from '../config/schema';
import { DEFAULT_EMBED_CONTROLS, embedSnippet, parseControls } from '../state/embedLink';
import { useStore, useStoreApi } from '../state/react';

const DEFAULT_LIST = DEFAULT_EMBED_CONTROLS.join(',');

export function EmbedButton({ beforeOpen }: { beforeOpen?: () => Promise<void> }) {
  const id = useId();
  const store = useStoreApi();
  const [open, setOpen] = useState(false);
  const [list, setList] = useState(DEFAULT_LIST);
  const [href, setHref] = useState('');
  const [copied, setCopied] = useState('');
  const handEdited = useStore((s) => s.handEdited !== null && s.handEdited === s.gen);
  const pointsLeftOut = useStore((s) => s.custom !== null && s.dataLinked === false);
  const button = useRef<HTMLButtonElement>(null);
  const flush = useRef(beforeOpen);
  flush.current = beforeOpen;

  // While open, the snippet follows the run: each change is written to the URL at once, then read.
  useEffect(() => {
    if (!open) return;
    let live = true;
    const read = () => {
      const done = flush.current?.() ?? Promise.resolve();
      void done.then(() => {
        if (live) setHref(window.location.href);
      });
    };
    read();
    const unsubscribe = store.subscribe((s, p) => {
      if (s.config !== p.config || s.speed !== p.speed || s.dataVersion !== p.dataVersion) read();
    });
    return () => {
      live = false;
      unsubscribe();
    };
  }, [open, store]);

  const { controls, message } = parseControls(list);
  const snippet = href ? embedSnippet(href, controls) : '';
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(snippet);
      setCopied('Copied');
    } catch {
      setCopied('Could not copy: select the text and copy it');
    }
  };
  const close = () => {
    setOpen(false);
    button.current?.focus();
  };
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key !== 'Escape') return;
    e.preventDefault();
    close();
  };

  return (
    <div className="embed-button">
      <button
        ref={button}
        type="button"
        aria-expanded={open}
        aria-controls={open ? `${id}-panel` : undefined}
        onClick={() => (open ? close() : setOpen(true))}
      >
        Embed
      </button>
      {open ? (
        <div
          id={`${id}-panel`}
          className="embed-panel"
          role="dialog"
          aria-labelledby={`${id}-title`}
          onKeyDown={onKeyDown}
        >
          <h2 id={`${id}-title`}>Embed this run in a page</h2>
          <label htmlFor={`${id}-controls`}>Controls shown (settings, in order; empty: the plot only)</label>
          <input
            id={`${id}-controls`}
            type="text"
            autoComplete="off"
            spellCheck={false}
            value={list}
            aria-describedby={`${id}-keys`}
            onChange={(e) => {
              setList(e.target.value);
              setCopied('');
            }}
          />
          <p id={`${id}-keys`} className="hint">
            Settings: {SETTING_ROWS.map((r) => r.url).join(', ')}.
          </p>
          {message ? (
            <p className="embed-warning" role="status">
              {message}
            </p>
          ) : null}
          <label htmlFor={`${id}-snippet`}>HTML to paste</label>
          <textarea
            id={`${id}-snippet`}
            readOnly
            rows={4}
            value={snippet}
            onFocus={(e) => e.currentTarget.select()}
          />
          {handEdited ? (
            <p className="embed-warning">
              The frame starts the run from its seed: weights edited by hand are not in it.
            </p>
          ) : null}
          {pointsLeftOut ? (
            <p className="embed-warning">
              Your edited points are too many for a link: the frame shows the generated dataset.
            </p>
          ) : null}
          <p className="hint">The site serving the playground must allow framing (see the README).</p>
          <div className="button-row">
            <button type="button" className="primary" onClick={copy} disabled={!snippet}>
              Copy HTML
            </button>
            <button type="button" onClick={close}>
              Close
            </button>
            <span role="status" className="copy-message">
              {copied}
            </span>
          </div>
        </div>
      ) : null}
    </div>
  );
}
