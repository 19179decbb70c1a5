/** The gallery's list of hidden sizes, typed as "1, 2, 3, 20"; applied on Enter or with the button. */
import { type FormEvent, useId, useState } from 'react';
import { parseSizes, TUTORIAL_SIZES } from '../../config/gallery';

export function SizesForm({
  sizes,
  onChange,
}: {
  sizes: readonly number[];
  onChange: (s: number[]) => void;
}) {
  const id = useId();
  const [text, setText] = useState(sizes.join(', '));
  const [error, setError] = useState<string | null>(null);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const r = parseSizes(text);
    setError(r.error ?? null);
    if (r.sizes) {
      setText(r.sizes.join(', '));
      onChange(r.sizes);
    }
  };
  const reset = () => {
    setText(TUTORIAL_SIZES.join(', '));
    setError(null);
    onChange([...TUTORIAL_SIZES]);
  };
  return (
    <form className="sizes-form" onSubmit={submit}>
      <label className="sizes-label" htmlFor={id}>
        Hidden sizes
      </label>
      <input
        id={id}
        type="text"
        inputMode="numeric"
        autoComplete="off"
        spellCheck={false}
        value={text}
        aria-invalid={error ? true : undefined}
        aria-describedby={`${id}-msg`}
        onChange={(e) => setText(e.currentTarget.value)}
      />
      <button type="submit">Train these sizes</button>
      <button type="button" onClick={reset}>
        Tutorial’s sizes
      </button>
      <p id={`${id}-msg`} className={error ? 'form-error' : 'form-hint'} role={error ? 'alert' : undefined}>
        {error ?? 'Units per hidden layer for each tile: whole numbers from 1 to 512, separated by commas.'}
      </p>
    </form>
  );
}
