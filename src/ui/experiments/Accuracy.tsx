/** Training and test accuracy side by side, the test one marked so that a gap (overfitting) shows. */
import { fmtPercent } from '../format';

export function Accuracy({ train, test }: { train: number | null; test: number | null }) {
  return (
    <span className="accuracy">
      <span className="acc-train">
        train <b>{fmtPercent(train)}</b>
      </span>
      {test !== null ? (
        <span className="acc-test">
          test <b>{fmtPercent(test)}</b>
        </span>
      ) : null}
    </span>
  );
}
