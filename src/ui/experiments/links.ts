/** In-page links: a plain click switches in place; a modified click (new tab, window) is the browser's. */
import type { MouseEvent } from 'react';

export function isPlainClick(e: MouseEvent): boolean {
  return e.button === 0 && !e.metaKey && !e.ctrlKey && !e.shiftKey && !e.altKey;
}
