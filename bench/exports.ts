import { performance } from 'node:perf_hooks';
import { exportChronology } from '../shared/domain/exports/export-chronology';
import type { Incident } from '../shared/domain/incidents/incident';
import { fakeDeps, InMemoryStaffDirectory, InMemoryStudentDirectory, type FakeDeps } from '../test/unit/support/fake-deps';
import { callerFor, everyPupil, everyStaffMember, pupilsOf, requestOrigin, staffOf } from '../test/unit/support/school-cast';
import { incidentFixture } from '../test/unit/support/incident-records';
import { auditEventFixture } from '../test/unit/support/audit-events';

/**
 * How long a chronology export takes at 100 and at 2,000 incidents (issue 13), in process,
 * over the in-memory ports the unit tests use: the gathering, the redaction pass and the
 * rendering, which is where the time goes; not DynamoDB's or S3's latency (the export reads
 * one Query per 200 timeline items plus two per incident, eight incidents at a time, and
 * puts one object). Every incident names other pupils and staff, so redaction has work.
 * The ratio is time at 2,000 over time at 100: 20 would be exactly linear in the incidents.
 */
export const EXPORT_SCALES = [100, 2_000] as const;

const text =
  'At break Leo Walsh pushed Amara off the bench. Isla saw it and fetched RAhmed, who sat with them until Mr Hughes arrived. Amara said "Leo always does this when we play". Spoke to both at lunch; parents told at pick-up.';

async function schoolWith(incidents: number): Promise<FakeDeps> {
  const deps = fakeDeps({ students: new InMemoryStudentDirectory([...everyPupil]), staff: new InMemoryStaffDirectory([...everyStaffMember]) });
  const start = Date.parse('2024-09-02T09:00:00Z');
  for (let index = 0; index < incidents; index += 1) {
    const incident: Incident = incidentFixture({
      id: `bench-${String(index).padStart(5, '0')}`,
      occurredAt: new Date(start + index * 3_600_000).toISOString(),
      recordedAt: new Date(start + index * 3_600_000 + 600_000).toISOString(),
      description: text,
      linkedStudents: [{ studentId: pupilsOf.classmate.id, role: 'alleged_perpetrator' }, { studentId: pupilsOf.witness.id, role: 'witness' }],
    });
    await deps.incidents.record({ incident, alerts: [], audit: auditEventFixture({ id: `audit-${incident.id}` }), events: [] });
  }
  return deps;
}

export interface ExportBenchCase {
  readonly name: string;
  readonly atScale: Record<string, { medianMs: number; minMs: number; bytes: number }>;
  readonly ratio: number;
}

export interface ExportBenchResults {
  readonly runs: number;
  readonly cases: readonly ExportBenchCase[];
}

export async function runExportBench(runs = Number(process.env.BENCH_EXPORT_RUNS ?? 3)): Promise<ExportBenchResults> {
  const dsl = callerFor(staffOf.designatedLead, { elevated: true });
  const schools = new Map<number, FakeDeps>();
  for (const scale of EXPORT_SCALES) schools.set(scale, await schoolWith(scale));
  const cases: ExportBenchCase[] = [];
  for (const [name, format, redact] of [
    ['PDF, third parties redacted', 'pdf', 'third-parties'],
    ['PDF, no redaction', 'pdf', 'none'],
    ['JSON, third parties redacted', 'json', 'third-parties'],
  ] as const) {
    const atScale: ExportBenchCase['atScale'] = {};
    for (const scale of EXPORT_SCALES) {
      const deps = schools.get(scale)!;
      const times: number[] = [];
      let bytes = 0;
      for (let run = 0; run <= runs; run += 1) {
        deps.files.files.clear();
        const started = performance.now();
        await exportChronology(deps, dsl, pupilsOf.subject.id, { format, redact, from: '2024-09-01', to: '2026-08-31' }, requestOrigin);
        const elapsed = performance.now() - started;
        // The first run warms up (pdfkit's fonts, the patterns' machine code).
        if (run > 0) times.push(elapsed);
        bytes = [...deps.files.files.values()][0]!.body.length;
      }
      times.sort((left, right) => left - right);
      atScale[String(scale)] = { medianMs: Math.round(times[Math.floor(times.length / 2)]!), minMs: Math.round(times[0]!), bytes };
    }
    cases.push({ name, atScale, ratio: Math.round((atScale[String(EXPORT_SCALES[1])]!.medianMs / atScale[String(EXPORT_SCALES[0])]!.medianMs) * 100) / 100 });
  }
  return { runs, cases };
}

export function printExportResults(results: ExportBenchResults): void {
  console.log(`\nChronology export at ${EXPORT_SCALES.join(' and ')} incidents (in process, ${results.runs} runs after a warm-up; linear would be a ratio of ${EXPORT_SCALES[1] / EXPORT_SCALES[0]})\n`);
  for (const each of results.cases) {
    const figures = EXPORT_SCALES.map((scale) => `${scale}: median ${String(each.atScale[String(scale)]!.medianMs).padStart(6)} ms (${Math.round(each.atScale[String(scale)]!.bytes / 1024)} KiB)`).join('   ');
    console.log(`${each.name.padEnd(30)} ${figures}   ratio ${each.ratio}×`);
  }
}
