/**
 * Which view of the page is shown: the playground or one of the tutorial's experiments. It lives in the
 * optional `view` query parameter, outside the versioned config format (decodeConfig ignores it), so a
 * view is linkable and an old link still opens the playground.
 */
export const VIEWS = ['playground', 'baseline', 'gallery', 'equations', 'exercises'] as const;
export type ViewId = (typeof VIEWS)[number];

export const DEFAULT_VIEW: ViewId = 'playground';

export const VIEW_LABELS: Readonly<Record<ViewId, string>> = {
  playground: 'Playground',
  baseline: 'Logistic regression vs. network',
  gallery: 'Hidden-size gallery',
  equations: 'Equations',
  exercises: 'Exercises',
};

export function isView(x: unknown): x is ViewId {
  return typeof x === 'string' && (VIEWS as readonly string[]).includes(x);
}

/** The view named by a query string; anything unknown or malformed is the playground. */
export function viewFromQuery(search: string): ViewId {
  let params: URLSearchParams;
  try {
    params = new URLSearchParams(search.replace(/^\?/, ''));
  } catch {
    return DEFAULT_VIEW;
  }
  const raw = params.get('view');
  return isView(raw) ? raw : DEFAULT_VIEW;
}

/** What the view adds to the query string: nothing for the playground, so default links stay as they were. */
export function viewQuery(view: ViewId): string {
  return view === DEFAULT_VIEW ? '' : `&view=${view}`;
}
