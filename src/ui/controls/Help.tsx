/**
 * An explanation anyone can open: a "?" button (a disclosure: aria-expanded, aria-controls) that shows
 * or hides the text under its control, by touch, click or keyboard. Hover tooltips (`title`) never
 * reach touch screens. The text stays in the page while hidden, so the control it describes keeps it as
 * its accessible description (aria-describedby on the control, pointing at `id`).
 */
import { type ReactNode, useState } from 'react';

export function useHelp(): { open: boolean; toggle: () => void } {
  const [open, setOpen] = useState(false);
  return { open, toggle: () => setOpen((o) => !o) };
}

export function HelpButton({
  topic,
  open,
  onToggle,
  controls,
}: {
  /** What the text explains, for the button's name ("About <topic>"). */
  topic: string;
  open: boolean;
  onToggle: () => void;
  /** The id of the HelpText it shows. */
  controls: string;
}) {
  return (
    <button
      type="button"
      className="help-toggle"
      aria-label={`About ${topic}`}
      aria-expanded={open}
      aria-controls={controls}
      onClick={onToggle}
    >
      ?
    </button>
  );
}

export function HelpText({ id, open, children }: { id: string; open: boolean; children: ReactNode }) {
  return (
    <p id={id} className="help-text" hidden={!open}>
      {children}
    </p>
  );
}
