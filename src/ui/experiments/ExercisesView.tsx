/**
 * The tutorial's exercises as cards: what each asks, the setting that does it, and buttons that load
 * a preset into the playground (the store changes, so the URL follows and the link reproduces it).
 */
import { useId } from 'react';
import { encodeConfig } from '../../config/url';
import { useStoreApi } from '../../state/react';
import { EXERCISES, type Exercise, presetConfig } from './exercises';
import { isPlainClick } from './links';

function Card({ ex }: { ex: Exercise }) {
  const store = useStoreApi();
  const id = useId();
  return (
    <article className="exercise" aria-labelledby={id}>
      <h3 id={id}>{ex.title}</h3>
      <p>{ex.text}</p>
      <p className="exercise-setting">
        Setting: <b>{ex.setting}</b>
      </p>
      <div className="button-row">
        {ex.presets.map((p) => (
          <a
            key={p.label}
            className="button"
            href={`?${encodeConfig(presetConfig(p))}`}
            onClick={(e) => {
              if (!isPlainClick(e)) return;
              e.preventDefault();
              const s = store.getState();
              s.setConfig(presetConfig(p));
              s.setView('playground');
            }}
          >
            {p.label}
          </a>
        ))}
      </div>
    </article>
  );
}

export default function ExercisesView() {
  return (
    <div className="exercises-view">
      <p className="view-intro">
        The tutorial ends with five exercises; each is a setting here. A button loads a configuration that
        shows it into the playground, and its link is that configuration.
      </p>
      <div className="exercise-list">
        {EXERCISES.map((ex) => (
          <Card key={ex.id} ex={ex} />
        ))}
      </div>
    </div>
  );
}
