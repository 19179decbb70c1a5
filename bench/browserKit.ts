/**
 * What the browser benchmarks share: building the site into bench/.out/site (so a concurrent
 * `npm run build` into dist/ cannot change it mid-run), its gzipped JavaScript, the machine and its
 * load, and small statistics.
 */
import { execSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';

/**
 * Builds the site with the project's Vite config into bench/.out/<name>, unless `reuse` and a build is
 * there. The benchmark and the soak use different directories, so one may run while the other builds.
 */
export async function buildSite(reuse: boolean, name = 'site'): Promise<string> {
  const dir = join('bench', '.out', name);
  if (reuse && existsSync(join(dir, 'index.html'))) return dir;
  await build({ logLevel: 'warn', build: { outDir: dir, emptyOutDir: true } });
  return dir;
}

export interface JsFile {
  name: string;
  bytes: number;
  gzip: number;
}

/**
 * Every JavaScript and WebAssembly file of the built site (page, lazy chunks, worker, service worker,
 * the engine's module), gzipped at level 9.
 */
export function jsFiles(site: string): JsFile[] {
  const out: JsFile[] = [];
  const walk = (dir: string, prefix: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, e.name);
      if (e.isDirectory()) walk(path, `${prefix}${e.name}/`);
      else if (e.name.endsWith('.js') || e.name.endsWith('.wasm')) {
        const body = readFileSync(path);
        out.push({
          name: `${prefix}${e.name}`,
          bytes: body.length,
          gzip: gzipSync(body, { level: 9 }).length,
        });
      }
    }
  };
  walk(site, '');
  return out.sort((a, b) => b.gzip - a.gzip);
}

/** The machine and what else runs on it (the benchmarks share 2 cores with other work). */
export function machine(): string {
  const cpu = cpus();
  const load = loadavg()
    .map((x) => x.toFixed(2))
    .join(', ');
  return `${cpu.length} x ${cpu[0]?.model ?? 'unknown CPU'}; load average ${load}`;
}

/** The busiest other processes now, for the report (`ps`, best effort). */
export function busiest(count = 4): string[] {
  try {
    const ps = execSync('ps -eo pcpu=,args= --sort=-pcpu', { encoding: 'utf8' });
    return ps
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l !== '' && !l.includes('ps -eo'))
      .slice(0, count)
      .map((l) => (l.length > 100 ? `${l.slice(0, 97)}...` : l));
  } catch {
    return [];
  }
}

export function quantile(xs: readonly number[], q: number): number {
  if (xs.length === 0) return Number.NaN;
  const s = [...xs].sort((a, b) => a - b);
  const i = Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1));
  return s[i]!;
}

export const median = (xs: readonly number[]) => quantile(xs, 0.5);

export function delay(ms: number): Promise<void> {
  return new Promise((ok) => setTimeout(ok, ms));
}
