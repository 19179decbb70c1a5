/**
 * The layer boundaries are kept by lint rules (biome.json's overrides). This runs the linter, with the
 * project's own configuration, over a scratch tree of one-line files: every forbidden import must be
 * reported, and every allowed one must not.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const root = resolve(__dirname, '../..');

/** [file in the scratch tree, what it imports, whether the rules must reject it] */
const CASES: [string, string, boolean][] = [
  ['src/core/a.ts', '../state/store', true],
  ['src/core/b.ts', '../ui/App', true],
  ['src/core/c.ts', '../protocol/training', true],
  ['src/core/d.ts', 'react', true],
  ['src/core/ok.ts', '../config/schema', false],
  ['src/config/a.ts', '../core/rng', true],
  ['src/config/b.ts', '../state/store', true],
  ['src/config/ok.ts', './schema', false],
  ['src/ui/a.tsx', '../worker/loop', true],
  ['src/ui/b.tsx', '../../worker/session', true],
  ['src/ui/c.tsx', '../client/channel', true],
  ['src/ui/ok.tsx', '../state/store', false],
  ['src/render/a.ts', '../state/store', true],
  ['src/render/b.ts', '../ui/format', true],
  ['src/render/ok.ts', '../core/grid', false],
  ['src/worker/a.ts', '../client/training', true],
  ['src/worker/b.ts', '../state/store', true],
  ['src/worker/ok.ts', '../protocol/training', false],
  ['src/protocol/a.ts', '../worker/loop', true],
  ['src/protocol/ok.ts', '../core/network', false],
  ['src/client/a.ts', '../worker/loop', true],
  ['src/client/ok.ts', '../state/store', false],
  ['src/state/a.ts', '../ui/App', true],
];

const scratch = mkdtempSync(join(tmpdir(), 'nn-boundaries-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

interface Diagnostic {
  category: string;
  location: { path: string };
}

function lintScratch(): Diagnostic[] {
  copyFileSync(join(root, 'biome.json'), join(scratch, 'biome.json'));
  for (const [file, from] of CASES) {
    const path = join(scratch, file);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, `import { x } from '${from}';\n\nexport const y = x;\n`);
  }
  const biome = join(root, 'node_modules/.bin/biome');
  let out: string;
  try {
    out = execFileSync(biome, ['lint', '--reporter=json', `--config-path=${scratch}`, join(scratch, 'src')], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    });
  } catch (e) {
    // Errors found: biome exits with status 1 and still prints its report.
    out = (e as { stdout: string }).stdout;
  }
  return (JSON.parse(out) as { diagnostics: Diagnostic[] }).diagnostics;
}

describe('the layer boundaries', () => {
  it('reject every forbidden import and allow the others', () => {
    const flagged = new Set(
      lintScratch()
        .filter((d) => d.category === 'lint/style/noRestrictedImports')
        .map((d) => relative(scratch, d.location.path)),
    );
    const expected = CASES.filter(([, , bad]) => bad).map(([file]) => file);
    expect([...flagged].sort()).toEqual(expected.sort());
  });
});
