/**
 * The input features: one toggle button per feature (aria-pressed), in the order the network takes
 * them. The last feature left on cannot be turned off (a network needs an input).
 */
import { useId } from 'react';
import { INPUTS } from '../../config/schema';
import { useStore } from '../../state/react';
import { HelpButton, HelpText, useHelp } from './Help';

export function InputsSetting() {
  const inputs = useStore((s) => s.config.inputs);
  const toggleInput = useStore((s) => s.toggleInput);
  const id = useId();
  const helpId = `${id}-help`;
  const about = useHelp();
  return (
    <fieldset className="control inputs-setting" aria-describedby={helpId}>
      <legend className="inputs-legend">{INPUTS.label}</legend>
      <div className="toggle-row">
        {INPUTS.options.map((f) => {
          const on = inputs.includes(f);
          return (
            <button
              key={f}
              type="button"
              className="toggle"
              aria-pressed={on}
              disabled={on && inputs.length === 1}
              onClick={() => toggleInput(f)}
            >
              {INPUTS.optionLabels[f]}
            </button>
          );
        })}
        <HelpButton topic={INPUTS.label} open={about.open} onToggle={about.toggle} controls={helpId} />
      </div>
      <HelpText id={helpId} open={about.open}>
        {INPUTS.help}
      </HelpText>
    </fieldset>
  );
}
