import { describe, expect, it } from 'vitest';
import { edgeAt, layoutDiagram } from '../../src/render/diagram';

describe('picking a link of the network diagram', () => {
  const d = layoutDiagram([2, 20, 2], 440, 320);
  const [a, b, c] = d.layers as [(typeof d.layers)[0], (typeof d.layers)[0], (typeof d.layers)[0]];
  const along = (x1: number, y1: number, x2: number, y2: number, t: number) => ({
    x: x1 + t * (x2 - x1),
    y: y1 + t * (y2 - y1),
  });

  it('finds the link under the point, within the tolerance only', () => {
    const p = along(b.x, b.ys[3]!, c.x, c.ys[1]!, 0.2);
    expect(edgeAt(d, p.x, p.y, 4)).toEqual({ layer: 1, from: 3, to: 1 });
    const q = along(a.x, a.ys[1]!, b.x, b.ys[14]!, 0.5);
    expect(edgeAt(d, q.x, q.y + 3, 4)).toEqual({ layer: 0, from: 1, to: 14 });
    expect(edgeAt(d, q.x, q.y + 30, 4)).toBeNull();
  });

  it('leaves the nodes to their buttons and the undrawn units out', () => {
    expect(edgeAt(d, b.x, b.ys[5]!, 6)).toBeNull();
    expect(b.units).toHaveLength(15);
    // Every pick names a drawn unit (the 16th and later are "+5 more").
    for (let x = 0; x < 440; x += 7) {
      for (let y = 0; y < 320; y += 7) {
        const ref = edgeAt(d, x, y, 6);
        if (ref) expect(d.layers[ref.layer + 1]!.units).toContain(ref.to);
      }
    }
  });
});
