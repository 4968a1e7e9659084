import { describe, expect, it } from 'vitest';
import { resolveOccurredAt } from '../../../../shared/domain/incidents/occurred-at';
import { ValidationError } from '../../../../shared/errors/lantern-error';

const now = new Date('2025-01-15T10:00:00.000Z');

function refusalOf(requested: string): ValidationError {
  try {
    resolveOccurredAt(requested, now);
  } catch (error) {
    if (error instanceof ValidationError) return error;
    throw error;
  }
  throw new Error(`${requested} was accepted`);
}

describe('resolveOccurredAt', () => {
  it('defaults to now when the member of staff gives no time', () => {
    // Prepare
    const requested = undefined;

    // Act
    const occurredAt = resolveOccurredAt(requested, now);

    // Assess
    expect(occurredAt.toISOString()).toBe('2025-01-15T10:00:00.000Z');
  });

  it('keeps the time given, in any offset, as the instant it names', () => {
    // Prepare
    const requested = '2025-01-15T09:40:00+01:00';

    // Act
    const occurredAt = resolveOccurredAt(requested, now);

    // Assess
    expect(occurredAt.toISOString()).toBe('2025-01-15T08:40:00.000Z');
  });

  it('allows a device clock up to two minutes ahead of the server', () => {
    // Prepare
    const requested = '2025-01-15T10:02:00Z';

    // Act
    const occurredAt = resolveOccurredAt(requested, now);

    // Assess
    expect(occurredAt.toISOString()).toBe('2025-01-15T10:02:00.000Z');
  });

  it('refuses a time in the future beyond that skew, naming occurredAt', () => {
    // Prepare
    const requested = '2025-01-15T10:02:01Z';

    // Act
    const error = refusalOf(requested);

    // Assess
    expect(error.issues).toEqual([{ field: 'occurredAt', message: expect.stringContaining('future') }]);
  });

  it('accepts an incident from just under a year ago', () => {
    // Prepare
    const requested = '2024-01-16T10:00:00Z';

    // Act
    const occurredAt = resolveOccurredAt(requested, now);

    // Assess
    expect(occurredAt.toISOString()).toBe('2024-01-16T10:00:00.000Z');
  });

  it('refuses an incident more than a year back, naming occurredAt', () => {
    // Prepare
    const requested = '2024-01-14T10:00:00Z';

    // Act
    const error = refusalOf(requested);

    // Assess
    expect(error.issues).toEqual([{ field: 'occurredAt', message: 'is more than a year ago' }]);
  });

  it('refuses a value that is no date at all', () => {
    // Prepare
    const requested = 'yesterday after lunch';

    // Act
    const error = refusalOf(requested);

    // Assess
    expect(error.issues[0]?.field).toBe('occurredAt');
  });
});
