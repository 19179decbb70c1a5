/** Copies the page's URL (which always holds the configuration) and says so. */
import { useEffect, useRef, useState } from 'react';

/** `beforeCopy` brings the URL up to date (a pending write, points still being compressed). */
export function CopyLink({ beforeCopy }: { beforeCopy?: () => Promise<void> }) {
  const [message, setMessage] = useState('');
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
      <button type="button" onClick={copy}>
        Copy link
      </button>
    </div>
  );
}
