// Compiles the WebAssembly engine (wasm/*.ts, AssemblyScript) to wasm/build/engine.wasm, which the
// worker bundle (Vite) and Node (trainer, tests, benchmarks) load, and the tests' probe module
// (wasm/probe/) to wasm/build/probe.wasm. Skips the work when an output is newer than every source.
// 128-bit SIMD only: relaxed SIMD (whose fused multiply-add rounds differently from CPU to CPU) stays
// off, so every machine computes the same bits.
import { mkdirSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import asc from 'assemblyscript/asc';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const src = join(root, 'wasm');
// The engine, and a module only the tests load (wasm/probe: the engine's exp and tanh over arrays).
const targets = [
  [join(src, 'index.ts'), join(src, 'build', 'engine.wasm')],
  [join(src, 'probe', 'index.ts'), join(src, 'build', 'probe.wasm')],
];
const sources = [src, join(src, 'probe')].flatMap((d) =>
  readdirSync(d)
    .filter((f) => f.endsWith('.ts'))
    .map((f) => join(d, f)),
);
const newest = Math.max(
  ...sources.map((f) => statSync(f).mtimeMs),
  statSync(import.meta.filename ?? fileURLToPath(import.meta.url)).mtimeMs,
);
const force = process.argv.includes('--force');
for (const [entry, out] of targets) {
  let built = 0;
  try {
    built = statSync(out).mtimeMs;
  } catch {}
  if (built > newest && !force) continue;
  mkdirSync(dirname(out), { recursive: true });
  const { error, stderr } = await asc.main([
    entry,
    '-O3',
    '--runtime',
    'stub',
    '--noAssert',
    '--enable',
    'simd',
    '--disable',
    'relaxed-simd',
    '--initialMemory',
    '1',
    '--outFile',
    out,
  ]);
  if (error) {
    process.stderr.write(stderr.toString());
    process.stderr.write(`wasm: ${error.message}\n`);
    process.exit(1);
  }
  // On stderr: `npm run --silent train -- --json` prints only the trainer's JSON on stdout.
  process.stderr.write(`wasm: built ${out.slice(root.length + 1)}\n`);
}
