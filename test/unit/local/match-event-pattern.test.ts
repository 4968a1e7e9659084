import { describe, expect, it } from 'vitest';
import { matchesEventPattern } from '../../../local/events/match-event-pattern';

const incidentRecorded = { source: 'lantern', 'detail-type': 'IncidentRecorded' };

describe('matchesEventPattern', () => {
  it('matches when the source and the detail-type are each one of the listed values', () => {
    // Prepare
    const pattern = { source: ['lantern'], 'detail-type': ['ActionAdded', 'IncidentRecorded'] } as const;

    // Act
    const matched = matchesEventPattern(pattern, incidentRecorded);

    // Assess
    expect(matched).toBe(true);
  });

  it('does not match another detail-type or another source', () => {
    // Prepare
    const pattern = { source: ['lantern'], 'detail-type': ['AlertRaised'] } as const;

    // Act
    const results = [
      matchesEventPattern(pattern, incidentRecorded),
      matchesEventPattern(pattern, { source: 'someone-else', 'detail-type': 'AlertRaised' }),
    ];

    // Assess
    expect(results).toEqual([false, false]);
  });

  it('compares exactly: no prefix, case or substring matches', () => {
    // Prepare
    const pattern = { source: ['lantern'], 'detail-type': ['IncidentRecorded'] } as const;

    // Act
    const results = [
      matchesEventPattern(pattern, { source: 'Lantern', 'detail-type': 'IncidentRecorded' }),
      matchesEventPattern(pattern, { source: 'lantern', 'detail-type': 'IncidentRecordedLater' }),
    ];

    // Assess
    expect(results).toEqual([false, false]);
  });

  it('matches nothing when a listed field is an empty list', () => {
    // Prepare
    const pattern = { source: ['lantern'], 'detail-type': [] } as const;

    // Act
    const matched = matchesEventPattern(pattern, incidentRecorded);

    // Assess
    expect(matched).toBe(false);
  });
});
