/**
 * "Inside the network": the diagram, the chosen hidden unit's activation, and the hidden space, all
 * following training live. Loaded lazily. The worker computes the unit's field and the hidden space only
 * while this section is on screen, and only for networks small enough to send their weights.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { networkSizes, paramCount } from '../../config/derived';
import { ENUM_FIELDS } from '../../config/schema';
import { defaultHidden, sameHidden, sameUnit, validHidden, validUnit } from '../../protocol/inspectSpec';
import { type HiddenSpec, type InspectView, MAX_INSPECT_PARAMS, type UnitRef } from '../../protocol/training';
import { validWeightRef, type WeightRef } from '../../protocol/weightRef';
import { useStore, useStoreApi, useStoreThrottled } from '../../state/react';
import { fmtInt } from '../format';
import { HiddenSpace } from './HiddenSpace';
import { NetworkDiagram } from './NetworkDiagram';
import { UnitField } from './UnitField';
import { WeightEditor } from './WeightEditor';

/** Redraws of the diagram per second at most: enough to watch, cheap for the main thread. */
const LIVE_MS = 200;
const NOTHING: InspectView = { unit: null, hidden: null };

/** True while `ref`'s element is on screen (always, where IntersectionObserver is missing). */
function useOnScreen(ref: React.RefObject<HTMLElement | null>): boolean {
  const [on, setOn] = useState(true);
  useEffect(() => {
    const el = ref.current;
    if (!el || typeof IntersectionObserver === 'undefined') return;
    const io = new IntersectionObserver((entries) => setOn(entries.some((e) => e.isIntersecting)));
    io.observe(el);
    return () => io.disconnect();
  }, [ref]);
  return on;
}

export default function InsidePanel() {
  const store = useStoreApi();
  // The shape the worker builds for these settings and points, until it sends the shape it built.
  const plannedSizes = useStore((s) => networkSizes(s.config, s.custom?.classes).join(','));
  const act = useStore((s) => s.config.act);
  const inputs = useStore((s) => s.config.inputs);
  const toggleInput = useStore((s) => s.toggleInput);
  // Narrow reads: the panel re-renders when the shape or the unit's field changes, not per snapshot.
  const sentSizes = useStore((s) =>
    s.frame?.gen === s.gen && s.frame.weights ? s.frame.weights.sizes.join(',') : '',
  );
  const unitFrame = useStoreThrottled((s) => (s.frame?.gen === s.gen ? s.frame.unit : null), LIVE_MS);
  const ref = useRef<HTMLElement>(null);
  const onScreen = useOnScreen(ref);
  const diagramRef = useRef<HTMLElement>(null);
  const diagramOnScreen = useOnScreen(diagramRef);
  // Rounded, so that a resize re-lays the diagram only when the nodes' shape visibly changes.
  const aspect = useStore((s) => Math.round(s.aspect * 10) / 10);
  const [unitChoice, setUnitChoice] = useState<UnitRef | null>(null);
  const [spaceChoice, setSpaceChoice] = useState<HiddenSpec | null>(null);
  const [linkChoice, setLinkChoice] = useState<WeightRef | null>(null);
  const editButton = useRef<HTMLButtonElement>(null);

  const sizesKey = sentSizes || plannedSizes;
  // One array per network shape, so the memoised diagram re-renders only when the shape changes.
  const sizes = useMemo(() => sizesKey.split(',').map(Number), [sizesKey]);
  const params = paramCount(sizes);
  const small = params <= MAX_INSPECT_PARAMS;
  const first = useMemo(() => ({ layer: 1, unit: 0 }), []);
  const unit = validUnit(sizes, unitChoice) ? unitChoice : validUnit(sizes, first) ? first : null;
  const space = validHidden(sizes, spaceChoice) ? spaceChoice : defaultHidden(sizes);
  // A link of another network shape closes the editor.
  const link = small && validWeightRef(sizes, linkChoice) ? linkChoice : null;
  /** The first link into the unit looked at: where a keyboard starts. */
  const firstLink = (): WeightRef =>
    unit ? { layer: unit.layer - 1, from: 0, to: unit.unit } : { layer: 0, from: 0, to: 0 };
  const closeEditor = () => {
    setLinkChoice(null);
    editButton.current?.focus();
  };
  // The last field the worker sent stays until the next one arrives (its caption says which unit).
  useEffect(() => {
    const view = onScreen && small ? { unit, hidden: space, nodes: diagramOnScreen } : NOTHING;
    const now = store.getState().inspect;
    if (
      !sameUnit(now.unit, view.unit) ||
      !sameHidden(now.hidden, view.hidden) ||
      !!now.nodes !== !!view.nodes
    )
      store.getState().setInspect(view);
  });
  // Leaving the page section (or the page) stops the worker's extra work.
  useEffect(
    () => () => {
      store.getState().setInspect(NOTHING);
      store.getState().setPlotUnit(null);
    },
    [store],
  );
  const preview = useCallback((r: UnitRef | null) => store.getState().setPlotUnit(r), [store]);

  return (
    <section ref={ref} className="inside panel" aria-labelledby="inside-title">
      <h2 id="inside-title">Inside the network</h2>
      {small ? null : (
        <p className="hint" data-testid="inside-too-big">
          This network has {fmtInt(params)} parameters: too many to show inside while it trains (at most{' '}
          {fmtInt(MAX_INSPECT_PARAMS)}). Export the model to look at its weights.
        </p>
      )}
      <div className="inside-views">
        <figure className="diagram-view" ref={diagramRef}>
          <figcaption>
            Weights: <span className="pos">blue positive</span>, <span className="neg">orange negative</span>,
            thicker for larger. Each node shows its output over the plot; hover, focus or tap a hidden unit to
            see it large in the plot. Click or tap an input to turn it on or off.
          </figcaption>
          <NetworkDiagram
            sizes={sizes}
            edges={small}
            active={unit}
            onActivate={setUnitChoice}
            onPreview={small ? preview : undefined}
            aspect={aspect}
            onPickLink={setLinkChoice}
            picked={link}
            inputs={inputs}
            onToggleInput={toggleInput}
          />
          {small ? (
            <p className="hint">
              Click or tap a link to see its exact weight and set it by hand.{' '}
              <button
                ref={editButton}
                type="button"
                aria-expanded={link !== null}
                onClick={() => setLinkChoice(link ? null : firstLink())}
              >
                Edit a weight
              </button>
            </p>
          ) : null}
          {link ? (
            <WeightEditor sizes={sizes} target={link} onTarget={setLinkChoice} onClose={closeEditor} />
          ) : null}
        </figure>
        {small ? <UnitField unit={unitFrame} act={ENUM_FIELDS.act.optionLabels[act]} /> : null}
        {small ? (
          <figure className="space-view">
            <figcaption>Hidden space: the data and a grid of input lines as a layer sees them</figcaption>
            <HiddenSpace sizes={sizes} spec={space} onChange={setSpaceChoice} />
          </figure>
        ) : null}
      </div>
    </section>
  );
}
