/** Command-line arguments of the headless trainer. Returns an error string instead of throwing. */
export interface TrainArgs {
  query: string;
  every: number;
  json: boolean;
  /** The engine asked for; null: WebAssembly where it runs, else JavaScript. */
  engine: 'js' | 'wasm' | null;
}

export const USAGE = `usage: npm run --silent train -- [QUERY] [--every K] [--json] [--engine js|wasm]
  QUERY    a query string (hidden=5&lr=0.02) or a whole share URL; defaults to the tutorial
  --every  print the loss every K passes (default 1000)
  --json   print one JSON object: config, engine, losses, accuracy, testAccuracy, weights, data;
           for regression (data=plane or gauss): task, losses, r2, testR2, weights, data (X, t), predictions
  --engine js or wasm (WebAssembly SIMD, the default where it runs); both give the same bits
  --help   print this and exit`;

export function parseArgs(argv: readonly string[]): TrainArgs | { error: string } | { help: true } {
  const out: TrainArgs = { query: '', every: 1000, json: false, engine: null };
  let sawQuery = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--json') out.json = true;
    else if (a === '--every' || a.startsWith('--every=')) {
      const raw = a === '--every' ? argv[++i] : a.slice('--every='.length);
      if (raw === undefined || !/^\d+$/.test(raw) || Number(raw) < 1 || Number(raw) > 1e9) {
        return { error: `--every needs a whole number of passes of at least 1, got ${raw ?? 'nothing'}` };
      }
      out.every = Number(raw);
    } else if (a === '--engine' || a.startsWith('--engine=')) {
      const raw = a === '--engine' ? argv[++i] : a.slice('--engine='.length);
      if (raw !== 'js' && raw !== 'wasm')
        return { error: `--engine takes js or wasm, got ${raw ?? 'nothing'}` };
      out.engine = raw;
    } else if (a === '--help' || a === '-h') return { help: true };
    else if (a.startsWith('-') && !a.includes('=')) return { error: `unknown option ${a}` };
    else if (sawQuery) return { error: `one query only; got a second: ${a}` };
    else {
      out.query = a;
      sawQuery = true;
    }
  }
  return out;
}
