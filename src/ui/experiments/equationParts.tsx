/** Pieces of the equations: index pairs, sums, function calls, the activations and the annealing schedules. */
import type { ReactNode } from 'react';
import type { Activation, Anneal } from '../../config/schema';
import { fmtNum } from '../format';
import { Frac, Num, O, S, V } from './mathml';

export const ACT_NAME: Record<Activation, string> = {
  tanh: 'tanh',
  sigmoid: 'σ',
  relu: 'ReLU',
  leaky: 'LReLU',
  linear: 'id',
};

export const T = <V upright>T</V>;
export const ic = (
  <mrow>
    <V>i</V>
    <V>c</V>
  </mrow>
);
export const ij = (
  <mrow>
    <V>i</V>
    <V>j</V>
  </mrow>
);
export const sumOver = (i: string) => (
  <munder>
    <O>∑</O>
    <V>{i}</V>
  </munder>
);
/** U+2061, function application: spaces a function name from its argument as MathML expects. */
export const APPLY = <O>{'\u2061'}</O>;

export const call = (f: ReactNode, arg: ReactNode) => (
  <>
    {f}
    <O>(</O>
    {arg}
    <O>)</O>
  </>
);

/** f(z) spelled out, and f′ written with a = f(z), as the code computes it. */
export function activation(act: Activation): { def: ReactNode; deriv: ReactNode } {
  const z = <V>z</V>;
  const a = <V>a</V>;
  const one = <Num>1</Num>;
  switch (act) {
    case 'tanh':
      return {
        def: call(<V>tanh</V>, z),
        deriv: (
          <>
            {one}
            <O>−</O>
            <S name="a" sup={2} />
          </>
        ),
      };
    case 'sigmoid':
      return {
        def: (
          <Frac
            num={one}
            den={
              <>
                {one}
                <O>+</O>
                <S
                  name="e"
                  sup={
                    <mrow>
                      <O>−</O>
                      {z}
                    </mrow>
                  }
                />
              </>
            }
          />
        ),
        deriv: (
          <>
            {a}
            {call(
              null,
              <>
                {one}
                <O>−</O>
                {a}
              </>,
            )}
          </>
        ),
      };
    case 'relu':
      return {
        def: call(
          <V>max</V>,
          <>
            {z}
            <O>,</O>
            <Num>0</Num>
          </>,
        ),
        deriv: <mtext>1 if z &gt; 0, else 0</mtext>,
      };
    case 'leaky':
      return {
        def: call(
          <V>max</V>,
          <>
            {z}
            <O>,</O>
            <Num>0.01</Num>
            {z}
          </>,
        ),
        deriv: <mtext>1 if z &gt; 0, else 0.01</mtext>,
      };
    case 'linear':
      return { def: z, deriv: one };
  }
}

export function learningRate(anneal: Anneal, lr: number): ReactNode {
  const eps = <Num>{fmtNum(lr, 6)}</Num>;
  const tOverT = <Frac num={<V>t</V>} den={<V>T</V>} />;
  switch (anneal) {
    case 'none':
      return eps;
    case 'step':
      return (
        <>
          {eps}
          <O>·</O>
          <S
            name={<Num>0.5</Num>}
            sup={
              <mrow>
                <O>⌊</O>
                <Num>4</Num>
                {tOverT}
                <O>⌋</O>
              </mrow>
            }
          />
        </>
      );
    case 'exp':
      return (
        <>
          {eps}
          <O>·</O>
          <S name={<Num>0.01</Num>} sup={tOverT} />
        </>
      );
    case 'inv':
      return (
        <Frac
          num={eps}
          den={
            <>
              <Num>1</Num>
              <O>+</O>
              <Num>9</Num>
              {tOverT}
            </>
          }
        />
      );
  }
}
