/**
 * What a teacher sets up beside the configuration, in the link: the gallery's sizes (`sizes=1,3,20`),
 * the loss chart's log scale (`log=1`). Like `view` and `speed`, these keys sit outside the versioned
 * configuration format and are absent at their defaults, so default links stay as they were.
 */
import { parseSizes, TUTORIAL_SIZES } from '../config/gallery';

export interface PageState {
  gallerySizes: readonly number[];
  logScale: boolean;
}

export const DEFAULT_PAGE: PageState = { gallerySizes: TUTORIAL_SIZES, logScale: false };

function sameSizes(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((v, i) => v === b[i]);
}

/** The page state a query names (defaults for what it leaves out), and a message per bad value. */
export function pageFromQuery(search: string): { page: Partial<PageState>; messages: string[] } {
  const page: Partial<PageState> = {};
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
  return { page, messages };
}

/** What the page state adds to the query string. */
export function pageQuery(p: PageState): string {
  let q = '';
  if (!sameSizes(p.gallerySizes, DEFAULT_PAGE.gallerySizes)) q += `&sizes=${p.gallerySizes.join(',')}`;
  if (p.logScale) q += '&log=1';
  return q;
}
