/** Play/pause, one step, reset, and the speed from slow motion to flat out. */
import { useStore } from '../../state/react';
import { RangeControl } from '../controls/RangeControl';
import { fmtSpeed } from '../format';
import type { SliderScale } from '../sliderScales';

export const SPEEDS = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10000, Number.POSITIVE_INFINITY];

const SPEED_SCALE: SliderScale = {
  positions: SPEEDS.length - 1,
  toPos: (v) => {
    const i = SPEEDS.findIndex((s) => s >= v);
    return i < 0 ? SPEEDS.length - 1 : i;
  },
  fromPos: (p) => SPEEDS[Math.max(0, Math.min(SPEEDS.length - 1, Math.round(p)))]!,
};

export function PlaybackPanel() {
  const playing = useStore((s) => s.playing);
  const ended = useStore((s) => {
    const st = s.frame?.state;
    return s.frame?.gen === s.gen && (st === 'finished' || st === 'converged' || st === 'diverged');
  });
  const speed = useStore((s) => s.speed);
  const setPlaying = useStore((s) => s.setPlaying);
  const step = useStore((s) => s.step);
  const reset = useStore((s) => s.reset);
  const setSpeed = useStore((s) => s.setSpeed);
  return (
    <section className="playback" aria-label="Playback">
      <div className="button-row">
        <button type="button" className="primary" onClick={() => setPlaying(!playing)} disabled={ended}>
          {playing && !ended ? 'Pause' : 'Play'}
        </button>
        <button type="button" onClick={() => void step()} disabled={ended}>
          Step
        </button>
        <button type="button" onClick={reset}>
          Reset
        </button>
      </div>
      <RangeControl
        label="Speed"
        value={speed}
        scale={SPEED_SCALE}
        format={fmtSpeed}
        onChange={setSpeed}
        help="Passes per second: from slow motion, one pass at a time, to flat out."
      />
    </section>
  );
}
