/**
 * The equations of the options beyond the tutorial (docs/algorithms.md): the input features, L1, the
 * regression output and loss, and the optimizers' updates. EquationsView shows each only when it is on.
 */
import type { ReactNode } from 'react';
import type { Config } from '../../config/schema';
import { INPUTS } from '../../config/schema';
import { fmtInt, fmtNum } from '../format';
import { call, sumOver } from './equationParts';
import { Formula, Frac, Num, O, S, V } from './mathml';

export function Row({ eq, shape, label }: { eq: ReactNode; shape: string; label: string }) {
  return (
    <tr>
      <td>
        <Formula label={label}>{eq}</Formula>
      </td>
      <td className="shape">{shape}</td>
    </tr>
  );
}

const dim = (r: number, c: number) => `${fmtInt(r)} × ${fmtInt(c)}`;

/** A feature as MathML: x₁, x₂, x₁², x₁x₂, sin x₁. */
function featureMath(f: Config['inputs'][number]): ReactNode {
  const x = (k: 1 | 2) => <S name="x" sub={k} />;
  switch (f) {
    case 'x1':
      return x(1);
    case 'x2':
      return x(2);
    case 'x1sq':
      return <S name="x" sub={1} sup={2} />;
    case 'x2sq':
      return <S name="x" sub={2} sup={2} />;
    case 'x1x2':
      return (
        <mrow>
          {x(1)}
          {x(2)}
        </mrow>
      );
    case 'sinx1':
      return call(<V upright>sin</V>, x(1));
    case 'sinx2':
      return call(<V upright>sin</V>, x(2));
  }
}

/** x, the network's input: the features of each point (x₁, x₂), in the network's order. */
export function InputsRow({ inputs, N }: { inputs: Config['inputs']; N: number }) {
  return (
    <Row
      label={`x = [${inputs.map((f) => INPUTS.optionLabels[f]).join(', ')}], the input features of each point`}
      eq={
        <>
          <V>x</V>
          <O>=</O>
          <O>[</O>
          {inputs.map((f, k) => (
            <mrow key={f}>
              {k > 0 ? <O>,</O> : null}
              {featureMath(f)}
            </mrow>
          ))}
          <O>]</O>
        </>
      }
      shape={dim(N, inputs.length)}
    />
  );
}

/**
 * (‖W₁‖² + ‖W₂‖² + ...) for the L2 term, (‖W₁‖₁ + ...) for the L1 term: the norms of every layer's
 * weights, summed in brackets.
 */
export function weightNorms(layers: number[], norm: 'squared' | 'l1'): ReactNode {
  return (
    <mrow>
      <O>(</O>
      {layers.map((k) => {
        const name = (
          <mrow>
            <O>‖</O>
            <S name="W" sub={k} />
            <O>‖</O>
          </mrow>
        );
        return (
          <mrow key={k}>
            {k > 1 ? <O>+</O> : null}
            {norm === 'squared' ? <S name={name} sup={2} /> : <S name={name} sub={1} />}
          </mrow>
        );
      })}
      <O>)</O>
    </mrow>
  );
}

/** The L1 term of the loss: l1 (‖W₁‖₁ + ...). */
export function l1Loss(l1: number, layers: number[]): ReactNode {
  return (
    <>
      <O>+</O>
      <Num>{fmtNum(l1, 6)}</Num>
      {weightNorms(layers, 'l1')}
    </>
  );
}

/** The L1 term of a weight gradient: + share · sign(W_k). */
export function l1Gradient(share: ReactNode, k: number): ReactNode {
  return (
    <>
      <O>+</O>
      {share}
      {call(<V upright>sign</V>, <S name="W" sub={k} />)}
    </>
  );
}

/** Regression's data term: ½ ∑ᵢ (ŷᵢ − tᵢ)². */
export const squaredError = (
  <>
    <Frac num={<Num>1</Num>} den={<Num>2</Num>} />
    {sumOver('i')}
    <S
      name={
        <mrow>
          <O>(</O>
          <S name="ŷ" sub="i" />
          <O>−</O>
          <S name="t" sub="i" />
          <O>)</O>
        </mrow>
      }
      sup={2}
    />
  </>
);

/**
 * The update of every parameter P (each W and b) from its gradient g (dW or db): the plain step, or
 * momentum's or Adam's, with t the count of updates.
 */
export function OptimizerRows({ opt, beta }: { opt: Config['opt']; beta: number }) {
  const b = <Num>{fmtNum(beta, 4)}</Num>;
  const eps = <S name="ε" sub="t" />;
  if (opt === 'sgd') {
    return (
      <Row
        label="W becomes W minus epsilon t times dW; b becomes b minus epsilon t times db"
        eq={
          <>
            <V>W</V>
            <O>←</O>
            <V>W</V>
            <O>−</O>
            {eps}
            <V>dW</V>
            <mspace width="1.5em" />
            <V>b</V>
            <O>←</O>
            <V>b</V>
            <O>−</O>
            {eps}
            <V>db</V>
          </>
        }
        shape="every layer"
      />
    );
  }
  if (opt === 'momentum') {
    return (
      <Row
        label={`momentum: v becomes ${beta} v plus g; P becomes P minus epsilon t times v, for every W and b with its gradient g`}
        eq={
          <>
            <V>v</V>
            <O>←</O>
            {b}
            <V>v</V>
            <O>+</O>
            <V>g</V>
            <mspace width="1.5em" />
            <V>P</V>
            <O>←</O>
            <V>P</V>
            <O>−</O>
            {eps}
            <V>v</V>
          </>
        }
        shape="every W and b, v from 0"
      />
    );
  }
  return (
    <>
      <Row
        label={`Adam: m becomes ${beta} m plus (1 minus ${beta}) g; s becomes 0.999 s plus 0.001 g squared`}
        eq={
          <>
            <V>m</V>
            <O>←</O>
            {b}
            <V>m</V>
            <O>+</O>
            <O>(</O>
            <Num>1</Num>
            <O>−</O>
            {b}
            <O>)</O>
            <V>g</V>
            <mspace width="1.5em" />
            <V>s</V>
            <O>←</O>
            <Num>0.999</Num>
            <V>s</V>
            <O>+</O>
            <Num>0.001</Num>
            <S name="g" sup={2} />
          </>
        }
        shape="every W and b, m and s from 0"
      />
      <Row
        label={`P becomes P minus epsilon t times m over (1 minus ${beta} to the t), over the square root of s over (1 minus 0.999 to the t), plus 1e-8`}
        eq={
          <>
            <V>P</V>
            <O>←</O>
            <V>P</V>
            <O>−</O>
            {eps}
            <Frac
              num={
                <Frac
                  num={<V>m</V>}
                  den={
                    <mrow>
                      <Num>1</Num>
                      <O>−</O>
                      <S name={b} sup="t" />
                    </mrow>
                  }
                />
              }
              den={
                <>
                  <msqrt>
                    <Frac
                      num={<V>s</V>}
                      den={
                        <mrow>
                          <Num>1</Num>
                          <O>−</O>
                          <S name={<Num>0.999</Num>} sup="t" />
                        </mrow>
                      }
                    />
                  </msqrt>
                  <O>+</O>
                  <S name={<Num>10</Num>} sup={<Num>−8</Num>} />
                </>
              }
            />
          </>
        }
        shape="t = updates so far, from 1"
      />
    </>
  );
}
