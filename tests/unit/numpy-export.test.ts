import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main';
import { decodeConfig } from '../../src/config/url';
import { makeDataset } from '../../src/core/datasets';
import { numpyScript } from '../../src/io/numpyExport';

const PYTHON = process.env.PYTHON ?? 'python3';
const dir = mkdtempSync(join(tmpdir(), 'nn-export-'));

/** Runs each script as __main__ in one python3 process; what each printed, or its error. */
const DRIVER = `
import io, json, runpy, sys, traceback
from contextlib import redirect_stdout
out = []
for path in sys.argv[1:]:
    buf = io.StringIO()
    try:
        with redirect_stdout(buf):
            runpy.run_path(path, run_name='__main__')
        out.append({'stdout': buf.getvalue()})
    except BaseException:
        out.append({'stdout': buf.getvalue(), 'error': traceback.format_exc()})
print(json.dumps(out))
`;

function runPython(...scripts: string[]): string[] {
  const files = scripts.map((script, i) => {
    const file = join(dir, `run-${i}-${Math.random().toString(36).slice(2)}.py`);
    writeFileSync(file, script);
    return file;
  });
  const r = spawnSync(PYTHON, ['-c', DRIVER, ...files], { encoding: 'utf8', maxBuffer: 1 << 26 });
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  const runs = JSON.parse(r.stdout) as { stdout: string; error?: string }[];
  for (const run of runs) expect(run.error).toBeUndefined();
  return runs.map((run) => run.stdout);
}

function cli(query: string, every: number): string {
  let out = '';
  const status = main([query, '--every', String(every)], { out: (t) => (out += t), err: () => undefined });
  expect(status).toBe(0);
  return out;
}

// Stable configurations (see tests/reference/README.md); the tutorial's run is compared before its
// period-2 oscillation sets in.
const CASES: [string, number][] = [
  ['hidden=3&passes=1001', 500],
  ['hidden=5&noise=0.3&seed=4&lr=0.005&passes=3000', 1000],
  ['data=spiral&classes=3&n=151&hidden=8,8&act=relu&batch=32&anneal=step&test=0.2&passes=600', 100],
  ['data=xor&act=sigmoid&anneal=inv&reg=0&passes=1500', 500],
  ['data=circles&act=leaky&anneal=exp&hidden=6,4&passes=800', 200],
  ['data=blobs&classes=4&act=linear&n=99&passes=500', 100],
  ['l1=0.01&hidden=5&passes=1500', 500],
  ['data=blobs&classes=3&noise=0.35&hidden=5&l1=0.02&reg=0&batch=25&passes=400', 100],
  ['opt=momentum&beta=0.9&lr=0.001&hidden=5&passes=1500', 500],
  ['opt=adam&lr=0.01&hidden=5&passes=1000', 200],
  ['opt=adam&beta=0.8&lr=0.005&data=blobs&classes=3&noise=0.35&hidden=8&batch=20&test=0.2&passes=300', 100],
  ['opt=momentum&l1=0.005&lr=0.001&hidden=5&batch=32&passes=300', 100],
  ['inputs=x1,x2,x1sq,x2sq&opt=adam&lr=0.01&hidden=5&passes=1000', 200],
  ['inputs=sinx2,x1x2,x1,sinx1,x2sq&hidden=4&passes=600', 200],
  ['data=circles&noise=0.1&inputs=x1sq,x2sq&hidden=0&passes=1000', 200],
  ['data=blobs&classes=3&noise=0.35&hidden=0&opt=momentum&lr=0.001&batch=16&passes=300', 100],
  ['data=gauss&noise=0.1&hidden=6,6&lr=0.002&passes=1000', 200],
  ['data=plane&noise=0.1&hidden=3&lr=0.003&test=0.25&batch=16&passes=300', 100],
  ['data=plane&noise=0.2&hidden=4&l1=0.01&opt=momentum&lr=0.001&inputs=x1,x2,x1x2,sinx1&passes=600', 200],
];

describe('Export as NumPy', () => {
  it('prints the same log as npm run train, for every case, in one python process', () => {
    const printed = runPython(
      ...CASES.map(([query, every]) => numpyScript(decodeConfig(query).config, { every })),
    );
    CASES.forEach(([query, every], i) => {
      expect(printed[i]!.split('\n').length, query).toBeGreaterThan(2);
      expect(printed[i], query).toBe(cli(query, every));
    });
  });

  it('embeds edited data and trains on it', () => {
    const config = decodeConfig('hidden=4&passes=200&n=30').config;
    const data = makeDataset({ ...config, classes: 2 });
    data.X[0] = 2.5;
    const script = numpyScript(config, { every: 100, data });
    expect(script).toContain('[2.5, ');
    const [out] = runPython(script);
    expect(out).toMatch(/^Loss after iteration 0: \d\.\d{6}\nLoss after iteration 100: /);
  });

  it("sizes the output layer by the edited data's classes, not the settings'", () => {
    const config = decodeConfig('data=blobs&classes=5').config;
    const data = makeDataset({ ...config, data: 'moons', classes: 2 });
    expect(numpyScript(config, { data })).toContain('\nCLASSES = 2\n');
    expect(numpyScript(config)).toContain('\nCLASSES = 5\n');
  });
});
