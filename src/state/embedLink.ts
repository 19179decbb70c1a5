/**
 * Embedding, for courses: `embed=1` shows only the plot, the status and the controls that `controls`
 * names (a comma list of configuration keys, shown in that order; absent or empty: the plot only).
 * Like `view` and `speed`, these keys sit outside the versioned configuration format and are absent
 * when the page is not embedded, so other links stay as they were.
 */
import { type AnyKeyed, SETTING_ROWS, type SettingKey } from '../config/schema';

export const EMBED_KEY = 'embed';
export const CONTROLS_KEY = 'controls';
/** What the Embed button offers first: the tutorial's three questions (size, step, penalty). */
export const DEFAULT_EMBED_CONTROLS: readonly SettingKey[] = ['hidden', 'lr', 'reg'];
export const EMBED_WIDTH = 600;
export const EMBED_HEIGHT = 400;

/** The page embedded in another site; null: the full playground. */
export interface EmbedState {
  controls: readonly SettingKey[];
}

const ROW_BY_URL = new Map<string, AnyKeyed>(SETTING_ROWS.map((r) => [r.url, r]));
/** Unknown keys named in a message at most; a hostile link may name thousands. */
const MAX_NAMED = 5;

function shown(raw: string): string {
  return raw.length > 24 ? `${raw.slice(0, 24)}…` : raw;
}

/** The controls a comma list names, in its order (repeats once), and a message for unknown keys. */
export function parseControls(list: string): { controls: SettingKey[]; message?: string } {
  const controls: SettingKey[] = [];
  const unknown: string[] = [];
  for (const token of list.split(',')) {
    const name = token.trim();
    if (name === '') continue;
    const row = ROW_BY_URL.get(name);
    if (!row) unknown.push(name);
    else if (!controls.includes(row.key)) controls.push(row.key);
  }
  if (unknown.length === 0) return { controls };
  const named = unknown.slice(0, MAX_NAMED).map((u) => `“${shown(u)}”`);
  if (unknown.length > MAX_NAMED) named.push(`${unknown.length - MAX_NAMED} more`);
  const known = SETTING_ROWS.map((r) => r.url).join(', ');
  return {
    controls,
    message: `Controls: ${named.join(', ')} ${unknown.length === 1 ? 'is not a setting' : 'are not settings'}; left out. The settings are ${known}.`,
  };
}

/** Whether the query embeds the page and with which controls; a message per bad value. */
export function embedFromQuery(search: string): { embed: EmbedState | null; messages: string[] } {
  let params: URLSearchParams;
  try {
    params = new URLSearchParams(search.replace(/^\?/, ''));
  } catch {
    return { embed: null, messages: [] };
  }
  const raw = params.get(EMBED_KEY);
  if (raw === null || raw === '0') return { embed: null, messages: [] };
  if (raw !== '1') {
    return {
      embed: null,
      messages: [`Embed: “${shown(raw)}” is neither 1 nor 0; showing the full playground.`],
    };
  }
  const { controls, message } = parseControls(params.get(CONTROLS_KEY) ?? '');
  return { embed: { controls }, messages: message ? [message] : [] };
}

/** What embedding adds to the query string: nothing for the full playground. */
export function embedQuery(embed: EmbedState | null): string {
  if (!embed) return '';
  const controls = embed.controls.map((k) => SETTING_ROWS.find((r) => r.key === k)!.url).join(',');
  return `&${EMBED_KEY}=1${controls ? `&${CONTROLS_KEY}=${controls}` : ''}`;
}

/** `href` without the embedding keys: the same run in the full playground. The other keys stay as written. */
export function fullPlaygroundHref(href: string): string {
  const url = new URL(href);
  const kept = url.search
    .replace(/^\?/, '')
    .split('&')
    .filter((part) => {
      const key = part.split('=', 1)[0]!;
      return part !== '' && key !== EMBED_KEY && key !== CONTROLS_KEY;
    });
  url.search = kept.length > 0 ? `?${kept.join('&')}` : '';
  return url.toString();
}

/** `href` embedded with `controls`: what the Embed snippet's frame opens. */
export function embedHref(href: string, controls: readonly SettingKey[]): string {
  const url = new URL(fullPlaygroundHref(href));
  const query = embedQuery({ controls });
  url.search = url.search ? `${url.search}${query}` : `?${query.slice(1)}`;
  return url.toString();
}

function escapeAttribute(s: string): string {
  return s.replaceAll('&', '&amp;').replaceAll('"', '&quot;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
}

/** The HTML a course page pastes to show the page at `href` embedded with `controls`. */
export function embedSnippet(href: string, controls: readonly SettingKey[]): string {
  const src = escapeAttribute(embedHref(href, controls));
  return `<iframe src="${src}" width="${EMBED_WIDTH}" height="${EMBED_HEIGHT}" title="Neural network playground" style="border:0" loading="lazy"></iframe>`;
}
