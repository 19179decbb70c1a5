/** The engines that can train (core/backend.ts) and how the page names them. */
export type EngineName = 'js' | 'wasm';

export const ENGINE_LABELS: Readonly<Record<EngineName, string>> = {
  js: 'JavaScript',
  wasm: 'WebAssembly SIMD',
};
