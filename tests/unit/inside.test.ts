import { describe, expect, it } from 'vitest';
import { paramCount } from '../../src/config/derived';
import { ACTIVATIONS, type Activation } from '../../src/config/schema';
import { Forward } from '../../src/core/forward';
import { initParams, type Params } from '../../src/core/network';
import { RandomState } from '../../src/core/rng';
import {
  defaultHidden,
  nodeCounts,
  spaceLayers,
  validHidden,
  validUnit,
} from '../../src/protocol/inspectSpec';
import { classRgb } from '../../src/render/colors';
import {
  diagramEdges,
  edgeStyle,
  layoutDiagram,
  MAX_NODES,
  NEGATIVE,
  POSITIVE,
} from '../../src/render/diagram';
import { boundingCube, PITCH, project3, squareDomains, toPlane, YAW } from '../../src/render/hiddenSpace';
import { paintNodeAtlas, tileCount } from '../../src/render/nodeFields';
import { pointProbs } from '../../src/render/pointProbs';
import { dataToPixel, gridProbs, pixelToData } from '../../src/render/probe';
import { paintUnitField, valueRange } from '../../src/render/unitField';
import { Inspector, LINE_SAMPLES, NODE_GRID, UNIT_GRID } from '../../src/worker/inspect';

const BOX = { x0: -1.5, x1: 2.5, y0: -1, y1: 1.5 };

function net(sizes: number[], act: Activation = 'tanh', seed = 3): Params {
  const p = initParams(sizes, act, new RandomState(seed));
  // Non-zero biases, so that a mix-up of W and b would show.
  p.b.forEach((b, l) => {
    for (let j = 0; j < b.length; j++) b[j] = 0.1 * (j + 1) * (l % 2 ? -1 : 1);
  });
  return p;
}

function randomPoints(n: number, seed = 7): Float64Array {
  const rng = new RandomState(seed);
  return Float64Array.from({ length: 2 * n }, () => rng.randn());
}

/** Layer `layer`'s activations of one point, straight from core's forward pass. */
function direct(p: Params, x: number, y: number, layer: number): Float64Array {
  const f = new Forward(p.sizes, 1);
  f.run(p, new Float64Array([x, y]), 1, null);
  return f.acts[layer]!;
}

describe('the hidden space, computed in the worker', () => {
  it('puts each point where a direct forward pass puts it, for 2 and 3 units of any layer', () => {
    const p = net([2, 5, 3, 2], 'tanh');
    const X = randomPoints(300);
    const inspector = new Inspector(p.sizes);
    for (const spec of [
      { layer: 1, units: [4, 1] },
      { layer: 2, units: [0, 1, 2] },
    ]) {
      const frame = inspector.hiddenSpace(p, spec, X, 300, BOX)!;
      expect(frame.shown).toBe(300);
      const k = spec.units.length;
      for (const i of [0, 1, 150, 299]) {
        const a = direct(p, X[2 * i]!, X[2 * i + 1]!, spec.layer);
        spec.units.forEach((u, j) => {
          expect(frame.points[i * k + j]).toBeCloseTo(a[u]!, 6);
        });
      }
    }
  });

  it('maps straight lines of the box: vertical lines first, then horizontal ones', () => {
    const p = net([2, 4, 2], 'relu');
    const frame = new Inspector(p.sizes).hiddenSpace(
      p,
      { layer: 1, units: [2, 3] },
      randomPoints(10),
      10,
      BOX,
    )!;
    const { lineCount, samples, lines } = frame;
    expect(lineCount).toBe(22);
    expect(lines.length).toBe(lineCount * samples * 2);
    const check = (line: number, s: number, x: number, y: number) => {
      const a = direct(p, x, y, 1);
      const r = line * samples + s;
      expect(lines[2 * r]).toBeCloseTo(a[2]!, 6);
      expect(lines[2 * r + 1]).toBeCloseTo(a[3]!, 6);
    };
    // The first vertical line is x = x0, from y0 up; the last horizontal line is y = y1, from x0 right.
    check(0, 0, BOX.x0, BOX.y0);
    check(0, samples - 1, BOX.x0, BOX.y1);
    check(lineCount - 1, 0, BOX.x0, BOX.y1);
    check(lineCount - 1, samples - 1, BOX.x1, BOX.y1);
  });

  it("gives a unit's field at the cell centres of the box, row 0 at the top", () => {
    const p = net([2, 6, 6, 3], 'sigmoid');
    const f = new Inspector(p.sizes).unitField(p, { layer: 2, unit: 5 }, BOX)!;
    expect(Math.max(f.width, f.height)).toBe(UNIT_GRID);
    expect(f.width / f.height).toBeCloseTo(4 / 2.5, 1);
    const cell = (i: number, j: number) =>
      direct(
        p,
        BOX.x0 + ((i + 0.5) * (BOX.x1 - BOX.x0)) / f.width,
        BOX.y1 - ((j + 0.5) * (BOX.y1 - BOX.y0)) / f.height,
        2,
      )[5]!;
    expect(f.values[0]).toBeCloseTo(cell(0, 0), 6);
    expect(f.values[f.width * f.height - 1]).toBeCloseTo(cell(f.width - 1, f.height - 1), 6);
    expect(f.values[3 * f.width + 7]).toBeCloseTo(cell(7, 3), 6);
  });

  it('refuses units and layers the network does not have', () => {
    const sizes = [2, 3, 1, 2];
    expect(validUnit(sizes, { layer: 1, unit: 2 })).toBe(true);
    expect(validUnit(sizes, { layer: 1, unit: 3 })).toBe(false);
    expect(validUnit(sizes, { layer: 3, unit: 0 })).toBe(false);
    expect(validUnit(sizes, { layer: 0, unit: 0 })).toBe(false);
    expect(validHidden(sizes, { layer: 1, units: [0, 0] })).toBe(false);
    expect(validHidden(sizes, { layer: 2, units: [0, 1] })).toBe(false);
    expect(spaceLayers(sizes)).toEqual([1]);
    expect(defaultHidden(sizes)).toEqual({ layer: 1, units: [0, 1, 2] });
    expect(defaultHidden([2, 1, 2])).toBeNull();
    expect(new Inspector([2, 3, 2]).unitField(net([2, 3, 2]), { layer: 2, unit: 0 }, BOX)).toBeNull();
  });

  it('samples fewer rows for costly networks, more than none', () => {
    const p = net([2, 100, 100, 100, 2], 'tanh');
    expect(paramCount(p.sizes)).toBeLessThan(50000);
    const X = randomPoints(2000);
    const frame = new Inspector(p.sizes).hiddenSpace(p, { layer: 3, units: [0, 1] }, X, 2000, BOX)!;
    expect(frame.shown).toBeLessThan(2000);
    expect(frame.shown).toBeGreaterThanOrEqual(100);
    expect(frame.samples).toBeGreaterThanOrEqual(5);
    expect(frame.samples).toBeLessThan(LINE_SAMPLES);
    // The frame says how its lines are laid out: the last sample of the last line is the box's corner.
    expect(frame.lines.length).toBe(frame.lineCount * frame.samples * 2);
    const last = frame.lineCount * frame.samples - 1;
    const a = direct(p, BOX.x1, BOX.y1, 3);
    expect(frame.lines[2 * last]).toBeCloseTo(a[0]!, 6);
    expect(frame.lines[2 * last + 1]).toBeCloseTo(a[1]!, 6);
  });
});

describe('the 3-D view', () => {
  it('turns and tilts by the fixed angles', () => {
    const out = new Float64Array(6);
    project3([1, 0, 0, 0, 0, 1], 2, out);
    expect(out[0]).toBeCloseTo(Math.cos(YAW), 12);
    expect(out[1]).toBeCloseTo(Math.sin(PITCH) * Math.sin(YAW), 12);
    expect(out[2]).toBeCloseTo(0, 12);
    expect(out[3]).toBeCloseTo(Math.cos(PITCH), 12);
    expect(Array.from(toPlane([1, 2, 3, 4], 2, 2))).toEqual([1, 2, 3, 4]);
  });

  it("frames every row in a cube and keeps the plane's scales equal", () => {
    const frame = {
      layer: 1,
      units: [0, 1, 2],
      shown: 2,
      points: new Float32Array([-1, 0, 2, 1, 3, -2]),
      lineCount: 0,
      samples: 0,
      lines: new Float32Array(0),
    };
    const cube = boundingCube(frame);
    expect(Array.from(cube.slice(0, 3))).toEqual([-1, 0, -2]);
    expect(Array.from(cube.slice(21, 24))).toEqual([1, 3, 2]);
    const d = squareDomains({ x0: 0, x1: 2, y0: 0, y1: 1 }, { x: 0, y: 0, w: 400, h: 100 });
    expect((d.x[1] - d.x[0]) / 400).toBeCloseTo((d.y[1] - d.y[0]) / 100, 12);
    expect(d.y[1] - d.y[0]).toBeGreaterThan(1);
  });
});

describe('the probability readout', () => {
  it('gives the forward pass of core for every activation', () => {
    for (const act of ACTIVATIONS) {
      const p = net([2, 4, 3, 3], act, 11);
      const f = new Forward(p.sizes, 1);
      f.run(p, new Float64Array([0.3, -0.7]), 1, null);
      const probs = pointProbs(p, 0.3, -0.7);
      expect(probs.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
      probs.forEach((q, c) => {
        expect(q).toBeCloseTo(f.probs[c]!, 12);
      });
    }
  });

  it('maps pixels to data and back, and nothing outside the plot area', () => {
    const p = pixelToData(200, 120, 400, 300, BOX)!;
    const back = dataToPixel(p, 400, 300, BOX);
    expect(back.x).toBeCloseTo(200, 9);
    expect(back.y).toBeCloseTo(120, 9);
    expect(pixelToData(2, 120, 400, 300, BOX)).toBeNull();
  });

  it('reads the grid cell under a point when there are no weights', () => {
    const probs = new Float32Array(2 * 4 * 2);
    probs[4 * 2 + 3] = 0.9; // class 1, row 0 (top), column 3
    const grid = { width: 4, height: 2, classes: 2, box: { x0: 0, x1: 4, y0: 0, y1: 2 }, probs };
    expect(gridProbs(grid, 3.5, 1.5)?.[1]).toBeCloseTo(0.9, 6);
    expect(gridProbs(grid, 5, 1)).toBeNull();
  });
});

describe('the network diagram', () => {
  it('draws at most 16 nodes a layer, with a "+N more" for the rest', () => {
    const d = layoutDiagram([2, 40, 16, 3], 440, 320);
    expect(d.layers.map((l) => l.units.length)).toEqual([2, MAX_NODES - 1, MAX_NODES, 3]);
    expect(d.layers.map((l) => l.more)).toEqual([0, 25, 0, 0]);
    for (const l of d.layers) for (const y of l.ys) expect(y).toBeLessThan(320);
  });

  it('gives each edge its weight W[l][i][j] and styles it by sign and size', () => {
    const p = net([2, 3, 2]);
    const edges = diagramEdges(layoutDiagram(p.sizes, 440, 320), p);
    expect(edges).toHaveLength(2 * 3 + 3 * 2);
    const e = edges.find((x) => x.key === '1:2:1')!;
    expect(e.weight).toBe(p.W[1]![2 * 2 + 1]);
    expect(edgeStyle(-2, 2)).toEqual({ color: NEGATIVE, width: 5, opacity: 1 });
    expect(edgeStyle(0.5, 2).color).toBe(POSITIVE);
    expect(edgeStyle(0.5, 2).width).toBeLessThan(5);
    expect(edgeStyle(Number.NaN, 2).width).toBe(0.5);
  });
});

describe("a unit's field as pixels", () => {
  it('is white at 0, blue at the largest value, orange at the most negative, grey where not finite', () => {
    const frame = {
      layer: 1,
      unit: 0,
      width: 4,
      height: 1,
      box: BOX,
      values: new Float32Array([0, 2, -2, Number.NaN]),
    };
    const out = new Uint8ClampedArray(16);
    paintUnitField(frame, out);
    expect(Array.from(out.slice(0, 3))).toEqual([255, 255, 255]);
    expect(Array.from(out.slice(4, 7))).toEqual([0x21, 0x66, 0xac]);
    expect(Array.from(out.slice(8, 11))).toEqual([0xe0, 0x82, 0x14]);
    expect(Array.from(out.slice(12, 15))).toEqual([200, 200, 200]);
    expect(valueRange(frame.values)).toEqual([-2, 2]);
  });
});

describe("the diagram's node heatmaps, computed in the worker", () => {
  it('give every drawn unit of every layer its value at the cell centres: inputs, activations, probabilities', () => {
    const p = net([2, 5, 4, 3], 'relu');
    const f = new Inspector(p.sizes).nodeFields(p, BOX);
    expect(Math.max(f.width, f.height)).toBe(NODE_GRID);
    expect(f.width / f.height).toBeCloseTo(4 / 2.5, 0);
    expect(f.counts).toEqual([2, 5, 4, 3]);
    const cells = f.width * f.height;
    expect(f.values).toHaveLength(14 * cells);
    const at = (i: number, j: number) => [
      BOX.x0 + ((i + 0.5) * (BOX.x1 - BOX.x0)) / f.width,
      BOX.y1 - ((j + 0.5) * (BOX.y1 - BOX.y0)) / f.height,
    ];
    // Tile k of layer l, unit u starts after the tiles of the layers before and the units before.
    const tile = (l: number, u: number) => f.counts.slice(0, l).reduce((a, b) => a + b, 0) + u;
    for (const [i, j] of [
      [0, 0],
      [f.width - 1, f.height - 1],
      [7, 3],
    ] as const) {
      const [x, y] = at(i, j) as [number, number];
      const cell = j * f.width + i;
      expect(f.values[tile(0, 0) * cells + cell]).toBeCloseTo(x, 6);
      expect(f.values[tile(0, 1) * cells + cell]).toBeCloseTo(y, 6);
      for (const l of [1, 2, 3]) {
        const a = direct(p, x, y, l);
        for (let u = 0; u < p.sizes[l]!; u++)
          expect(f.values[tile(l, u) * cells + cell]).toBeCloseTo(a[u]!, 6);
      }
    }
  });

  it('send the first 15 units of a layer wider than 16 (the diagram draws "+N more" for the rest)', () => {
    expect(nodeCounts([2, 40, 16, 3])).toEqual([2, 15, 16, 3]);
    const p = net([2, 40, 16, 3]);
    const f = new Inspector(p.sizes).nodeFields(p, BOX);
    expect(f.counts).toEqual(nodeCounts(p.sizes));
    expect(f.values).toHaveLength(36 * f.width * f.height);
    // The drawn units are the layout's.
    expect(layoutDiagram(p.sizes, 340, 300).layers.map((l) => l.units.length)).toEqual(f.counts);
  });

  it('cost one forward pass of at most 16 x 16 rows, fewer for costly networks', () => {
    const small = new Inspector([2, 3, 2]).nodeFields(net([2, 3, 2]), { x0: 0, x1: 1, y0: 0, y1: 1 });
    expect([small.width, small.height]).toEqual([NODE_GRID, NODE_GRID]);
    const p = net([2, 150, 150, 150, 2]);
    expect(paramCount(p.sizes)).toBeLessThan(50000);
    const big = new Inspector(p.sizes).nodeFields(p, { x0: 0, x1: 1, y0: 0, y1: 1 });
    expect(big.width).toBeLessThan(NODE_GRID);
    expect(big.width).toBeGreaterThanOrEqual(8);
  });

  it('paint inputs and hidden units orange-white-blue, and an output in its class colour by probability', () => {
    const frame = {
      width: 2,
      height: 1,
      box: BOX,
      counts: [1, 1, 2],
      values: new Float32Array([-1, 1, 0, 3, 0, 1, 1, 0.5]),
    };
    expect(tileCount(frame)).toBe(4);
    const out = new Uint8ClampedArray(4 * 2 * 4);
    paintNodeAtlas(frame, out);
    const px = (k: number) => Array.from(out.slice(4 * k, 4 * k + 3));
    expect(px(0)).toEqual([0xe0, 0x82, 0x14]);
    expect(px(1)).toEqual([0x21, 0x66, 0xac]);
    expect(px(2)).toEqual([255, 255, 255]);
    expect(px(3)).toEqual([0x21, 0x66, 0xac]);
    // Output unit 0 (class 0 of 2): white at probability 0, its colour at 1.
    expect(px(4)).toEqual([255, 255, 255]);
    expect(px(5)).toEqual([...classRgb(0)]);
    expect(px(6)).toEqual([...classRgb(1)]);
    const half = classRgb(1).map((c) => Math.round(255 + (c - 255) * 0.5));
    for (const [i, c] of px(7).entries()) expect(Math.abs(c - half[i]!)).toBeLessThanOrEqual(1);
    for (let k = 0; k < 8; k++) expect(out[4 * k + 3]).toBe(255);
  });
});

describe("the diagram's nodes", () => {
  it("keep the plot box's shape, within their column and their row", () => {
    const wide = layoutDiagram([2, 3, 2], 340, 300, 1.5);
    expect(wide.rx / wide.ry).toBeCloseTo(1.5, 6);
    const tall = layoutDiagram([2, 3, 2], 340, 300, 0.6);
    expect(tall.rx / tall.ry).toBeCloseTo(0.6, 6);
    for (const d of [wide, tall, layoutDiagram([2, 16, 16, 16, 16, 16, 2], 340, 300, 2)]) {
      expect(2 * d.ry).toBeLessThan(d.step);
      expect(2 * d.rx).toBeLessThan(d.layers[1]!.x - d.layers[0]!.x);
    }
  });
});
