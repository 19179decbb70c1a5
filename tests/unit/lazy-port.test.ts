import { describe, expect, it } from 'vitest';
import { lazyPort } from '../../src/client/lazyPort';

/** A client that records its calls, and a loader the test resolves or rejects when it likes. */
function setup() {
  const calls: string[] = [];
  const client = {
    start: (n: number) => calls.push(`start ${n}`),
    stop: () => calls.push('stop'),
  };
  const loads: { resolve: (c: typeof client) => void; reject: (e: Error) => void }[] = [];
  const errors: string[] = [];
  const port = lazyPort(
    () => new Promise<typeof client>((resolve, reject) => loads.push({ resolve, reject })),
    (m) => errors.push(m),
  );
  return { calls, client, loads, errors, port };
}

const settle = () => new Promise<void>((r) => queueMicrotask(r));

describe('a port whose client is fetched on its first start', () => {
  it('loads nothing until started, loads once, and applies the latest start when the client arrives', async () => {
    const { calls, client, loads, port } = setup();
    port.stop();
    expect(loads).toHaveLength(0);
    port.start(1);
    port.start(2);
    expect(loads).toHaveLength(1);
    loads[0]!.resolve(client);
    await settle();
    expect(calls).toEqual(['start 2']);
    port.stop();
    port.start(3);
    expect(calls).toEqual(['start 2', 'stop', 'start 3']);
    expect(loads).toHaveLength(1);
  });

  it('does not start a client that was stopped while it loaded', async () => {
    const { calls, client, loads, port } = setup();
    port.start(1);
    port.stop();
    loads[0]!.resolve(client);
    await settle();
    expect(calls).toEqual([]);
  });

  it('reports a chunk that cannot load, and tries again on the next start', async () => {
    const { calls, client, loads, errors, port } = setup();
    port.start(1);
    loads[0]!.reject(new Error('offline'));
    await settle();
    expect(errors).toEqual(['offline']);
    port.start(2);
    expect(loads).toHaveLength(2);
    loads[1]!.resolve(client);
    await settle();
    expect(calls).toEqual(['start 2']);
  });
});
