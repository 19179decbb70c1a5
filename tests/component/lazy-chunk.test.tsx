// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { Component, type ReactNode } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { lazyChunk } from '../../src/ui/lazyChunk';

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

function Broken(): never {
  throw new Error('a bug');
}

function Part({ word }: { word: string }) {
  return <p>part says {word}</p>;
}

describe('a part of the page loaded as a chunk of its own', () => {
  it('shows its loading text, then the part', async () => {
    const Chunk = lazyChunk('The part', () => Promise.resolve(Part));
    render(<Chunk word="hello" loading={<p>Loading…</p>} />);
    expect(screen.getByText('Loading…')).toBeTruthy();
    expect(await screen.findByText('part says hello')).toBeTruthy();
  });

  it('says so when the chunk cannot be fetched, keeps the rest of the page, and tries again on request', async () => {
    // React reports the caught error on the console.
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    let fail = true;
    const load = vi.fn(() => (fail ? Promise.reject(new Error('Failed to fetch')) : Promise.resolve(Part)));
    const Chunk = lazyChunk('The part', load);
    render(
      <main>
        <h1>The rest of the page</h1>
        <Chunk word="again" loading={<p>Loading…</p>} />
      </main>,
    );
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('The part could not be loaded (Failed to fetch)');
    expect(screen.getByText('The rest of the page')).toBeTruthy();
    fail = false;
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByText('part says again')).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();
    expect(load).toHaveBeenCalledTimes(2);
  });

  it('does not present a fault of the part itself as a failed fetch: it reaches the boundary above', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const Chunk = lazyChunk('The part', () => Promise.resolve(Broken));
    render(
      <Outer>
        <Chunk loading={<p>Loading…</p>} />
      </Outer>,
    );
    expect(await screen.findByText('outer caught: a bug')).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();
  });
});

class Outer extends Component<{ children: ReactNode }, { error: Error | null }> {
  override state: { error: Error | null } = { error: null };
  static getDerivedStateFromError(error: Error) {
    return { error };
  }
  override render() {
    return this.state.error ? <p>outer caught: {this.state.error.message}</p> : this.props.children;
  }
}
