/**
 * Hostile links in bulk, through the same functions the page runs on its query string: every one gives a
 * valid state, a link that is a fixed point (opening it gives the same link and no notice), and a link
 * with no trace of the payloads. tests/browser/robustness.test.ts sends a small sample through the page.
 */
import { describe, expect, it } from 'vitest';
import * as dataLink from '../../src/io/dataLink';
import { initFromQuery, linkQuery, linkStateOf, readPoints } from '../../src/state/urlSync';
import { hostileQueries } from '../browser/hostile';

/** The query as a browser's URL parser hands it to the page (it percent-encodes what it must). */
function asBrowserSees(q: string): string {
  return new URL(`http://localhost/?${q}`).search;
}

async function openLink(search: string) {
  const init = initFromQuery(search, { points: await readPoints(search, dataLink) });
  return { init, link: linkQuery(linkStateOf(init), null) };
}

describe('hostile links, through the codec', () => {
  it('3,000 of them give a valid state and a clean link that is its own fixed point', async () => {
    const failures: string[] = [];
    // How many links reached the keys beside the configuration with a valid value: the generator's reach.
    let embedded = 0;
    let paged = 0;
    for (const q of hostileQueries(3000)) {
      const search = asBrowserSees(q);
      const { init, link } = await openLink(search);
      if (init.embed) embedded++;
      if (init.showTest === false || init.discrete === true || init.logScale === true) paged++;
      const again = await openLink(link);
      const problems = [
        init.data ? 'the generator made valid points (change its seed)' : '',
        again.link !== link ? `the link ${link} opens as ${again.link}` : '',
        (again.init.notices ?? []).length > 0 ? `the link ${link} gives a notice` : '',
        /[<>"'`\s\\]|javascript:|pwned/i.test(decodeURIComponent(link))
          ? `the link ${link} carries a payload`
          : '',
      ].filter(Boolean);
      if (problems.length > 0) failures.push(`?${q}: ${problems.join('; ')}`);
    }
    expect(failures.slice(0, 5)).toEqual([]);
    expect(embedded).toBeGreaterThan(3);
    expect(paged).toBeGreaterThan(10);
  });

  it('a link that changed nothing gives no notice; one that changed a setting does', async () => {
    const clean = await openLink('?hidden=5&lr=0.02&speed=100&log=1&sizes=1,2,3');
    expect(clean.init.notices).toEqual([]);
    expect(clean.link).toContain('speed=100');
    const changed = await openLink('?hidden=%3Cscript%3E&speed=fast');
    const lines = changed.init.notices?.[0]?.lines ?? [];
    expect(lines.some((l) => l.startsWith('Hidden layer size: “<script>”'))).toBe(true);
    expect(lines.some((l) => l.startsWith('Speed: “fast”'))).toBe(true);
    // Both bad values fall back to their defaults: the link is the default one.
    expect(changed.link).toBe(linkQuery(linkStateOf({}), null));
  });
});
