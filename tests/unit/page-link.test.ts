import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../src/config/schema';
import { TIMELAPSE } from '../../src/protocol/training';
import { DEFAULT_PAGE, pageQuery } from '../../src/state/pageLink';
import { DEFAULT_SPEED, speedFromQuery, speedQuery } from '../../src/state/speedLink';
import { initFromQuery } from '../../src/state/urlSync';

describe('the speed in a link', () => {
  it('round-trips the time-lapse, flat out and every steady speed', () => {
    for (const speed of [TIMELAPSE, Number.POSITIVE_INFINITY, 1, 10, 100, 10000]) {
      const q = speedQuery(speed);
      if (speed === DEFAULT_SPEED) expect(q).toBe('');
      else expect(speedFromQuery(q.slice(1)).speed).toBe(speed);
    }
  });

  it('leaves default links as they were', () => {
    expect(speedQuery(DEFAULT_SPEED)).toBe('');
    expect(speedFromQuery('hidden=3').speed).toBeNull();
  });

  it('turns a bad value into the default and a message, never a speed of 0 or NaN', () => {
    for (const raw of ['0', '-5', '1e9', 'NaN', '2.5', 'fast', '10001', '']) {
      const r = speedFromQuery(`speed=${encodeURIComponent(raw)}`);
      expect(r.speed).toBeNull();
      expect(r.message).toMatch(/^Speed: /);
    }
    const init = initFromQuery('?hidden=3&speed=warp');
    expect(init.speed).toBeUndefined();
    expect(init.notices?.[0]?.lines.join(' ')).toContain('“warp” is not lapse, max');
    expect(initFromQuery('?speed=lapse').speed).toBe(TIMELAPSE);
  });
});

describe('what a teacher sets up, in the link', () => {
  it('restores the gallery sizes and the log scale, and leaves default links as they were', () => {
    const pinned = { ...DEFAULT_CONFIG, hidden: [8, 8], lr: 0.05 };
    const q = pageQuery({
      ...DEFAULT_PAGE,
      gallerySizes: [2, 8, 64],
      logScale: true,
      pinned: { config: pinned, data: null },
    });
    expect(q).toMatch(/^&sizes=2,8,64&log=1&pin=/);
    const init = initFromQuery(`?hidden=3${q}`);
    expect(init).toMatchObject({ gallerySizes: [2, 8, 64], logScale: true, pinned });
    expect(init.notices).toEqual([]);
    // A run pinned on edited points cannot be rebuilt from a link: it is left out, not misdrawn.
    expect(pageQuery({ ...DEFAULT_PAGE, pinned: { config: pinned, data: {} } })).toBe('');
    expect(pageQuery(DEFAULT_PAGE)).toBe('');
  });

  it('says what is wrong with bad sizes or a bad log flag and keeps the defaults', () => {
    const init = initFromQuery('?sizes=3,x&log=yes&pin=hidden%3D-1');
    expect(init.gallerySizes).toBeUndefined();
    expect(init.logScale).toBeUndefined();
    const lines = init.notices?.[0]?.lines.join(' ') ?? '';
    expect(lines).toContain('Gallery sizes: “x” is not a whole number.');
    expect(lines).toContain('Log scale: the link says neither 1 nor 0');
    expect(lines).toContain('Pinned run: Hidden layer size: “-1” is out of range; set to 1.');
  });
});

describe('what the plot shows, in the link', () => {
  it('restores "Show test data" off and "Discretize output" on, and writes neither at their defaults', () => {
    const q = pageQuery({ ...DEFAULT_PAGE, showTest: false, discrete: true });
    expect(q).toBe('&showtest=0&disc=1');
    const init = initFromQuery(`?test=0.2${q}`);
    expect(init).toMatchObject({ showTest: false, discrete: true });
    expect(init.config?.test).toBe(0.2);
    expect(init.notices).toEqual([]);
    expect(initFromQuery('?showtest=1&disc=0')).toMatchObject({ showTest: true, discrete: false });
    expect(pageQuery({ ...DEFAULT_PAGE, showTest: true, discrete: false })).toBe('');
  });

  it('turns a bad switch into its default and a notice', () => {
    const init = initFromQuery('?showtest=no&disc=2');
    expect(init.showTest).toBeUndefined();
    expect(init.discrete).toBeUndefined();
    const lines = init.notices?.[0]?.lines ?? [];
    expect(lines).toContain('Show test data: the link says neither 1 nor 0; using on.');
    expect(lines).toContain('Discretize output: the link says neither 1 nor 0; using off.');
  });
});
