/**
 * A 2-D context that records what is drawn (calls, and the style and line width at each fill or stroke).
 * createImageData gives a plain { width, height, data } that putImageData records as it is.
 */
export interface Call {
  name: string;
  args: unknown[];
  strokeStyle?: unknown;
  fillStyle?: unknown;
  lineWidth?: unknown;
}

/** A gradient's colour stops are not recorded; one function, so equal drawings compare equal. */
const ignore = () => {};

export function recordingContext(
  width = 400,
  height = 300,
): { ctx: CanvasRenderingContext2D; calls: Call[] } {
  const calls: Call[] = [];
  const state: Record<string, unknown> = {
    strokeStyle: '#000',
    fillStyle: '#000',
    lineWidth: 1,
    canvas: { width, height, dataset: {} },
  };
  const ctx = new Proxy(state, {
    get(target, prop: string) {
      if (prop in target) return target[prop];
      return (...args: unknown[]) => {
        const call: Call = { name: prop, args };
        if (prop === 'stroke' || prop === 'fill' || prop === 'strokeRect' || prop === 'fillRect') {
          call.strokeStyle = target.strokeStyle;
          call.fillStyle = target.fillStyle;
          call.lineWidth = target.lineWidth;
        }
        calls.push(call);
        if (prop === 'measureText') return { width: 6 * String(args[0]).length };
        if (prop === 'createLinearGradient') return { gradient: args, addColorStop: ignore };
        if (prop === 'createImageData') {
          const [w, h] = args as [number, number];
          return { width: w, height: h, data: new Uint8ClampedArray(4 * w * h) };
        }
        return undefined;
      };
    },
    set(target, prop: string, value) {
      target[prop] = value;
      return true;
    },
  }) as unknown as CanvasRenderingContext2D;
  return { ctx, calls };
}
