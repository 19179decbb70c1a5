/** Play/pause, one step, reset, and the speed from slow motion to flat out. */
import { TIMELAPSE } from '../../protocol/training';
import { useStore } from '../../state/react';
import { RangeControl } from '../controls/RangeControl';
import { fmtSpeed } from '../format';
import type { SliderScale } from '../sliderScales';

/** Steady speeds, then the time-lapse, then flat out: one step from either to the other. */
export const SPEEDS = [
  1,
  2,
  5,
  10,
  20,
  50,
  100,
  200,
  500,
  1000,
  2000,
  5000,
  10000,
  TIMELAPSE,
  Number.POSITIVE_INFINITY,
];
const LAPSE_POS = SPEEDS.indexOf(TIMELAPSE);

const SPEED_SCALE: SliderScale = {
  positions: SPEEDS.length - 1,
  toPos: (v) => {
    if (v === TIMELAPSE) return LAPSE_POS;
    const i = SPEEDS.findIndex((s) => s !== TIMELAPSE && s >= v);
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
        help="Passes per second, from one pass at a time to flat out. Time-lapse plays each run slowly at first, so you can watch the boundary form, then faster and faster."
      />
    </section>
  );
}
