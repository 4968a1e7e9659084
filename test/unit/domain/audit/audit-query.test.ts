import { describe, expect, it } from 'vitest';
import { AuditQuery } from '../../../../shared/schemas/audit';
import { parseWith } from '../../../../shared/http/validation';
import { ValidationError } from '../../../../shared/errors/lantern-error';

describe('AuditQuery', () => {
  it.each([
    ['none of recordId, staffId, studentId', {}],
    ['two of them', { recordId: '01JHT0000000000000000000I1', staffId: 'staff-1' }],
    ['all three', { recordId: 'r', staffId: 's', studentId: 'p' }],
  ])('refuses %s, naming recordId', (_case, query) => {
    // Prepare
    const input = { ...query };

    // Act
    const parse = () => parseWith(AuditQuery, input, 'query');

    // Assess
    expect(parse).toThrow(ValidationError);
    expect(parse).toThrow(/query\.recordId: give exactly one of recordId, staffId or studentId/);
  });

  it('takes exactly one subject, with a limit from the query string', () => {
    // Prepare
    const input = { studentId: 'student-amara', from: '2025-01-01T00:00:00Z', limit: '50' };

    // Act
    const query = parseWith(AuditQuery, input, 'query');

    // Assess
    expect(query).toEqual({ studentId: 'student-amara', from: '2025-01-01T00:00:00Z', limit: 50 });
  });

  it('defaults the limit to 100 and refuses more than 500', () => {
    // Prepare
    const input = { staffId: 'staff-1' };

    // Act
    const query = parseWith(AuditQuery, input, 'query');

    // Assess
    expect(query.limit).toBe(100);
    expect(() => parseWith(AuditQuery, { ...input, limit: '501' }, 'query')).toThrow(/query\.limit/);
  });

  it.each([
    ['from after to', { from: '2026-03-02T00:00:00Z', to: '2026-03-01T00:00:00Z' }, 'query.from'],
    ['to past year 9999 in UTC', { to: '9999-12-31T23:59:59-14:00' }, 'query.to'],
    ['from before year 2000', { from: '1999-12-31T23:59:59Z' }, 'query.from'],
    ['to not a date-time', { to: 'tomorrow' }, 'query.to'],
  ])('refuses %s with 400 naming the field', (_case, window, field) => {
    // Prepare
    const input = { recordId: '01JHT0000000000000000000I1', ...window };

    // Act
    const parse = () => parseWith(AuditQuery, input, 'query');

    // Assess
    expect(parse).toThrow(ValidationError);
    expect(parse).toThrow(new RegExp(`^${field.replace('.', '\\.')}: `));
  });

  it('takes a window of one instant, and the last instant of year 9999', () => {
    // Prepare
    const input = { recordId: 'r', from: '2026-03-01T09:00:00+01:00', to: '2026-03-01T08:00:00Z' };

    // Act
    const query = parseWith(AuditQuery, input, 'query');
    const latest = parseWith(AuditQuery, { recordId: 'r', to: '9999-12-31T23:59:59Z' }, 'query');

    // Assess
    expect(query).toMatchObject({ from: '2026-03-01T09:00:00+01:00', to: '2026-03-01T08:00:00Z' });
    expect(latest.to).toBe('9999-12-31T23:59:59Z');
  });
});
