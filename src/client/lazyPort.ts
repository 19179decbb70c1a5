/**
 * A port whose client is fetched the first time it starts. The gallery's pool and the baseline's
 * client are chunks of their own: every visit trains, few open the views that use them. A start or
 * stop made while the chunk loads is applied when it arrives (the latest one wins); a chunk that cannot
 * load (offline before it was ever fetched) is reported, and the next start tries again.
 */
interface Startable<A extends unknown[]> {
  start(...args: A): void;
  stop(): void;
}

export function lazyPort<A extends unknown[]>(
  load: () => Promise<Startable<A>>,
  onError: (message: string) => void,
): Startable<A> {
  let client: Startable<A> | null = null;
  let loading = false;
  let wanted: A | null = null;
  return {
    start(...args: A) {
      wanted = args;
      if (client) {
        client.start(...args);
        return;
      }
      if (loading) return;
      loading = true;
      load().then(
        (c) => {
          client = c;
          loading = false;
          if (wanted) c.start(...wanted);
        },
        (err: unknown) => {
          loading = false;
          if (wanted) onError(err instanceof Error ? err.message : String(err));
        },
      );
    },
    stop() {
      wanted = null;
      client?.stop();
    },
  };
}
