import { describe, expect, it } from 'vitest';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { exportChronology, EXPORT_URL_SECONDS, type ExportRequest } from '../../../../shared/domain/exports/export-chronology';
import { ChronologyExportDocument, chronologyExportJsonSchema } from '../../../../shared/schemas/exports';
import { ForbiddenError, NotFoundError, UnprocessableError } from '../../../../shared/errors/lantern-error';
import type { FakeDeps } from '../../support/fake-deps';
import { callerFor, pupilsOf, requestOrigin, staffOf } from '../../support/school-cast';
import { exportSchool, hope, namedIncident, oscar } from './export-school';
import { readPdf } from '../../support/pdf-text';

const dsl = callerFor(staffOf.designatedLead, { elevated: true });
const request = (overrides: Partial<ExportRequest> = {}): ExportRequest => ({ format: 'json', from: '2024-09-01', to: '2025-08-31', redact: 'none', ...overrides });

async function exported(deps: FakeDeps, overrides: Partial<ExportRequest> = {}, caller = dsl) {
  const answer = await exportChronology(deps, caller, pupilsOf.subject.id, request(overrides), requestOrigin);
  const key = [...deps.files.files.keys()].find((each) => each.includes(answer.exportId))!;
  return { answer, key, bytes: deps.files.files.get(key)!.body, contentType: deps.files.files.get(key)!.contentType };
}

const jsonOf = (bytes: Uint8Array) => JSON.parse(new TextDecoder().decode(bytes)) as ChronologyExportDocument;

/** Every name of another pupil or a member of staff in the fixture, as the record gives them. */
const thirdPartyNames = ['Leo', 'Walsh', 'Isla', 'Bennett', 'Oscar', 'Finch', 'Rukhsana', 'Ahmed', 'RAhmed', 'Hughes', 'Daniel', 'Okafor'];

describe('exportChronology: the JSON document', () => {
  it('validates against its zod schema and its JSON Schema, with the header and each incident whole', async () => {
    // Prepare
    const deps = await exportSchool();
    // Act
    const { bytes, contentType } = await exported(deps);
    const document = jsonOf(bytes);
    // Assess
    expect(contentType).toBe('application/json');
    expect(ChronologyExportDocument.safeParse(document).success).toBe(true);
    const validate = new Ajv2020({ strict: false, validateFormats: false }).compile(chronologyExportJsonSchema());
    expect(validate(document), JSON.stringify(validate.errors)).toBe(true);
    expect(document.school.name).toBe(deps.school.name);
    expect(document.pupil.name).toBe('Amara Osei');
    expect(document.range).toEqual({ from: '2024-09-01', to: '2025-08-31' });
    expect(document.generatedBy).toEqual({ name: 'Daniel Okafor', jobTitle: 'Designated Safeguarding Lead' });
    expect(document.generatedAt).toBe(deps.clock.now().toISOString());
    expect(document.incidents.map((incident) => incident.incidentId)).toEqual([namedIncident.id, '01JHT0000000000000000000I2']);
    const [first] = document.incidents;
    expect(first!.text).toBe(namedIncident.description);
    expect(first!.linkedPupils).toEqual([
      { name: 'Leo Walsh', role: 'alleged_perpetrator' },
      { name: 'Isla Bennett', role: 'witness' },
    ]);
    expect(first!.actions).toEqual([{ at: '2025-01-15T11:00:00.000Z', author: 'Daniel Okafor', text: 'Spoke to Leo and his mum; Mr Hughes will watch the bench at break.' }]);
    expect(first!.statusChanges).toEqual([{ at: '2025-01-20T15:00:00.000Z', by: 'Daniel Okafor', from: 'active', to: 'closed', reason: 'Met both families with Mr Hughes.' }]);
    expect(first!.referrals).toEqual([
      { agency: 'early_help', madeAt: '2025-01-16T10:00:00.000Z', responseDueAt: '2025-01-23T10:00:00.000Z', state: 'outcome', reference: 'EH-2025-0042', outcome: { at: '2025-01-22T12:00:00.000Z', text: 'Family support worker allocated.' } },
    ]);
  });

  it('a document that breaks the schema is refused by it', () => {
    // Prepare
    const broken = { schema: 'lantern.chronology-export/1', school: { id: 's', name: 'S' } };
    // Act
    const parsed = ChronologyExportDocument.safeParse(broken);
    // Assess
    expect(parsed.success).toBe(false);
  });

  it('keeps to the range and the categories asked for', async () => {
    // Prepare
    const deps = await exportSchool();
    // Act
    const behaviourOnly = jsonOf((await exported(deps, { categories: ['behaviour'] })).bytes);
    const all = jsonOf((await exported(deps, { from: '2024-01-01' })).bytes);
    // Assess
    expect(behaviourOnly.incidents.map((incident) => incident.incidentId)).toEqual([namedIncident.id]);
    expect(behaviourOnly.categories).toEqual([{ id: 'behaviour', name: 'Behaviour' }]);
    expect(all.incidents).toHaveLength(3);
  });
});

describe('exportChronology: third-party redaction (the fixture)', () => {
  it('numbers other pupils consistently, redacts a first-name-only mention, keeps an everyday-word name, and puts staff job titles', async () => {
    // Prepare
    const deps = await exportSchool();
    // Act
    const { answer, bytes } = await exported(deps, { redact: 'third-parties' });
    const document = jsonOf(bytes);
    // Assess
    const [first] = document.incidents;
    expect(first!.linkedPupils).toEqual([
      { name: '[pupil 1]', role: 'alleged_perpetrator' },
      { name: '[pupil 2]', role: 'witness' },
    ]);
    expect(first!.text).toBe('At break [pupil 1] pushed Amara off the bench. [pupil 3] saw it and fetched [Class teacher, Year 4]. Hope stayed with Amara until [Teaching assistant, Year 4] arrived. Amara said "[pupil 1] always does this".');
    expect(first!.author).toBe('Class teacher, Year 4');
    expect(first!.actions[0]).toMatchObject({ author: 'Designated Safeguarding Lead', text: 'Spoke to [pupil 1] and his mum; [Teaching assistant, Year 4] will watch the bench at break.' });
    expect(first!.statusChanges[0]).toMatchObject({ by: 'Designated Safeguarding Lead', reason: 'Met both families with [Teaching assistant, Year 4].' });
    expect(first!.outcome).toBe('Parents met; [pupil 1] apologised.');
    // The exported pupil is never redacted.
    expect(document.pupil.name).toBe('Amara Osei');
    expect(first!.pupil.name).toBe('Amara Osei');
    const everything = JSON.stringify(document.incidents);
    for (const name of thirdPartyNames) expect(everything, name).not.toMatch(new RegExp(`\\b${name}\\b`));
    expect(answer.redactions).toBeGreaterThanOrEqual(12);
  });

  it('with redact none, every name as the record gives it', async () => {
    // Prepare
    const deps = await exportSchool();
    // Act
    const document = jsonOf((await exported(deps, { redact: 'none' })).bytes);
    // Assess
    expect(document.incidents[0]!.text).toBe(namedIncident.description);
    expect(document.incidents[0]!.author).toBe('Rukhsana Ahmed');
  });

  it('names a forename shared by two pupils, neither on the incident, as [a pupil]', async () => {
    // Prepare
    const deps = await exportSchool();
    deps.students.students.set('student-oscar-2', { ...oscar, id: 'student-oscar-2', familyName: 'Reid' });
    // Act
    const document = jsonOf((await exported(deps, { redact: 'third-parties' })).bytes);
    // Assess
    expect(document.incidents[0]!.text).toContain('[a pupil] saw it');
  });

  it('redacts the full name of a pupil whose forename is an everyday word', async () => {
    // Prepare
    const deps = await exportSchool();
    deps.students.students.set(hope.id, hope);
    const withFullName = { ...(await deps.incidents.get(namedIncident.id))!.incident, id: '01JHT0000000000000000000I4', occurredAt: '2025-03-01T10:00:00.000Z', description: 'Hope Marsh and Hope were kind.' };
    await deps.incidents.record({ incident: withFullName, alerts: [], audit: { ...(deps.audit.events[0]!), id: 'audit-i4' }, events: [] });
    // Act
    const document = jsonOf((await exported(deps, { redact: 'third-parties' })).bytes);
    // Assess
    expect(document.incidents.at(-1)!.text).toMatch(/^\[pupil \d\] and Hope were kind\.$/);
  });
});

// The first PDF loads pdfkit and pdf.js: seconds on a busy machine.
describe('exportChronology: the PDF', { timeout: 30_000 }, () => {
  it('opens as a tagged PDF 1.7 with its header, page numbers and the confidential footer; names present unredacted', async () => {
    // Prepare
    const deps = await exportSchool();
    // Act
    const { bytes, contentType } = await exported(deps, { format: 'pdf' });
    const pdf = await readPdf(bytes);
    // Assess
    expect(contentType).toBe('application/pdf');
    expect(pdf.pages).toBe(1);
    expect(pdf.info.PDFFormatVersion).toBe('1.7');
    expect(pdf.info.Language).toBe('en-GB');
    expect(pdf.info.Title).toBe('Chronology: Amara Osei');
    expect(pdf.roles).toEqual(expect.arrayContaining(['Document', 'H1', 'H2', 'P', 'L', 'LI']));
    expect(pdf.text).toContain('Chronology: Amara Osei');
    expect(pdf.text).toContain(`School: ${deps.school.name}`);
    expect(pdf.text).toContain('Generated by: Daniel Okafor, Designated Safeguarding Lead');
    expect(pdf.text).toContain('CONFIDENTIAL');
    expect(pdf.text).toContain('Page 1 of 1');
    expect(pdf.text).toContain('Leo Walsh');
    expect(pdf.text).toContain('Family support worker allocated.');
  });

  it('names no other pupil or member of staff when redacted', async () => {
    // Prepare
    const deps = await exportSchool();
    // Act
    const pdf = await readPdf((await exported(deps, { format: 'pdf', redact: 'third-parties' })).bytes);
    // Assess
    for (const name of thirdPartyNames) expect(pdf.text, name).not.toMatch(new RegExp(`\\b${name}\\b`));
    expect(pdf.text).toContain('[pupil 1]');
    expect(pdf.text).toContain('Amara Osei');
  });

  it('numbers every page of a long chronology', async () => {
    // Prepare
    const deps = await exportSchool();
    const long = (await deps.incidents.get(namedIncident.id))!.incident;
    for (let day = 1; day <= 28; day += 1) {
      const id = `01JHT00000000000000000L${String(day).padStart(3, '0')}`;
      await deps.incidents.record({ incident: { ...long, id, occurredAt: `2025-04-${String(day).padStart(2, '0')}T10:00:00.000Z` }, alerts: [], audit: { ...deps.audit.events[0]!, id: `audit-${id}` }, events: [] });
    }
    // Act
    const pdf = await readPdf((await exported(deps, { format: 'pdf' })).bytes);
    // Assess
    expect(pdf.pages).toBeGreaterThan(2);
    pdf.pageTexts.forEach((text, index) => {
      expect(text).toContain(`Page ${index + 1} of ${pdf.pages}`);
      expect(text).toContain('CONFIDENTIAL');
    });
  });
});

describe('exportChronology: storage, link and audit', () => {
  it('stores the file under the export prefix and answers a link valid for 15 minutes', async () => {
    // Prepare
    const deps = await exportSchool();
    // Act
    const { answer, key } = await exported(deps, { format: 'pdf', redact: 'third-parties' });
    // Assess
    expect(key).toBe(`schools/${deps.school.id}/exports/${answer.exportId}.pdf`);
    expect(EXPORT_URL_SECONDS).toBe(900);
    expect(answer).toMatchObject({ format: 'pdf', redact: 'third-parties', expiresInSeconds: 900, incidents: 2, hiddenCount: 0 });
    expect(Date.parse(answer.expiresAt) - deps.clock.now().getTime()).toBe(900_000);
    expect(answer.fileName).toMatch(/-redacted\.pdf$/);
  });

  it('audits the export with its parameters, findable by the pupil and every pupil on its incidents, and nothing typed', async () => {
    // Prepare
    const deps = await exportSchool();
    const before = deps.audit.events.length;
    // Act
    const { answer } = await exported(deps, { format: 'json', redact: 'third-parties', categories: ['behaviour'] });
    // Assess
    const events = deps.audit.events.slice(before);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      action: 'student.export',
      recordType: 'student',
      recordId: pupilsOf.subject.id,
      outcome: 'allowed',
      staffId: staffOf.designatedLead.id,
      detail: { exportId: answer.exportId, format: 'json', from: '2024-09-01', to: '2025-08-31', categories: 'behaviour', redact: 'third-parties', incidents: '1' },
    });
    expect(events[0]!.studentIds).toEqual(expect.arrayContaining([pupilsOf.subject.id, pupilsOf.classmate.id, pupilsOf.witness.id]));
    expect(JSON.stringify(events[0])).not.toContain('bench');
  });
});

describe('exportChronology: who may export what', () => {
  it("refuses a category closed to the caller by the permission table's category rule, naming it", async () => {
    // Prepare: an elevated SLT caller reaching the domain (the route's gate refuses SLT first)
    const deps = await exportSchool();
    const slt = callerFor(staffOf.deputyHead, { elevated: true });
    // Act
    const attempt = exportChronology(deps, slt, pupilsOf.subject.id, request({ categories: ['safeguarding'] }), requestOrigin);
    // Assess
    await expect(attempt).rejects.toBeInstanceOf(ForbiddenError);
    await expect(attempt).rejects.toThrow('categories.0');
    expect(deps.files.files.size).toBe(0);
  });

  it('leaves out and counts incidents whose categories are closed to the caller', async () => {
    // Prepare
    const deps = await exportSchool();
    const slt = callerFor(staffOf.deputyHead, { elevated: true });
    // Act
    const answer = await exportChronology(deps, slt, pupilsOf.subject.id, request(), requestOrigin);
    // Assess
    expect(answer).toMatchObject({ incidents: 1, hiddenCount: 1 });
  });

  it('answers an unknown category with a 422 naming it, and an unknown pupil with a 404', async () => {
    // Prepare
    const deps = await exportSchool();
    // Act
    const unknownCategory = exportChronology(deps, dsl, pupilsOf.subject.id, request({ categories: ['behaviour', 'no-such'] }), requestOrigin);
    const unknownPupil = exportChronology(deps, dsl, 'student-nobody', request(), requestOrigin);
    // Assess
    await expect(unknownCategory).rejects.toBeInstanceOf(UnprocessableError);
    await expect(unknownCategory).rejects.toThrow('categories.1');
    await expect(unknownPupil).rejects.toBeInstanceOf(NotFoundError);
  });
});
