/**
 * Edited points survive a reload: they are kept in this browser's localStorage as CSV (the same
 * format and checks as a CSV import). Storage may be missing or full; that costs the feature, not the page.
 */
import type { Data } from '../core/datasets';
import { dataToCSV, parseCSV } from '../io/csv';
import type { AppStore } from './store';

export const STORAGE_KEY = 'nn-playground:data';

export function loadStoredData(storage: Storage | null): Data | null {
  try {
    const text = storage?.getItem(STORAGE_KEY);
    if (!text) return null;
    const { data, messages } = parseCSV(text);
    return data && messages.length === 0 ? data : null;
  } catch {
    return null;
  }
}

export function storeData(storage: Storage | null, data: Data | null): void {
  try {
    if (data) storage?.setItem(STORAGE_KEY, dataToCSV(data));
    else storage?.removeItem(STORAGE_KEY);
  } catch {
    // Private mode or a full quota: the points still live in the page (and the link, when small).
  }
}

/** Writes the edited points whenever they change; returns an unsubscribe. */
export function startDataPersistence(store: AppStore, storage: Storage | null): () => void {
  return store.subscribe((s, prev) => {
    if (s.custom !== prev.custom) storeData(storage, s.custom);
  });
}

/** localStorage, or null where reading it throws (some privacy settings). */
export function browserStorage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}
