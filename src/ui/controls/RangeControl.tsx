/**
 * A labelled native range input over a SliderScale: keyboard, touch and screen readers work as for any
 * slider. The visible label is the accessible name; the value is shown beside it and given to screen
 * readers as aria-valuetext (the input's own value is a position, not the setting).
 */
import { type KeyboardEvent, useId, useLayoutEffect, useRef } from 'react';
import type { SliderScale } from '../sliderScales';
import { HelpButton, HelpText, useHelp } from './Help';

export interface RangeControlProps {
  label: string;
  value: number;
  scale: SliderScale;
  format: (v: number) => string;
  onChange: (v: number) => void;
  help?: string;
  disabled?: boolean;
  /** Extra words after the value, e.g. why the control is disabled. */
  note?: string;
}

export function RangeControl({
  label,
  value,
  scale,
  format,
  onChange,
  help,
  disabled,
  note,
}: RangeControlProps) {
  const id = useId();
  const helpId = `${id}-help`;
  const about = useHelp();
  // The thumb is the browser's (an uncontrolled input): the rest of the page draws a change at most once
  // per frame (frameGate), and a controlled input would be put back to the value last drawn after each
  // event, losing a move back to it within the frame. It is moved here only when `value` changes.
  const input = useRef<HTMLInputElement>(null);
  const pos = scale.toPos(value);
  useLayoutEffect(() => {
    if (input.current && input.current.value !== String(pos)) input.current.value = String(pos);
  }, [pos]);
  // The value last set from here, so that two key presses within one frame step twice.
  const latest = useRef(value);
  latest.current = value;
  const text = format(value);
  const emit = (next: number) => {
    if (next === latest.current) return;
    latest.current = next;
    onChange(next);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    const next = scale.key?.(latest.current, e.key);
    if (next === undefined || next === null) return;
    e.preventDefault();
    emit(next);
  };
  return (
    <div className="control">
      <div className="control-head">
        <span className="control-name">
          <label htmlFor={id}>{label}</label>
          {help ? (
            <HelpButton topic={label} open={about.open} onToggle={about.toggle} controls={helpId} />
          ) : null}
        </span>
        <span className="value" aria-hidden="true">
          {text}
          {note ? <span className="note"> {note}</span> : null}
        </span>
      </div>
      <input
        id={id}
        type="range"
        min={0}
        max={scale.positions}
        step={1}
        ref={input}
        defaultValue={pos}
        aria-valuetext={text}
        aria-describedby={help ? helpId : undefined}
        disabled={disabled}
        onKeyDown={onKeyDown}
        onChange={(e) => emit(scale.fromPos(Number(e.currentTarget.value)))}
      />
      {help ? (
        <HelpText id={helpId} open={about.open}>
          {help}
        </HelpText>
      ) : null}
    </div>
  );
}
