/**
 * What a teacher sets up beside the configuration, in the link: the gallery's sizes (`sizes=1,3,20`),
 * the loss chart's log scale (`log=1`), a pinned run to compare with (`pin=` and the pinned run's
 * configuration as a query string of its own; a run pinned on edited points cannot be linked), and
 * what the plot shows: test points hidden (`showtest=0`; `test` is the test split's key) and the
 * field discretized (`disc=1`). Like `view` and `speed`, these keys sit outside the versioned
 * configuration format and are absent at their defaults, so default links stay as they were.
 */
import { parseSizes, TUTORIAL_SIZES } from '../config/gallery';
import type { Config } from '../config/schema';
import { decodeConfig, encodeConfig } from '../config/url';

export interface PageState {
  gallerySizes: readonly number[];
  logScale: boolean;
  /** The pinned run, if any: only its configuration and whether it trained on edited points matter. */
  pinned: { config: Config; data: unknown } | null;
  showTest: boolean;
  discrete: boolean;
}

export const DEFAULT_PAGE: PageState = {
  gallerySizes: TUTORIAL_SIZES,
  logScale: false,
  pinned: null,
  showTest: true,
  discrete: false,
};

/** A switch in the link: `1` or `0`; anything else is the default and a message. */
function readSwitch(
  params: URLSearchParams,
  key: string,
  what: string,
  fallback: boolean,
  messages: string[],
): boolean | undefined {
  const raw = params.get(key);
  if (raw === null) return undefined;
  if (raw === '1' || raw === '0') return raw === '1';
  messages.push(`${what}: the link says neither 1 nor 0; using ${fallback ? 'on' : 'off'}.`);
  return undefined;
}

/** What the link holds of `PageState` (the pinned run by its configuration). */
export type PageInit = Partial<Omit<PageState, 'pinned'>> & { pinned?: Config };

function sameSizes(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((v, i) => v === b[i]);
}

/** The page state a query names (defaults for what it leaves out), and a message per bad value. */
export function pageFromQuery(search: string): { page: PageInit; messages: string[] } {
  const page: PageInit = {};
  const messages: string[] = [];
  let params: URLSearchParams;
  try {
    params = new URLSearchParams(search.replace(/^\?/, ''));
  } catch {
    return { page, messages };
  }
  const sizes = params.get('sizes');
  if (sizes !== null) {
    const parsed = parseSizes(sizes);
    if (parsed.sizes) page.gallerySizes = parsed.sizes;
    else messages.push(`Gallery sizes: ${parsed.error} Using the tutorial's sizes.`);
  }
  const log = params.get('log');
  if (log !== null) {
    if (log === '1' || log === '0') page.logScale = log === '1';
    else messages.push('Log scale: the link says neither 1 nor 0; using a linear scale.');
  }
  const showTest = readSwitch(params, 'showtest', 'Show test data', DEFAULT_PAGE.showTest, messages);
  if (showTest !== undefined) page.showTest = showTest;
  const discrete = readSwitch(params, 'disc', 'Discretize output', DEFAULT_PAGE.discrete, messages);
  if (discrete !== undefined) page.discrete = discrete;
  const pin = params.get('pin');
  if (pin !== null) {
    const decoded = decodeConfig(pin);
    page.pinned = decoded.config;
    messages.push(...decoded.messages.map((m) => `Pinned run: ${m}`));
  }
  return { page, messages };
}

/** What the page state adds to the query string. */
export function pageQuery(p: PageState): string {
  let q = '';
  if (!sameSizes(p.gallerySizes, DEFAULT_PAGE.gallerySizes)) q += `&sizes=${p.gallerySizes.join(',')}`;
  if (p.logScale) q += '&log=1';
  if (p.showTest !== DEFAULT_PAGE.showTest) q += `&showtest=${p.showTest ? 1 : 0}`;
  if (p.discrete !== DEFAULT_PAGE.discrete) q += `&disc=${p.discrete ? 1 : 0}`;
  if (p.pinned && p.pinned.data === null) q += `&pin=${encodeURIComponent(encodeConfig(p.pinned.config))}`;
  return q;
}
