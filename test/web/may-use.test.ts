import { describe, expect, it } from 'vitest';
import { mayUse } from '../../web/src/app/may-use';
import type { MeView } from '../../web/src/api/types';

const person = (groups: MeView['groups'], elevated = false): MeView => ({
  id: 'staff-1',
  email: 'pat.fielding@oakfield.example',
  givenName: 'Pat',
  familyName: 'Fielding',
  displayName: 'Pat Fielding',
  jobTitle: 'Teacher',
  groups,
  mfaEnrolled: true,
  elevated,
});

describe('what the app offers a reader', () => {
  it('offers DSL casework to a DSL before they have stepped up, and not to SLT or teachers', () => {
    // Prepare
    const routes = ['triage.list', 'students.find', 'referrals.list', 'reports.recordingQuality', 'students.update', 'incidents.update'] as const;

    // Act
    const offered = (me: MeView) => routes.filter((routeId) => mayUse(me, routeId));

    // Assess
    expect(offered(person(['staff', 'dsl']))).toEqual(routes);
    expect(offered(person(['staff', 'dsl'], true))).toEqual(routes);
    expect(offered(person(['staff', 'slt'], true))).toEqual([]);
    expect(offered(person(['staff']))).toEqual([]);
  });

  it('offers pupil files and reports to DSLs and SLT, and nothing before GET /v1/me has answered', () => {
    // Prepare
    const routes = ['students.read', 'reports.summary'] as const;

    // Act
    const offered = (me: MeView | undefined) => routes.filter((routeId) => mayUse(me, routeId));

    // Assess
    expect(offered(person(['staff', 'slt']))).toEqual(routes);
    expect(offered(person(['staff', 'dsl']))).toEqual(routes);
    expect(offered(person(['staff', 'admin']))).toEqual([]);
    expect(offered(undefined)).toEqual([]);
  });
});
