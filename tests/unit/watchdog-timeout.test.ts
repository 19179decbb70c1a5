import { describe, expect, it } from 'vitest';
import { replyTimeout } from '../../src/client/watchdog';
import { type Config, DEFAULT_CONFIG } from '../../src/config/schema';

const FLAT_OUT = Number.POSITIVE_INFINITY;

describe('reply timeout', () => {
  it('sizes the work by the edited points, not by the settings they replaced', () => {
    const config: Config = { ...DEFAULT_CONFIG, data: 'moons', n: 200 };
    const edited = { n: 1500, classes: 5 };
    const same: Config = { ...config, data: 'blobs', classes: 5, n: 1500 };
    expect(replyTimeout(config, FLAT_OUT, 1.5, edited)).toBe(replyTimeout(same, FLAT_OUT, 1.5));
  });

  it('counts the classes of edited points even when their number matches the settings', () => {
    const config: Config = { ...DEFAULT_CONFIG, hidden: [512, 512] };
    const fiveClasses = replyTimeout(config, FLAT_OUT, 1.5, { n: config.n, classes: 5 });
    expect(fiveClasses).toBeGreaterThan(replyTimeout(config, FLAT_OUT, 1.5));
  });

  it('reads the settings when there are no edited points', () => {
    expect(replyTimeout(DEFAULT_CONFIG, FLAT_OUT, 1.5, null)).toBe(
      replyTimeout(DEFAULT_CONFIG, FLAT_OUT, 1.5),
    );
  });
});
