/**
 * The tutorial's equations for the network configured now, in MathML, with the shape of every
 * matrix: forward propagation, softmax, the regularized loss, backpropagation and the update.
 * Indices follow the tutorial: z₁ = xW₁ + b₁, ..., δ₃ = ŷ − y, δ₂ = δ₃W₂ᵀ ∘ (1 − a₁²).
 */
import type { ReactNode } from 'react';
import { networkSizes, paramCount, trainCount } from '../../config/derived';
import { useStore } from '../../state/react';
import { fmtInt, fmtNum } from '../format';
import {
  InputsRow,
  l1Gradient,
  l1Loss,
  OptimizerRows,
  Row,
  squaredError,
  weightNorms,
} from './equationOptions';
import { ACT_NAME, APPLY, activation, call, ic, ij, learningRate, sumOver, T } from './equationParts';
import { Frac, Num, O, S, V } from './mathml';

function Table({ caption, children }: { caption: string; children: ReactNode }) {
  return (
    <table className="equations">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Equation</th>
          <th scope="col">Shape</th>
        </tr>
      </thead>
      {children}
    </table>
  );
}

/** The input of layer k: x for the first, the activations a_{k−1} after. */
const input = (k: number, sup?: ReactNode) =>
  k === 1 ? sup ? <S name="x" sup={sup} /> : <V>x</V> : <S name="a" sub={k - 1} sup={sup} />;
const inputText = (k: number) => (k === 1 ? 'x' : `a${k - 1}`);
const dim = (r: number, c: number) => `${fmtInt(r)} × ${fmtInt(c)}`;

export default function EquationsView() {
  const config = useStore((s) => s.config);
  const custom = useStore((s) => s.custom);
  const n = custom ? custom.n : config.n;
  const N = trainCount(config.test, n);
  const minibatch = config.batch > 0 && config.batch < N;
  const B = minibatch ? config.batch : N;
  const sizes = networkSizes(config, custom?.classes);
  const L = sizes.length - 1;
  const C = sizes[L]!;
  const f = ACT_NAME[config.act];
  const { def, deriv } = activation(config.act);
  const layers = Array.from({ length: L }, (_, i) => i + 1);
  const params = paramCount(sizes);
  const lam = <Num>{fmtNum(config.reg, 6)}</Num>;
  const regression = C === 1 && custom === null;
  const l1 = config.l1;
  /** A penalty's share of a batch: λ, or λ · B / N for a minibatch. */
  const share = (strength: ReactNode) =>
    minibatch ? (
      <Frac
        num={
          <>
            {strength}
            <O>·</O>
            <Num>{B}</Num>
          </>
        }
        den={<Num>{fmtInt(N)}</Num>}
      />
    ) : (
      strength
    );

  const forward = layers.map((k) => {
    const d0 = sizes[k - 1]!;
    const d1 = sizes[k]!;
    const z = <S name="z" sub={k} />;
    const out =
      k < L ? (
        <Row
          label={`a${k} = ${f}(z${k})`}
          eq={
            <>
              <S name="a" sub={k} />
              <O>=</O>
              {call(<V>{f}</V>, z)}
            </>
          }
          shape={dim(N, d1)}
        />
      ) : regression ? (
        <Row
          label={`y hat = z${k}, the one linear output`}
          eq={
            <>
              <V>ŷ</V>
              <O>=</O>
              {z}
            </>
          }
          shape={dim(N, 1)}
        />
      ) : (
        <Row
          label={`y hat = softmax(z${k})`}
          eq={
            <>
              <S name="ŷ" sub={ic} />
              <O>=</O>
              <Frac
                num={<S name="e" sup={<S name="z" sub={ic} />} />}
                den={
                  <>
                    {sumOver('j')}
                    <S name="e" sup={<S name="z" sub={ij} />} />
                  </>
                }
              />
            </>
          }
          shape={dim(N, C)}
        />
      );
    return (
      <tbody key={k} className="group">
        <Row
          label={`z${k} = ${inputText(k)} W${k} + b${k}`}
          eq={
            <>
              {z}
              <O>=</O>
              {input(k)}
              <S name="W" sub={k} />
              <O>+</O>
              <S name="b" sub={k} />
            </>
          }
          shape={`${dim(N, d0)} · ${dim(d0, d1)} + ${dim(1, d1)} → ${dim(N, d1)}`}
        />
        {out}
      </tbody>
    );
  });

  const backward = [...layers].reverse().map((k) => {
    const d0 = sizes[k - 1]!;
    const d1 = sizes[k]!;
    const delta = <S name="δ" sub={k + 1} />;
    const reg = share(lam);
    return (
      <tbody key={k} className="group">
        <Row
          label={`dW${k} = ${inputText(k)} transposed times delta${k + 1}, plus the L2 term${l1 ? ' and the L1 term' : ''}`}
          eq={
            <>
              <S name={<V>dW</V>} sub={k} />
              <O>=</O>
              {input(k, T)}
              {delta}
              <O>+</O>
              {reg}
              <S name="W" sub={k} />
              {l1 ? l1Gradient(share(<Num>{fmtNum(l1, 6)}</Num>), k) : null}
            </>
          }
          shape={dim(d0, d1)}
        />
        <Row
          label={`db${k} = sum over rows of delta${k + 1}`}
          eq={
            <>
              <S name={<V>db</V>} sub={k} />
              <O>=</O>
              {sumOver('i')}
              {delta}
            </>
          }
          shape={dim(1, d1)}
        />
        {k > 1 ? (
          <Row
            label={`delta${k} = delta${k + 1} times W${k} transposed, times f′(a${k - 1}) elementwise`}
            eq={
              <>
                <S name="δ" sub={k} />
                <O>=</O>
                {delta}
                <S name="W" sub={k} sup={T} />
                <O>∘</O>
                {call(<V>f′</V>, <S name="a" sub={k - 1} />)}
              </>
            }
            shape={`${dim(B, d1)} · ${dim(d1, d0)} → ${dim(B, d0)}`}
          />
        ) : null}
      </tbody>
    );
  });

  return (
    <div className="equations-view">
      <p className="view-intro">
        The tutorial's equations for the network you have now: {sizes.join(' → ')} units, {fmtInt(params)}{' '}
        parameters, trained on N = {fmtInt(N)} rows{minibatch ? ` in minibatches of B = ${B}` : ''}. Change a
        setting and they follow.
      </p>
      <div className="equations-scroll">
        <Table caption="Forward propagation (one row per example)">
          <tbody className="group">
            <InputsRow inputs={config.inputs} N={N} />
          </tbody>
          {forward}
        </Table>
        <Table caption={`The activation, ${f}, and its derivative written with a = f(z)`}>
          <tbody>
            <Row
              label={`f(z) = ${f}`}
              eq={
                <>
                  {call(<V>f</V>, <V>z</V>)}
                  <O>=</O>
                  {def}
                  <mspace width="1.5em" />
                  <V>f′</V>
                  <O>=</O>
                  {deriv}
                </>
              }
              shape="elementwise"
            />
          </tbody>
        </Table>
        <Table
          caption={`Loss: ${regression ? 'half the squared error' : 'cross-entropy'} with L2${l1 ? ' and L1 (elastic net)' : ''} regularization`}
        >
          <tbody>
            <Row
              label={`L = 1/N times (${regression ? 'half the sum of squared errors' : 'the sum of minus log y hat of the right class'}, plus lambda/2 times the sum of squared weights${l1 ? ', plus l1 times the sum of absolute weights' : ''})`}
              eq={
                <>
                  <V>L</V>
                  <O>=</O>
                  <Frac num={<Num>1</Num>} den={<Num>{fmtInt(N)}</Num>} />
                  <O>(</O>
                  {regression ? (
                    squaredError
                  ) : (
                    <>
                      {sumOver('i')}
                      <O>−</O>
                      <V>log</V>
                      {APPLY}
                      <S
                        name="ŷ"
                        sub={
                          <mrow>
                            <V>i</V>
                            <O>,</O>
                            <S name="y" sub="i" />
                          </mrow>
                        }
                      />
                    </>
                  )}
                  <O>+</O>
                  <Frac num={lam} den={<Num>2</Num>} />
                  {/* λ/2 multiplies the sum of all the squared norms, as in the tutorial's reg_lambda/2 * (...). */}
                  {weightNorms(layers, 'squared')}
                  {l1 ? l1Loss(l1, layers) : null}
                  <O>)</O>
                </>
              }
              shape="scalar"
            />
          </tbody>
        </Table>
        <Table
          caption={`Backpropagation on ${minibatch ? `a minibatch of ${B}` : `all ${fmtInt(N)}`} rows (gradients summed over rows, as in the tutorial)`}
        >
          <tbody>
            <Row
              label={
                regression
                  ? `delta${L + 1} = y hat minus t, the targets`
                  : `delta${L + 1} = y hat minus Y, the one-hot labels`
              }
              eq={
                <>
                  <S name="δ" sub={L + 1} />
                  <O>=</O>
                  <V>ŷ</V>
                  <O>−</O>
                  <V>{regression ? 't' : 'Y'}</V>
                </>
              }
              shape={dim(B, C)}
            />
          </tbody>
          {backward}
        </Table>
        <Table
          caption={`The update, every layer: ${config.opt === 'sgd' ? 'gradient descent' : config.opt === 'momentum' ? 'momentum' : 'Adam'}${minibatch ? ', after every minibatch, one state for all' : ''}`}
        >
          <tbody>
            <OptimizerRows opt={config.opt} beta={config.beta} />
            <Row
              label={`the learning rate at pass t of T = ${config.passes}`}
              eq={
                <>
                  <S name="ε" sub="t" />
                  <O>=</O>
                  {learningRate(config.anneal, config.lr)}
                </>
              }
              shape={`T = ${fmtInt(config.passes)} passes`}
            />
          </tbody>
        </Table>
      </div>
    </div>
  );
}
