/**
 * Small builders for hand-written MathML (rendered by the browser, no math library): a variable with
 * an index, an operator, a fraction. Indices may be numbers or short expressions such as "k−1".
 */
import type { ReactNode } from 'react';

type Index = ReactNode;

/** An identifier, upright when `upright` (function names such as tanh). */
export function V({ children, upright }: { children: ReactNode; upright?: boolean }) {
  return upright ? <mi mathvariant="normal">{children}</mi> : <mi>{children}</mi>;
}

export function O({ children }: { children: ReactNode }) {
  return <mo>{children}</mo>;
}

export function Num({ children }: { children: ReactNode }) {
  return <mn>{children}</mn>;
}

/** An index as MathML: numbers as <mn>, anything else as given. */
function index(i: Index) {
  return typeof i === 'number' ? <mn>{i}</mn> : typeof i === 'string' ? <mi>{i}</mi> : i;
}

/** `name` with subscript `sub` and optional superscript `sup` (e.g. W₁ᵀ). */
export function S({ name, sub, sup }: { name: ReactNode; sub?: Index; sup?: Index }) {
  const base = typeof name === 'string' ? <mi>{name}</mi> : name;
  if (sub === undefined)
    return (
      <msup>
        {base}
        {index(sup)}
      </msup>
    );
  if (sup === undefined)
    return (
      <msub>
        {base}
        {index(sub)}
      </msub>
    );
  return (
    <msubsup>
      {base}
      {index(sub)}
      {index(sup)}
    </msubsup>
  );
}

export function Frac({ num, den }: { num: ReactNode; den: ReactNode }) {
  return (
    <mfrac>
      <mrow>{num}</mrow>
      <mrow>{den}</mrow>
    </mfrac>
  );
}

/** A block formula with an accessible text for screen readers that read MathML poorly. */
export function Formula({ children, label }: { children: ReactNode; label?: string }) {
  return (
    <math display="block" aria-label={label}>
      <mrow>{children}</mrow>
    </math>
  );
}
