import { type FragmentType, getFragmentData, graphql } from '../../gql';
import { COMPONENT_LABELS, points } from '../../routes/leaderboard/leaderboard-labels';

export const ScoreBreakdown_part = graphql(`
  fragment ScoreBreakdown_part on ScoreBreakdownPart {
    component
    points
    detail
  }
`);

interface ScoreBreakdownProps {
  parts: readonly FragmentType<typeof ScoreBreakdown_part>[];
  score: number;
  /** Whose score, for the summary read by screen readers ("Rank 3", "Your score"). */
  label: string;
}

/**
 * A score's parts and their points, which add up to the score, behind a details expander. An
 * anonymous entry has no `detail` (points only), so no figure can tell who it is.
 */
export function ScoreBreakdown({ parts: refs, score, label }: ScoreBreakdownProps) {
  const parts = getFragmentData(ScoreBreakdown_part, refs);
  return (
    <details className="nhsuk-details app-score-breakdown">
      <summary className="nhsuk-details__summary">
        <span className="nhsuk-details__summary-text">
          How the score adds up<span className="nhsuk-u-visually-hidden">: {label}</span>
        </span>
      </summary>
      <div className="nhsuk-details__text">
        <dl className="app-score-breakdown__list">
          {parts.map((part) => (
            <div key={part.component} className="app-score-breakdown__row">
              <dt>{COMPONENT_LABELS[part.component]}</dt>
              <dd>
                {points(part.points)}
                {part.detail ? (
                  <span className="app-score-breakdown__detail" dir="auto">
                    {' '}
                    ({part.detail})
                  </span>
                ) : null}
              </dd>
            </div>
          ))}
          <div className="app-score-breakdown__row app-score-breakdown__total">
            <dt>Score</dt>
            <dd>{points(score)}</dd>
          </div>
        </dl>
      </div>
    </details>
  );
}
