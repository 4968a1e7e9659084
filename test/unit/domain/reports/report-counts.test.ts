import { beforeAll, describe, expect, it } from 'vitest';
import { projectIncident } from '../../../../shared/domain/reports/project-incident';
import { readReportSummary } from '../../../../shared/domain/reports/read-report';
import { localDateAndHour, NO_LOCATION, reportGroupings, type ReportGrouping } from '../../../../shared/domain/reports/report-facts';
import { defaultCategories } from '../../../../shared/domain/categories/default-categories';
import type { Incident } from '../../../../shared/domain/incidents/incident';
import type { Student } from '../../../../shared/domain/students/student';
import { fakeDeps, InMemoryStudentDirectory } from '../../support/fake-deps';
import { incidentFixture } from '../../support/incident-records';
import { auditEventFixture } from '../../support/audit-events';
import { requestOrigin } from '../../support/school-cast';
import { safeguardingLead, seniorLeader } from '../../support/callers';
import { ValidationError } from '../../../../shared/errors/lantern-error';
import type { StaffCaller } from '../../../../shared/domain/identity/caller';

/** A small deterministic generator, so a failure can be replayed. */
function generator(seed: number) {
  let state = seed;
  const next = () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
  return { next, pick: <T>(values: readonly T[]) => values[Math.floor(next() * values.length)]! };
}

const categoryIds = ['behaviour', 'bullying', 'attendance', 'safeguarding', 'child-protection', 'first-aid'];
const subCategoriesOf: Record<string, readonly string[]> = Object.fromEntries(categoryIds.map((id) => [id, defaultCategories.find((category) => category.id === id)?.subCategories.map((sub) => sub.id).slice(0, 3) ?? []]));
const locations = ['Playground', 'Classroom', 'Dining hall', undefined];
const authors = ['staff-a', 'staff-b', 'staff-c', 'staff-d'];
const sessions = ['before_school', 'am', 'lunch', 'pm', 'after_school'] as const;
const days = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday'] as const;
const yearGroups = ['Year 1', 'Year 3', 'Year 6'];
const students: Student[] = yearGroups.map((yearGroup, index) => ({ id: `student-${index}`, upn: `A12345678901${index}`, givenName: 'Pupil', familyName: `Number ${index}`, dateOfBirth: '2016-01-01', yearGroup, className: `${yearGroup} Oak`, status: 'on_roll' }));

function generatedIncidents(count: number, seed: number): Incident[] {
  const random = generator(seed);
  return Array.from({ length: count }, (_, index) => {
    const chosen = [...new Set([random.pick(categoryIds), ...(random.next() < 0.3 ? [random.pick(categoryIds)] : [])])];
    const occurredAt = new Date(Date.UTC(2024, 8, 1) + Math.floor(random.next() * 365 * 86_400_000)).toISOString();
    const delayMinutes = Math.floor(random.next() ** 3 * 6_000);
    return incidentFixture({
      id: `I-${String(index).padStart(5, '0')}`,
      studentId: random.pick(students).id,
      linkedStudents: [],
      occurredAt,
      recordedAt: new Date(Date.parse(occurredAt) + delayMinutes * 60_000).toISOString(),
      dayOfWeek: random.pick(days),
      session: random.pick(sessions),
      location: random.pick(locations),
      categories: chosen.map((categoryId) => ({ categoryId, subCategoryIds: subCategoriesOf[categoryId]!.filter(() => random.next() < 0.4), fields: {} })),
      status: random.next() < 0.4 ? 'closed' : 'active',
      authorId: random.pick(authors),
    });
  });
}

/** The brute force: every incident the caller may see, counted straight from the incidents. */
function bruteForce(incidents: readonly Incident[], options: { from: string; to: string; groupBy: ReportGrouping; categoryId?: string; mayView: (categoryId: string) => boolean }) {
  const groups = new Map<string, number>();
  let total = 0;
  for (const incident of incidents) {
    const ids = incident.categories.map((choice) => choice.categoryId);
    if (!ids.every(options.mayView)) continue;
    if (options.categoryId && !ids.includes(options.categoryId)) continue;
    const { localDate, hour } = localDateAndHour(incident.occurredAt, 'Europe/London');
    if (localDate < options.from || localDate > options.to) continue;
    total += 1;
    const yearGroup = students.find((student) => student.id === incident.studentId)!.yearGroup;
    const keys: Record<ReportGrouping, string[]> = {
      category: ids,
      subCategory: [...new Set(incident.categories.flatMap((choice) => choice.subCategoryIds.map((sub) => `${choice.categoryId}/${sub}`)))].filter((key) => !options.categoryId || key.startsWith(`${options.categoryId}/`)),
      dayOfWeek: [incident.dayOfWeek],
      session: [incident.session],
      location: [incident.location ?? NO_LOCATION],
      yearGroup: [yearGroup],
      month: [localDate.slice(0, 7)],
      hour: [hour],
      staff: [incident.authorId],
    };
    for (const key of keys[options.groupBy]) groups.set(key, (groups.get(key) ?? 0) + 1);
  }
  return { total, groups: Object.fromEntries([...groups.entries()].sort()) };
}

async function schoolWith(incidents: readonly Incident[]) {
  const deps = fakeDeps({ students: new InMemoryStudentDirectory(students) });
  for (const incident of incidents) {
    await deps.incidents.record({ incident, alerts: [], audit: auditEventFixture({ id: `audit-${incident.id}`, recordId: incident.id }), events: [] });
    await projectIncident(deps, incident.id);
  }
  return deps;
}

const mayViewFor = (caller: StaffCaller) => (categoryId: string) => (defaultCategories.find((category) => category.id === categoryId)?.visibleTo ?? ['dsl']).some((group) => caller.groups.includes(group));
const asCounts = (summary: { total: number; groups: readonly { key: string; total: number }[] }) => ({ total: summary.total, groups: Object.fromEntries(summary.groups.map((group) => [group.key, group.total]).sort()) });

describe('report counters', () => {
  const incidents = generatedIncidents(5_000, 20_260_901);
  const range = { from: '2024-09-01', to: '2025-08-31' };
  const partial = { from: '2024-10-17', to: '2025-03-04' };
  // One school for the tests that only read it; the re-categorising test builds its own.
  let school: Awaited<ReturnType<typeof schoolWith>>;
  beforeAll(async () => {
    school = await schoolWith(incidents);
  }, 120_000);

  it('equal a brute-force count over 5,000 incidents for every grouping, whole year and odd days, for a DSL and for SLT', { timeout: 60_000 }, async () => {
    // Prepare
    const deps = school;
    for (const caller of [safeguardingLead(true), seniorLeader(true)]) {
      for (const window of [range, partial]) {
        for (const groupBy of reportGroupings) {
          // Act
          const summary = await readReportSummary(deps, caller, { ...window, groupBy }, requestOrigin);
          // Assess
          expect(asCounts(summary), `${caller.groups.join('+')} ${groupBy} ${window.from}`).toEqual(bruteForce(incidents, { ...window, groupBy, mayView: mayViewFor(caller) }));
        }
      }
    }
  });

  it('equal the brute force with a category filter, and split open from closed', async () => {
    // Prepare
    const deps = school;
    const caller = safeguardingLead(true);
    // Act
    const summary = await readReportSummary(deps, caller, { ...range, groupBy: 'subCategory', categoryId: 'bullying' }, requestOrigin);
    const everything = await readReportSummary(deps, caller, { ...range, groupBy: 'category' }, requestOrigin);
    // Assess
    expect(asCounts(summary)).toEqual(bruteForce(incidents, { ...range, groupBy: 'subCategory', categoryId: 'bullying', mayView: mayViewFor(caller) }));
    expect(everything.closed).toBe(incidents.filter((incident) => incident.status === 'closed').length);
    expect(everything.open + everything.closed).toBe(incidents.length);
  });

  it('never show SLT a count of a category closed to them', async () => {
    // Prepare
    const deps = school;
    const slt = seniorLeader(true);
    const closedToSlt = categoryIds.filter((id) => !mayViewFor(slt)(id));
    // Act
    const byCategory = await readReportSummary(deps, slt, { ...range, groupBy: 'category' }, requestOrigin);
    const bySubCategory = await readReportSummary(deps, slt, { ...range, groupBy: 'subCategory' }, requestOrigin);
    const asking = readReportSummary(deps, slt, { ...range, groupBy: 'month', categoryId: 'safeguarding' }, requestOrigin);
    // Assess
    expect(closedToSlt.length).toBeGreaterThan(0);
    expect(byCategory.groups.map((group) => group.key).filter((key) => closedToSlt.includes(key))).toEqual([]);
    expect(bySubCategory.groups.map((group) => group.key.split('/')[0]).filter((key) => closedToSlt.includes(key!))).toEqual([]);
    await expect(asking).rejects.toBeInstanceOf(ValidationError);
  });

  it('stay right after re-categorising and closing, and a redelivered event changes nothing', { timeout: 60_000 }, async () => {
    // Prepare
    const deps = await schoolWith(incidents);
    const random = generator(7);
    const changed = incidents.map((incident, index) =>
      index % 7 === 0
        ? { ...incident, version: incident.version + 1, categories: [{ categoryId: random.pick(categoryIds), subCategoryIds: [], fields: {} }], status: 'closed' as const }
        : incident,
    );
    for (const incident of changed.filter((candidate) => candidate.version > 1)) {
      await deps.incidents.record({ incident, alerts: [], audit: auditEventFixture({ id: `audit-v2-${incident.id}`, recordId: incident.id }), events: [] });
    }
    // Act
    for (const incident of changed.filter((candidate) => candidate.version > 1)) {
      await projectIncident(deps, incident.id);
      // The same event delivered twice.
      expect(await projectIncident(deps, incident.id)).toBe('unchanged');
    }
    // Assess
    for (const groupBy of ['category', 'month', 'staff'] as const) {
      const summary = await readReportSummary(deps, safeguardingLead(true), { ...range, groupBy }, requestOrigin);
      expect(asCounts(summary)).toEqual(bruteForce(changed, { ...range, groupBy, mayView: () => true }));
    }
  });

  it('put the median and 90th percentile of recording delay in the histogram bucket the exact values fall in', async () => {
    // Prepare
    const deps = school;
    const delays = incidents.map((incident) => (Date.parse(incident.recordedAt) - Date.parse(incident.occurredAt)) / 60_000).sort((left, right) => left - right);
    const exact = (fraction: number) => delays[Math.ceil(fraction * delays.length) - 1]!;
    // Act
    const summary = await readReportSummary(deps, safeguardingLead(true), { ...range, groupBy: 'month' }, requestOrigin);
    // Assess
    const bounds = summary.timeliness.histogram.map((entry) => entry.upToMinutes ?? Infinity);
    const bucketOf = (minutes: number) => bounds.find((bound) => minutes <= bound);
    expect(summary.timeliness.medianMinutesAtMost).toBe(bucketOf(exact(0.5)));
    expect(summary.timeliness.p90MinutesAtMost).toBe(bucketOf(exact(0.9)));
  });
});
