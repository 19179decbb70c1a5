import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main';

/** The trainer in this process: what it prints and the status it exits with. */
function train(...args: string[]) {
  let stdout = '';
  let stderr = '';
  const status = main(args, { out: (t) => (stdout += t), err: (t) => (stderr += t) });
  return { status, stdout, stderr };
}

// The tutorial's printed log for hidden size 3 (SEED-NOTES.md), as NumPy 2.4 prints it.
const TUTORIAL: Record<number, string> = {
  0: '0.432387',
  1000: '0.068947',
  2000: '0.068950',
  3000: '0.071218',
  4000: '0.071253',
  5000: '0.071278',
  6000: '0.071293',
  7000: '0.071303',
  8000: '0.071308',
  9000: '0.071312',
  10000: '0.071314',
  11000: '0.071315',
  12000: '0.071315',
};
for (let i = 13000; i <= 19000; i += 1000) TUTORIAL[i] = '0.071316';

describe('npm run train', () => {
  it("prints the tutorial's loss log for hidden=3", () => {
    const r = train('hidden=3');
    expect(r.status).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines).toHaveLength(21);
    Object.entries(TUTORIAL).forEach(([it, loss], k) => {
      const m = /^Loss after iteration (\d+): (\d\.\d{6})$/.exec(lines[k]!);
      expect(m?.[1]).toBe(it);
      // Iteration 2000 falls where the period-2 oscillation sets in: last-bit rounding differences
      // (even between NumPy builds) show there, so that one line is compared to four digits.
      if (it === '2000') expect(m?.[2]?.slice(0, 5)).toBe(loss.slice(0, 5));
      else expect(m?.[2]).toBe(loss);
    });
    expect(lines[20]).toBe('Training accuracy: 0.975000');
  });

  it('prints one JSON object with --json', () => {
    const r = train('hidden=4&passes=30&test=0.25&n=40', '--every', '10', '--json');
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.config.hidden).toEqual([4]);
    expect(out.losses.map((l: number[]) => l[0])).toEqual([0, 10, 20]);
    expect(out.weights).toHaveLength(2);
    expect(out.weights[0].W).toHaveLength(2);
    expect(out.weights[0].W[0]).toHaveLength(4);
    expect(out.weights[1].b).toHaveLength(2);
    expect(out.data.X).toHaveLength(40);
    expect(out.data.y).toHaveLength(40);
    expect(out.testAccuracy).toBeGreaterThanOrEqual(0);
    expect(out.accuracy).toBeGreaterThan(0.5);
  });

  it('trains with either engine, WebAssembly by default, to the same bits', () => {
    const runs = [[], ['--engine', 'wasm'], ['--engine=js']].map((extra) =>
      JSON.parse(train('hidden=6,4&passes=300&act=relu&batch=50', '--json', ...extra).stdout),
    );
    expect(runs.map((r) => r.engine)).toEqual(['wasm', 'wasm', 'js']);
    // JSON prints each double in full (shortest round-trip form), so equal text is equal bits.
    expect(JSON.stringify(runs[2].weights)).toBe(JSON.stringify(runs[0].weights));
    expect(runs[2].losses).toEqual(runs[0].losses);
  });

  it('reads a whole share URL', () => {
    const r = train('https://example.org/nn/?v=1&hidden=2&passes=1&seed=3', '--json');
    expect(JSON.parse(r.stdout).config).toMatchObject({ hidden: [2], passes: 1, seed: 3 });
  });

  it('rejects bad arguments with status 2 and a message', () => {
    for (const args of [['--bogus'], ['--every', '0'], ['--every'], ['a=1', 'b=2'], ['--engine', 'c']]) {
      const r = train(...args);
      expect(r.status).toBe(2);
      expect(r.stderr).toMatch(/^train: /);
      expect(r.stdout).toBe('');
    }
  });

  it('warns about clamped values on stderr and still trains', () => {
    const r = train('hidden=3&passes=1&lr=abc');
    expect(r.status).toBe(0);
    expect(r.stderr).toMatch(/Learning rate/);
  });

  it('prints its usage on --help, to stdout, with status 0', () => {
    const r = train('--help');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^usage: npm run --silent train/);
    expect(r.stderr).toBe('');
  });

  it('as a command, exits with its status and prints to its streams', () => {
    const r = spawnSync('node_modules/.bin/tsx', ['src/cli/train.ts', 'lr=1&passes=1000'], {
      encoding: 'utf8',
    });
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/^Loss after iteration 0: /);
    expect(r.stderr).toMatch(/^train: diverged/);
  });

  it('reports divergence with the iteration and status 1', () => {
    const r = train('lr=1&passes=1000', '--every', '1');
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/diverged: the loss is not finite after iteration \d+/);
  });

  it('covers regression in --json: the losses, R² and the predictions on the data, as NumPy has them', () => {
    const fixture = (
      JSON.parse(readFileSync('tests/fixtures/training-options.json', 'utf8')).configs as {
        name: string;
        losses: number[];
        train_r2: number;
      }[]
    ).find((c) => c.name === 'gauss_two_layers')!;
    const { status, stdout } = train(
      'data=gauss&noise=0.1&hidden=6,6&lr=0.002&passes=1000',
      '--json',
      '--every',
      '100',
    );
    expect(status).toBe(0);
    const out = JSON.parse(stdout);
    expect(out.task).toBe('regression');
    expect(out.accuracy).toBeUndefined();
    const losses = (out.losses as [number, number][]).map(([, l]) => l);
    expect(losses).toHaveLength(fixture.losses.length);
    for (let i = 0; i < losses.length; i++) {
      expect(Math.abs(losses[i]! - fixture.losses[i]!) / fixture.losses[i]!).toBeLessThan(1e-9);
    }
    expect(Math.abs(out.r2 - fixture.train_r2)).toBeLessThan(1e-9);
    expect(out.predictions).toHaveLength(200);
    expect(out.data.t).toHaveLength(200);
    // R² from the printed predictions and targets is the R² printed.
    const t = out.data.t as number[];
    const mean = t.reduce((a, b) => a + b, 0) / t.length;
    const res = t.reduce((a, v, i) => a + (v - out.predictions[i]) ** 2, 0);
    const tot = t.reduce((a, v) => a + (v - mean) ** 2, 0);
    expect(1 - res / tot).toBeCloseTo(out.r2, 12);
  });
});
