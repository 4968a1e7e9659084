import { describe, expect, it } from 'vitest';
import { mapHeaders } from '../../../../shared/domain/students/import/mis-columns';
import { readDate, readRollFile } from '../../../../shared/domain/students/import/read-roll-file';
import { createImport, readImport, startImport } from '../../../../shared/domain/students/import/manage-imports';
import { runImport } from '../../../../shared/domain/students/import/run-import';
import { ConflictError } from '../../../../shared/errors/lantern-error';
import { fakeDeps, type FakeDeps } from '../../support/fake-deps';
import { staffCaller } from '../../support/callers';
import { requestOrigin } from '../../support/school-cast';
import { rollCsv, rollPupils, upnFor, withBadRows } from '../../../support/pupil-roll';

const admin = () => staffCaller({ groups: ['admin'], staffId: 'S-ADMIN' });
const today = '2026-09-10';

function school(): FakeDeps {
  const deps = fakeDeps();
  deps.clock.set(`${today}T09:00:00.000Z`);
  return deps;
}

/** Imports `csv` inline and runs the job, as the bus would. */
async function importCsv(deps: FakeDeps, csv: string, options: { archiveMissing?: boolean } = {}) {
  const { import: started } = await createImport(deps, admin(), { csv, ...options }, requestOrigin);
  await runImport(deps, started.id);
  return (await readImport(deps, started.id)).import;
}

describe('the MIS column mapping', () => {
  it('maps SIMS and Arbor headers whatever their case and spacing', () => {
    // Act
    const sims = mapHeaders(['upn', 'LEGAL SURNAME', 'Legal_Forename', 'DOB', 'gender', 'Year', 'Reg Group']);
    const arbor = mapHeaders(['UPN', 'Legal first name', 'Legal last name', 'Date of birth', 'Gender', 'Year group', 'Registration form', 'Enrolment status']);
    // Assess
    expect(sims.ok && sims.fields).toEqual(['upn', 'legalSurname', 'legalForename', 'dateOfBirth', 'gender', 'yearGroup', 'registrationGroup']);
    expect(arbor.ok && arbor.fields).toEqual(['upn', 'legalForename', 'legalSurname', 'dateOfBirth', 'gender', 'yearGroup', 'registrationGroup', 'onRoll']);
  });

  it('names an unknown column and a missing one', () => {
    // Act
    const mapped = mapHeaders(['UPN', 'Legal Surname', 'Legal Forename', 'DOB', 'Gender', 'Year', 'Shoe size']);
    // Assess
    expect(mapped.ok).toBe(false);
    expect(!mapped.ok && mapped.problems).toEqual([expect.stringContaining('Unknown column "Shoe size"'), expect.stringContaining('registrationGroup')]);
  });

  it('refuses two columns giving one field', () => {
    // Act
    const mapped = mapHeaders(['UPN', 'Unique Pupil Number', 'Legal Surname', 'Legal Forename', 'DOB', 'Gender', 'Year', 'Reg']);
    // Assess
    expect(!mapped.ok && mapped.problems).toEqual([expect.stringContaining('both give the upn field')]);
  });
});

describe('reading a roll file', () => {
  it('reads both shapes to the same pupils', () => {
    // Prepare
    const pupils = rollPupils(30, { leavers: [3] });
    // Act
    const sims = readRollFile(rollCsv('sims', pupils), today);
    const arbor = readRollFile(rollCsv('arbor', pupils), today);
    // Assess
    expect(sims.ok && arbor.ok).toBe(true);
    const strip = (file: typeof sims) => (file.ok ? file.pupils : []);
    expect(strip(sims)).toEqual(strip(arbor));
    expect(strip(sims)[3]).toMatchObject({ row: 5, upn: upnFor(3), onRoll: false, leavingDate: '2026-07-22' });
    expect(strip(sims)[0]).toMatchObject({ givenName: 'Avaie', legalGivenName: 'Ava', yearGroup: 'Year 1', gender: 'F' });
  });

  it('names every bad row by number and reason, and no pupil detail', () => {
    // Prepare
    const csv = withBadRows(rollCsv('sims', rollPupils(40)), [2, 5, 9, 13, 17, 21]);
    // Act
    const file = readRollFile(csv, today);
    // Assess
    expect(file.ok).toBe(false);
    const problems = file.ok ? [] : file.problems;
    expect(problems.map((problem) => problem.row)).toEqual([4, 7, 11, 15, 19, 23]);
    expect(problems[0]!.reason).toMatch(/check letter/);
    expect(problems[2]!.reason).toMatch(/date of birth/);
    expect(problems.map((problem) => problem.reason).join(' ')).not.toMatch(/Thornbury|Ava|Noah/);
  });

  it('refuses a repeated UPN on its second row', () => {
    // Prepare
    const pupils = rollPupils(3);
    const csv = rollCsv('arbor', [...pupils, pupils[1]!]);
    // Act
    const file = readRollFile(csv, today);
    // Assess
    expect(!file.ok && file.problems).toEqual([{ row: 5, reason: 'The same UPN as row 3: each pupil once.' }]);
  });

  it('refuses a temporary UPN and a row of broken CSV', () => {
    // Prepare
    const csv = rollCsv('arbor', rollPupils(2)).replace(upnFor(1), `${upnFor(1).slice(0, 12)}A`);
    // Act
    const temporary = readRollFile(csv, today);
    const broken = readRollFile('UPN,Legal Surname\n"A123,unclosed\n', today);
    // Assess
    expect(!temporary.ok && temporary.problems[0]).toEqual({ row: 3, reason: expect.stringContaining('temporary') });
    expect(broken.ok).toBe(false);
  });

  it('reads UK and ISO dates and refuses impossible ones', () => {
    // Assess
    expect(readDate('03/04/2015')).toBe('2015-04-03');
    expect(readDate('2015-04-03')).toBe('2015-04-03');
    expect(readDate('29/02/2015')).toBeUndefined();
    expect(readDate('2015/04/03')).toBeUndefined();
  });
});

describe('importing pupils', () => {
  it('creates every pupil of a file, each findable in the recording search', async () => {
    // Prepare
    const deps = school();
    // Act
    const done = await importCsv(deps, rollCsv('sims', rollPupils(50)));
    // Assess
    expect(done.status).toBe('done');
    expect(done.counts).toMatchObject({ rows: 50, accepted: 50, created: 50, changed: 0, archived: 0, rejected: 0 });
    expect(done.progress).toEqual({ total: 50, written: 50 });
    expect(deps.pupilImports.batches).toEqual([16, 16, 16, 2]);
    expect((await deps.students.search('thornbury', 50)).length).toBe(16);
  });

  it('writes nothing of a file with a bad row, and reports exactly the bad rows', async () => {
    // Prepare
    const deps = school();
    const bad = [1, 4, 8, 15, 16, 23, 42, 43, 44, 49];
    // Act
    const rejected = await importCsv(deps, withBadRows(rollCsv('sims', rollPupils(50)), bad));
    // Assess
    expect(rejected.status).toBe('rejected');
    expect(rejected.counts).toMatchObject({ rows: 50, accepted: 0, rejected: 10 });
    expect(rejected.problems.map((problem) => problem.row)).toEqual(bad.map((index) => index + 2));
    expect(deps.students.students.size).toBe(0);
  });

  it('changes nothing when the same file is imported again', async () => {
    // Prepare
    const deps = school();
    const csv = rollCsv('arbor', rollPupils(40, { leavers: [5] }));
    await importCsv(deps, csv);
    const before = new Map(deps.students.students);
    // Act
    const again = await importCsv(deps, csv);
    // Assess
    expect(again.counts).toMatchObject({ rows: 40, created: 0, changed: 0, archived: 0, unchanged: 39, skipped: 1 });
    expect(again.progress.total).toBe(0);
    expect(deps.students.students).toEqual(before);
  });

  it('archives leavers, never deleting them, and counts changes', async () => {
    // Prepare
    const deps = school();
    await importCsv(deps, rollCsv('sims', rollPupils(20)));
    // Act
    const next = await importCsv(deps, rollCsv('sims', rollPupils(20, { leavers: [0, 1], yearShift: 1 })));
    // Assess
    expect(next.counts).toMatchObject({ archived: 2, changed: 18, created: 0 });
    expect(deps.students.students.size).toBe(20);
    const leaver = [...deps.students.students.values()].find((student) => student.upn === upnFor(0));
    expect(leaver).toMatchObject({ status: 'archived', leavingDate: '2026-07-22' });
    expect((await deps.students.search('avaie', 10)).length).toBe(0);
  });

  it('leaves pupils missing from the file alone, or archives them when asked', async () => {
    // Prepare
    const deps = school();
    await importCsv(deps, rollCsv('sims', rollPupils(10)));
    const partial = rollCsv('sims', rollPupils(10).slice(0, 8));
    // Act
    const kept = await importCsv(deps, partial);
    const archived = await importCsv(deps, partial, { archiveMissing: true });
    // Assess
    expect(kept.counts).toMatchObject({ notInFile: 2, archived: 0 });
    expect(archived.counts).toMatchObject({ notInFile: 2, archived: 2 });
    expect([...deps.students.students.values()].filter((student) => student.status === 'archived').length).toBe(2);
  });

  it('plans again when the roll changes under a batch, and still finishes', async () => {
    // Prepare
    const deps = school();
    deps.pupilImports.failNextApply = true;
    // Act
    const done = await importCsv(deps, rollCsv('sims', rollPupils(20)));
    // Assess
    expect(done.status).toBe('done');
    expect(deps.students.students.size).toBe(20);
  });

  it('resumes a job that died mid-write, writing only what was still to write, and says done only at the end', async () => {
    // Prepare
    const deps = school();
    const { import: started } = await createImport(deps, admin(), { csv: rollCsv('sims', rollPupils(40)) }, requestOrigin);
    const apply = deps.pupilImports.apply.bind(deps.pupilImports);
    let calls = 0;
    deps.pupilImports.apply = async (writes) => {
      calls += 1;
      if (calls === 2) throw new Error('Lambda timed out');
      return apply(writes);
    };
    await expect(runImport(deps, started.id)).rejects.toThrow('timed out');
    const midway = (await readImport(deps, started.id)).import;
    // Act
    const outcome = await runImport(deps, started.id);
    // Assess
    expect(midway).toMatchObject({ status: 'writing', progress: { total: 40, written: 16 }, counts: { created: 40 } });
    expect(outcome).toBe('done');
    expect((await readImport(deps, started.id)).import).toMatchObject({ status: 'done', progress: { total: 40, written: 40 }, counts: { created: 40 } });
    expect(deps.students.students.size).toBe(40);
  });

  it('audits each import with counts only, and logs no pupil', async () => {
    // Prepare
    const deps = school();
    // Act
    const done = await importCsv(deps, rollCsv('sims', rollPupils(5)));
    // Assess
    const finished = deps.audit.events.find((event) => event.action === 'students.import.finish');
    expect(finished).toMatchObject({ recordType: 'import', recordId: done.id, staffId: 'S-ADMIN', detail: { status: 'done', created: '5', rows: '5' } });
    expect(deps.audit.events.map((event) => event.action)).toEqual(['students.import.create', 'students.import.start', 'students.import.finish']);
    expect(deps.logLines.join('\n')).not.toMatch(/Thornbury|Ava|9384321/);
  });

  it('gives an upload for a large file, and starts only once the file is there', async () => {
    // Prepare
    const deps = school();
    const { import: created, upload } = await createImport(deps, admin(), { size: 5_000_000 }, requestOrigin);
    // Act
    const early = await startImport(deps, admin(), created.id, requestOrigin).catch((error: unknown) => error);
    await deps.files.put({ key: `schools/${deps.school.id}/imports/${created.id}.csv`, contentType: 'text/csv', body: new TextEncoder().encode(rollCsv('sims', rollPupils(3))) });
    const started = await startImport(deps, admin(), created.id, requestOrigin);
    // Assess
    expect(upload).toMatchObject({ method: 'PUT' });
    expect(deps.files.uploadsPresigned[0]).toMatchObject({ key: `schools/castle-mead/imports/${created.id}.csv`, contentType: 'text/csv', size: 5_000_000 });
    expect(early).toBeInstanceOf(ConflictError);
    expect(started.import.status).toBe('queued');
    expect(deps.pupilImports.queuedEvents).toEqual([expect.objectContaining({ detailType: 'PupilImportRequested', detail: { importId: created.id } })]);
  });

  it('refuses to start a second import while one is running', async () => {
    // Prepare
    const deps = school();
    const { import: first } = await createImport(deps, admin(), { csv: rollCsv('sims', rollPupils(3)) }, requestOrigin);
    await deps.pupilImports.claimRoll(first.id, deps.clock.now().toISOString(), '2000-01-01');
    // Act
    const second = createImport(deps, admin(), { csv: rollCsv('sims', rollPupils(3)) }, requestOrigin);
    // Assess
    await expect(second).rejects.toBeInstanceOf(ConflictError);
  });
});
