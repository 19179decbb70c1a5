/**
 * A part of the page whose code is a chunk of its own, loaded on first use. If the chunk cannot be
 * fetched (offline before it was ever cached), the part says so and offers to try again instead of
 * taking the whole page down. React.lazy keeps a failed load, so trying again makes a new one.
 */
import { Component, type ComponentType, lazy, type ReactNode, Suspense, useState } from 'react';

class ChunkLoadError extends Error {}

interface BoundaryProps {
  what: string;
  retry: () => void;
  children: ReactNode;
}

class Boundary extends Component<BoundaryProps, { error: Error | null }> {
  override state: { error: Error | null } = { error: null };

  static getDerivedStateFromError(error: Error) {
    return { error };
  }

  override render() {
    const { error } = this.state;
    if (!error) return this.props.children;
    // Only a failed fetch is caught here; a fault of the part itself is not dressed up as one.
    if (!(error instanceof ChunkLoadError)) throw error;
    return (
      <div className="chunk-error" role="alert">
        <p>
          {this.props.what} could not be loaded ({error.message}). Check the connection and try again.
        </p>
        <button type="button" onClick={this.props.retry}>
          Try again
        </button>
      </div>
    );
  }
}

export function lazyChunk<P extends object>(
  what: string,
  load: () => Promise<ComponentType<P>>,
): ComponentType<P & { loading: ReactNode }> {
  // React 18's types do not pass a generic P through lazy; the component is P's.
  const make = () =>
    lazy(() =>
      load().then(
        (c) => ({ default: c }),
        (err: unknown) => {
          throw new ChunkLoadError(err instanceof Error ? err.message : String(err));
        },
      ),
    ) as unknown as ComponentType<P>;
  let Lazy = make();
  // biome-ignore lint/correctness/noComponentHookFactories: called once per chunk at module level, as React.lazy is
  return function Chunk({ loading, ...props }: P & { loading: ReactNode }) {
    const [attempt, setAttempt] = useState(0);
    const retry = () => {
      Lazy = make();
      setAttempt((n) => n + 1);
    };
    return (
      <Boundary key={attempt} what={what} retry={retry}>
        <Suspense fallback={loading}>
          <Lazy {...(props as P)} />
        </Suspense>
      </Boundary>
    );
  };
}
