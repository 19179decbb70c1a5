/** Builds the WebAssembly engine before any test file runs (a no-op when it is up to date). */
import { execFileSync } from 'node:child_process';

export default function setup(): void {
  execFileSync(process.execPath, ['scripts/wasm.mjs'], { stdio: 'inherit' });
}
