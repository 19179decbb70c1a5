import { readFileSync } from 'node:fs';
import { deflateRawSync } from 'node:zlib';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Data, makeDataset } from '../../src/core/datasets';
import { dataToCSV, parseCSV } from '../../src/io/csv';
import { decodeData, encodeData } from '../../src/io/dataLink';
import { dataFromPoints } from '../../src/state/dataEdit';

const moons = makeDataset({ data: 'moons', n: 60, noise: 0.2, seed: 0, classes: 2 });
const oldLinks = JSON.parse(readFileSync('tests/fixtures/dataLinks.json', 'utf8')) as Record<string, string>;

function float32(d: Data): Data {
  return { ...d, X: d.X.map(Math.fround) };
}

/** 24 rows repeating a few values (compressed with Huffman codes rather than stored). */
function repeated(): Data {
  const n = 24;
  const X = new Float64Array(2 * n);
  const y = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    X[2 * i] = (i % 4) * 0.5;
    X[2 * i + 1] = -0.25 * (i % 3);
    y[i] = i % 2;
  }
  return { X, y, n, classes: 2 };
}

function b64url(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString('base64url');
}

describe('CSV', () => {
  it('exports a regression dataset with its targets, and says it cannot import one', () => {
    const gauss = makeDataset({ data: 'gauss', n: 20, noise: 0.1, seed: 2, classes: 2 });
    expect(gauss.t).toBeDefined();
    const csv = dataToCSV(gauss);
    const lines = csv.trim().split('\n');
    expect(lines[0]).toBe('x,y,target');
    expect(lines).toHaveLength(21);
    lines.slice(1).forEach((line, i) => {
      expect(line.split(',').map(Number)).toEqual([gauss.X[2 * i], gauss.X[2 * i + 1], gauss.t![i]]);
    });
    // What "Export CSV" writes for the generated dataset: the run's points, targets kept.
    const frame = { X: gauss.X, y: gauss.y, nTrain: gauss.n, classes: 1, t: gauss.t! };
    expect(dataToCSV(dataFromPoints(frame))).toBe(csv);
    const back = parseCSV(csv);
    expect(back.data).toBeNull();
    expect(back.messages[0]).toMatch(/regression dataset \(x,y,target\).*nothing was imported/);
  });

  it('round-trips a dataset exactly', () => {
    const { data, messages } = parseCSV(dataToCSV(moons));
    expect(messages).toEqual([]);
    expect(data?.X).toEqual(moons.X);
    expect(data?.y).toEqual(moons.y);
    expect(data?.classes).toBe(2);
  });

  it('reads semicolons and tabs, skips a header, counts classes', () => {
    const { data } = parseCSV('a;b;c\n0;1;0\n1\t2\t2\n3,4,1\n');
    expect(data?.n).toBe(3);
    expect(data?.classes).toBe(3);
  });

  it('skips bad lines with a message per line', () => {
    const { data, messages } = parseCSV('x,y,label\n1,2,0\n1,abc,1\n3,4,9\n5,6,1\n');
    expect(data?.n).toBe(2);
    expect(messages).toEqual([
      'Line 3: expected x,y,label with numbers; skipped.',
      'Line 4: the label must be a class 0 to 4; skipped.',
    ]);
  });

  it('refuses a file with nothing readable', () => {
    expect(parseCSV('<html>nope</html>').data).toBeNull();
  });

  it('never throws on any text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 500 }), (s) => {
        const r = parseCSV(s);
        if (r.data) expect(r.data.n).toBeGreaterThanOrEqual(2);
      }),
    );
  });
});

describe('data in the share link', () => {
  it('round-trips data at float32 precision exactly, and carries the tutorial-sized dataset', async () => {
    const tutorial = makeDataset({ data: 'moons', n: 200, noise: 0.2, seed: 0, classes: 2 });
    const edited = { ...tutorial, X: tutorial.X.map(Math.fround) };
    const text = await encodeData(edited);
    expect(text).not.toBeNull();
    const { data } = await decodeData(text!);
    expect(data?.X).toEqual(edited.X);
    expect(data?.y).toEqual(edited.y);
    expect(data?.X).not.toEqual(tutorial.X);
  });

  it('reads links made by the earlier encoder (fflate) to the same points', async () => {
    const cases: [string, Data][] = [
      ['blobs', float32(makeDataset({ data: 'blobs', n: 30, noise: 0.3, seed: 7, classes: 3 }))],
      ['moons', float32(makeDataset({ data: 'moons', n: 200, noise: 0.2, seed: 0, classes: 2 }))],
      ['repeated', repeated()],
    ];
    for (const [name, expected] of cases) {
      const { data, message } = await decodeData(oldLinks[name]!);
      expect(message, name).toBeUndefined();
      expect(data?.X, name).toEqual(expected.X);
      expect(data?.y, name).toEqual(expected.y);
      expect(data?.classes, name).toBe(expected.classes);
    }
  });

  it('leaves large data out of the link', async () => {
    expect(
      await encodeData(makeDataset({ data: 'moons', n: 2000, noise: 0.2, seed: 0, classes: 2 })),
    ).toBeNull();
  });

  it('rejects garbage, truncated and bomb-like input', async () => {
    const rows = (bytes: Uint8Array) => decodeData(b64url(deflateRawSync(bytes)));
    expect((await rows(new Uint8Array(9 * 3))).data?.n).toBe(3);
    expect((await decodeData('!!!')).data).toBeNull();
    expect((await decodeData((await encodeData(moons))!.slice(0, 50))).data).toBeNull();
    expect((await rows(new Uint8Array(9 * 3 + 1))).data).toBeNull();
    expect((await rows(new Uint8Array(10_000_000))).data).toBeNull();
    const nan = new Uint8Array(18);
    new DataView(nan.buffer).setFloat32(0, Number.NaN, true);
    expect((await rows(nan)).data).toBeNull();
  });

  it('never rejects on any string', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 200 }), async (s) => {
        const { data } = await decodeData(s);
        expect(data === null || data.n >= 2).toBe(true);
      }),
    );
  });
});
