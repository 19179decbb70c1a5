import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, SETTING_ROWS, type SettingKey } from '../../src/config/schema';
import { encodeConfig } from '../../src/config/url';
import {
  embedFromQuery,
  embedHref,
  embedQuery,
  embedSnippet,
  fullPlaygroundHref,
  parseControls,
} from '../../src/state/embedLink';
import { initFromQuery } from '../../src/state/urlSync';

const KEYS = SETTING_ROWS.map((r) => r.key);

describe('embedding in a link', () => {
  it('shows the named controls in the order the link gives', () => {
    expect(embedFromQuery('embed=1&controls=hidden,lr,reg')).toEqual({
      embed: { controls: ['hidden', 'lr', 'reg'] },
      messages: [],
    });
    expect(embedFromQuery('?controls=reg,data,hidden&embed=1').embed?.controls).toEqual([
      'reg',
      'data',
      'hidden',
    ]);
    // Every configuration key is a control; a repeat is shown once.
    expect(parseControls(KEYS.join(',')).controls).toEqual(KEYS);
    expect(parseControls('lr, lr ,reg,lr').controls).toEqual(['lr', 'reg']);
  });

  it('shows the plot only for an empty or missing list', () => {
    for (const q of ['embed=1', 'embed=1&controls=', 'embed=1&controls=,,', 'embed=1&controls=%20']) {
      expect(embedFromQuery(q)).toEqual({ embed: { controls: [] }, messages: [] });
    }
  });

  it('leaves out unknown keys and says which, naming the settings there are', () => {
    const r = embedFromQuery('embed=1&controls=hidden,speed,Lr,view,reg');
    expect(r.embed?.controls).toEqual(['hidden', 'reg']);
    expect(r.messages).toHaveLength(1);
    expect(r.messages[0]).toMatch(
      /^Controls: “speed”, “Lr”, “view” are not settings; left out\. The settings are data, n,/,
    );
    expect(parseControls('x').message).toMatch(/“x” is not a setting/);
  });

  it('is the full playground without embed=1, and says so for a value that is neither 1 nor 0', () => {
    expect(embedFromQuery('hidden=3')).toEqual({ embed: null, messages: [] });
    expect(embedFromQuery('embed=0&controls=lr')).toEqual({ embed: null, messages: [] });
    expect(embedFromQuery('embed=yes&controls=lr')).toEqual({
      embed: null,
      messages: ['Embed: “yes” is neither 1 nor 0; showing the full playground.'],
    });
  });

  it('round-trips any list of controls through the link', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.constantFrom(...KEYS)), (controls: SettingKey[]) => {
        const q = embedQuery({ controls });
        expect(embedFromQuery(q.slice(1))).toEqual({ embed: { controls }, messages: [] });
      }),
    );
  });

  it('takes hostile values as text: known keys only, each once, and a message of bounded length', () => {
    const token = fc.oneof(fc.constantFrom(...KEYS), fc.string({ unit: 'binary', maxLength: 40 }));
    fc.assert(
      fc.property(fc.array(token, { maxLength: 200 }), (tokens) => {
        const q = `embed=1&controls=${encodeURIComponent(tokens.join(','))}`;
        const { embed, messages } = embedFromQuery(q);
        expect(embed).not.toBeNull();
        const controls = embed!.controls;
        expect(new Set(controls).size).toBe(controls.length);
        for (const c of controls) expect(KEYS).toContain(c);
        expect(messages.length).toBeLessThanOrEqual(1);
        for (const m of messages) expect(m.length).toBeLessThan(600);
      }),
    );
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (s) => {
        expect(() => embedFromQuery(s)).not.toThrow();
        expect(() => initFromQuery(`?${s}`)).not.toThrow();
      }),
    );
  });

  it('leaves old links as they were', () => {
    const old = `?${encodeConfig({ ...DEFAULT_CONFIG, hidden: [5], lr: 0.05 })}&view=gallery&speed=100`;
    const init = initFromQuery(old);
    expect(init.embed).toBeUndefined();
    expect(init.notices).toEqual([]);
    expect(embedQuery(null)).toBe('');
  });

  it('puts an embedded link into the store, with a notice for unknown keys', () => {
    const init = initFromQuery('?hidden=4&embed=1&controls=lr,nope');
    expect(init.embed).toEqual({ controls: ['lr'] });
    expect(init.config?.hidden).toEqual([4]);
    expect(init.notices?.[0]?.lines).toEqual([expect.stringMatching(/^Controls: “nope” is not a setting/)]);
  });
});

describe('the links around an embedded run', () => {
  const page = 'https://example.org/play/?v=1&hidden=8,8&lr=0.05&embed=1&controls=lr,reg&view=gallery';

  it('opens the same run in the full playground, the other keys as written', () => {
    expect(fullPlaygroundHref(page)).toBe('https://example.org/play/?v=1&hidden=8,8&lr=0.05&view=gallery');
    expect(fullPlaygroundHref('https://example.org/?embed=1')).toBe('https://example.org/');
  });

  it('makes the snippet of a frame 600x400 with the chosen controls, escaped for HTML', () => {
    expect(embedHref(page, ['hidden'])).toBe(
      'https://example.org/play/?v=1&hidden=8,8&lr=0.05&view=gallery&embed=1&controls=hidden',
    );
    expect(embedHref('https://example.org/', [])).toBe('https://example.org/?embed=1');
    const html = embedSnippet('https://example.org/?a="><script>&b=1', ['lr']);
    expect(html).toMatch(
      /^<iframe src="https:\/\/example\.org\/\?a=%22%3E%3Cscript%3E&amp;b=1&amp;embed=1&amp;controls=lr" width="600" height="400" /,
    );
    expect(html).not.toContain('<script>');
    expect(html).toContain('title="Neural network playground"');
  });
});
