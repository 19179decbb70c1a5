/**
 * Undo and redo of the edits of the points: adding, removing, importing and resetting them, and the
 * generated data replacing edited points. Pure: the store keeps the history and applies what comes back.
 * An entry is the data before an edit (null: the generated dataset) and the plot's box before it, when
 * the edit moved the box (an import or a reset fits the box to the new data; adding and removing a point
 * keep it), so undoing an edit puts back exactly what that edit changed.
 */

import type { Box } from '../core/box';
import type { Data } from '../core/datasets';

/** Kept edits; the oldest is dropped beyond this (2,000 points are 32 kB, so at most a few MB). */
export const HISTORY_LIMIT = 100;

export interface EditEntry {
  custom: Data | null;
  /** The box to restore; null: the edit left the box alone. */
  box: Box | null;
}

export interface EditHistory {
  /** Oldest first; undo takes the last. */
  readonly past: readonly EditEntry[];
  /** Nearest first (the last undone edit is last). */
  readonly future: readonly EditEntry[];
}

export const EMPTY_HISTORY: EditHistory = { past: [], future: [] };

/** The history after a new edit whose state before is `before`: a new edit drops what was undone. */
export function recorded(h: EditHistory, before: EditEntry): EditHistory {
  const past = [...h.past, before];
  if (past.length > HISTORY_LIMIT) past.splice(0, past.length - HISTORY_LIMIT);
  return { past, future: [] };
}

export interface Step {
  history: EditHistory;
  /** The data and box to show now. */
  custom: Data | null;
  box: Box;
}

/** The entry that undoes the move to `now` from `entry`'s state: the box only when `entry` moved it. */
function inverse(entry: EditEntry, now: { custom: Data | null; box: Box }): EditEntry {
  return { custom: now.custom, box: entry.box ? now.box : null };
}

/** One edit undone; null when there is none. */
export function undone(h: EditHistory, now: { custom: Data | null; box: Box }): Step | null {
  const entry = h.past[h.past.length - 1];
  if (!entry) return null;
  return {
    history: { past: h.past.slice(0, -1), future: [...h.future, inverse(entry, now)] },
    custom: entry.custom,
    box: entry.box ?? now.box,
  };
}

/** One undone edit done again; null when there is none. */
export function redone(h: EditHistory, now: { custom: Data | null; box: Box }): Step | null {
  const entry = h.future[h.future.length - 1];
  if (!entry) return null;
  return {
    history: { past: [...h.past, inverse(entry, now)], future: h.future.slice(0, -1) },
    custom: entry.custom,
    box: entry.box ?? now.box,
  };
}
