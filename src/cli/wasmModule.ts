/**
 * The WebAssembly engine for Node (the trainer, tests, benchmarks): wasm/build/engine.wasm, built by
 * `npm run wasm`, compiled up front by the optimising compiler (V8 would otherwise start it in its
 * baseline compiler and tier up later).
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { type Backend, jsBackend, simdSupported, wasmBackend } from '../core/backend';

const FILE = join('wasm', 'build', 'engine.wasm');

/** The built module's path: looked for upwards from here, as this file may run bundled elsewhere. */
export function wasmPath(): string {
  for (let dir = dirname(fileURLToPath(import.meta.url)); ; dir = dirname(dir)) {
    if (existsSync(join(dir, FILE))) return join(dir, FILE);
    if (dirname(dir) === dir) throw new Error(`${FILE} not found: run npm run wasm`);
  }
}

let compiled: WebAssembly.Module | null = null;

export function wasmModule(): WebAssembly.Module {
  if (!compiled) {
    setFlagsFromString('--no-liftoff');
    compiled = new WebAssembly.Module(readFileSync(wasmPath()));
  }
  return compiled;
}

/** The engine asked for: wasm where SIMD is supported (else null), or js. */
export function nodeBackend(engine: 'js' | 'wasm'): Backend | null {
  if (engine === 'js') return jsBackend;
  return simdSupported() ? wasmBackend(wasmModule()) : null;
}
