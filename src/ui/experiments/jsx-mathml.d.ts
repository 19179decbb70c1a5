/** MathML Core elements for JSX (React renders them in the MathML namespace; @types/react lacks them). */
import type { Attributes, HTMLAttributes } from 'react';

interface MathMLProps extends HTMLAttributes<Element>, Attributes {
  display?: 'block' | 'inline';
  mathvariant?: 'normal';
  stretchy?: 'true' | 'false';
  form?: 'prefix' | 'infix' | 'postfix';
  lspace?: string;
  rspace?: string;
  width?: string;
}

declare module 'react' {
  namespace JSX {
    interface IntrinsicElements {
      math: MathMLProps;
      mrow: MathMLProps;
      mi: MathMLProps;
      mo: MathMLProps;
      mn: MathMLProps;
      mtext: MathMLProps;
      mspace: MathMLProps;
      msqrt: MathMLProps;
      msub: MathMLProps;
      msup: MathMLProps;
      msubsup: MathMLProps;
      mfrac: MathMLProps;
      munder: MathMLProps;
      munderover: MathMLProps;
    }
  }
}
