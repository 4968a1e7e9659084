import type { StaffRef } from '../record/draft';

/** The staff chosen so far, each with a Remove button; `noun` says which list, for screen readers. */
export function StaffChips({ people, noun, onRemove }: { people: readonly StaffRef[]; noun?: string; onRemove: (id: string) => void }) {
  if (people.length === 0) return null;
  return (
    <ul className="lantern-chips">
      {people.map((member) => (
        <li className="lantern-chip" key={member.id}>
          {member.name}
          <button type="button" className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0" onClick={() => onRemove(member.id)}>
            Remove<span className="govuk-visually-hidden">
              {' '}
              {member.name}
              {noun ? ` (${noun})` : ''}
            </span>
          </button>
        </li>
      ))}
    </ul>
  );
}
