/**
 * Copies the page's URL (which always holds the configuration) and says so; and says what it does not
 * hold: weights edited by hand (the link restarts the run from its seed).
 */
import { useEffect, useRef, useState } from 'react';
import { useStore } from '../state/react';

/** `beforeCopy` brings the URL up to date (a pending write, points still being compressed). */
export function CopyLink({ beforeCopy }: { beforeCopy?: () => Promise<void> }) {
  const [message, setMessage] = useState('');
  const handEdited = useStore((s) => s.handEdited !== null && s.handEdited === s.gen);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
    },
    [],
  );
  const say = (text: string) => {
    setMessage(text);
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => setMessage(''), 3000);
  };
  const copy = async () => {
    await beforeCopy?.();
    try {
      await navigator.clipboard.writeText(window.location.href);
      say('Link copied');
    } catch {
      say('Could not copy: the link is in the address bar');
    }
  };
  return (
    <div className="copy-link">
      <span role="status" className="copy-message">
        {message}
      </span>
      {handEdited ? (
        <p id="link-note" className="link-note">
          The link does not keep weights edited by hand.
        </p>
      ) : null}
      <button type="button" onClick={copy} aria-describedby={handEdited ? 'link-note' : undefined}>
        Copy link
      </button>
    </div>
  );
}
