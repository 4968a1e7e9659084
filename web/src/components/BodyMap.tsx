import { useState, type KeyboardEvent, type MouseEvent } from 'react';
import { describePosition, nudge, pointFromPointer, toViewBox, type Direction, type Point } from '../record/body-map-geometry';
import type { DraftMark } from '../record/draft';
import { FieldError } from './ErrorSummary';

const WIDTH = 100;
const HEIGHT = 200;
// A child's outline, drawn in a 100 × 200 box: head, body, arms, legs.
const OUTLINE = [
  'M50 6 a14 14 0 1 1 -0.1 0 Z',
  'M36 36 h28 q10 0 12 10 l14 52 q2 6 -4 7 q-5 1 -7 -5 l-11 -40 v46 l4 80 q0 8 -8 8 q-7 0 -8 -8 l-10 -70 l-10 70 q-1 8 -8 8 q-8 0 -8 -8 l4 -80 v-46 l-11 40 q-2 6 -7 5 q-6 -1 -4 -7 l14 -52 q2 -10 12 -10 Z',
];

/**
 * Front and back outlines. Click or tap to add a numbered mark; by keyboard, focus an
 * outline, move the cross with the arrow keys (Shift for bigger steps) and press Enter or
 * Space to add a mark there. Each mark needs a description and can be removed.
 */
export function BodyMap({
  marks,
  onAdd,
  onDescribe,
  onRemove,
  errors,
}: {
  marks: readonly DraftMark[];
  onAdd: (mark: { side: 'front' | 'back'; x: number; y: number }) => void;
  onDescribe: (index: number, description: string) => void;
  onRemove: (index: number) => void;
  errors: (controlId: string) => readonly string[] | undefined;
}) {
  return (
    <div className="govuk-form-group" id="bodymap" tabIndex={-1}>
      <fieldset className="govuk-fieldset" aria-describedby="bodymap-hint">
        <legend className="govuk-fieldset__legend govuk-fieldset__legend--m">Body map</legend>
        <div className="govuk-hint" id="bodymap-hint">
          Only for marks, bruises or injuries you saw. Click or tap where the mark is. With a keyboard: move to a body outline, use the arrow keys to move the cross, and press Enter
          to add a mark. Describe each mark below: colour, shape and size.
        </div>
        <FieldError id="bodymap" messages={errors('bodymap')} />
        <div className="lantern-bodymap">
          <Outline side="front" marks={marks} onAdd={onAdd} />
          <Outline side="back" marks={marks} onAdd={onAdd} />
        </div>
        {marks.length > 0 && (
          <ol className="govuk-list" data-testid="body-map-marks">
            {marks.map((mark, index) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: a mark is its number: removing one renumbers the rest, as the list shows
              <li key={index} className="govuk-form-group">
                <label className="govuk-label" htmlFor={`mark-${index}-description`}>
                  Mark {index + 1} ({mark.side}, {describePosition(mark)}): description
                </label>
                <FieldError id={`mark-${index}-description`} messages={errors(`mark-${index}-description`)} />
                <input
                  className={`govuk-input${errors(`mark-${index}-description`) ? ' govuk-input--error' : ''}`}
                  id={`mark-${index}-description`}
                  type="text"
                  value={mark.description}
                  onChange={(event) => onDescribe(index, event.target.value)}
                />
                <button type="button" className="govuk-button govuk-button--secondary govuk-!-margin-top-2 govuk-!-margin-bottom-0" onClick={() => onRemove(index)}>
                  Remove mark {index + 1}
                </button>
              </li>
            ))}
          </ol>
        )}
      </fieldset>
    </div>
  );
}

function Outline({ side, marks, onAdd }: { side: 'front' | 'back'; marks: readonly DraftMark[]; onAdd: (mark: { side: 'front' | 'back'; x: number; y: number }) => void }) {
  const [cursor, setCursor] = useState<Point>({ x: 0.5, y: 0.3 });
  const [focused, setFocused] = useState(false);

  const onClick = (event: MouseEvent<SVGSVGElement>) => {
    const box = event.currentTarget.getBoundingClientRect();
    const point = pointFromPointer(event.clientX, event.clientY, box);
    setCursor(point);
    onAdd({ side, ...point });
  };
  const onKeyDown = (event: KeyboardEvent<SVGSVGElement>) => {
    if (event.key.startsWith('Arrow')) {
      event.preventDefault();
      setCursor((current) => nudge(current, event.key as Direction, event.shiftKey ? 0.1 : undefined));
    } else if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      onAdd({ side, ...cursor });
    }
  };
  const cross = toViewBox(cursor, WIDTH, HEIGHT);
  const label = side === 'front' ? 'Front of body' : 'Back of body';
  return (
    <figure className="lantern-bodymap__figure">
      <svg
        className="lantern-bodymap__svg"
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        role="application"
        aria-label={`${label}: arrow keys move the cross, Enter adds a mark. Cross at ${describePosition(cursor)}.`}
        // biome-ignore lint/a11y/noNoninteractiveTabindex: an application region takes the keyboard (arrow keys move the cross, Enter marks)
        tabIndex={0}
        onClick={onClick}
        onKeyDown={onKeyDown}
        onFocus={() => setFocused(true)}
        onBlur={() => setFocused(false)}
        id={`body-map-${side}`}
        data-testid={`body-map-${side}`}
      >
        {OUTLINE.map((path) => (
          <path key={path} d={path} className="lantern-bodymap__outline" />
        ))}
        {focused && <circle cx={cross.x} cy={cross.y} r={6} className="lantern-bodymap__cursor" />}
        {marks.map((mark, index) => {
          if (mark.side !== side) return null;
          const at = toViewBox(mark, WIDTH, HEIGHT);
          return (
            // biome-ignore lint/suspicious/noArrayIndexKey: a mark is its number, as in the list beside the map
            <g key={index}>
              <circle cx={at.x} cy={at.y} r={7} className="lantern-bodymap__mark" />
              <text x={at.x} y={at.y} className="lantern-bodymap__mark-number">
                {index + 1}
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption className="govuk-body-s">{label}</figcaption>
    </figure>
  );
}
