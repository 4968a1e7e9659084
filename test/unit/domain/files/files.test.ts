import { describe, expect, it } from 'vitest';
import { createUpload } from '../../../../shared/domain/files/create-upload';
import { downloadFile } from '../../../../shared/domain/files/download-file';
import { settleScan } from '../../../../shared/domain/files/settle-scan';
import { recordIncident } from '../../../../shared/domain/incidents/record-incident';
import { addAction } from '../../../../shared/domain/incidents/add-action';
import { ConflictError, NotFoundError, UnprocessableError, ValidationError } from '../../../../shared/errors/lantern-error';
import { schoolDeps, type SchoolDeps } from '../../support/school-deps';
import { callerFor, requestOrigin, staffOf } from '../../support/school-cast';
import { actionInput, incidentInput } from '../../support/incident-input';

const author = callerFor(staffOf.author);
const alerted = callerFor(staffOf.teachingAssistant);
const unrelated = callerFor(staffOf.unrelatedTeacher);
const pdfBytes = new TextEncoder().encode('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n');

async function uploaded(deps: SchoolDeps, bytes = pdfBytes, by = author) {
  const { file } = await createUpload(deps, by, { name: 'Letter from parent.pdf', contentType: 'application/pdf', size: bytes.length }, requestOrigin);
  const key = deps.fileRecords.records.get(file.id)!.key;
  await deps.files.put({ key, contentType: 'application/pdf', body: bytes });
  return { fileId: file.id, key };
}

async function recordedWith(deps: SchoolDeps, fileIds: string[]) {
  const { incident } = await recordIncident(deps, author, incidentInput({ alert: { staffIds: [staffOf.teachingAssistant.id] }, fileIds }), requestOrigin);
  return incident;
}

describe('createUpload', () => {
  it('answers a file id and a 5-minute upload to a key under the school, and audits it', async () => {
    // Prepare
    const deps = schoolDeps();
    // Act
    const result = await createUpload(deps, author, { name: 'C:\\fakepath\\Letter from parent.pdf', contentType: 'application/pdf', size: 48_213 }, requestOrigin);
    // Assess
    expect(result.file).toEqual({ id: expect.any(String), name: 'Letter from parent.pdf', contentType: 'application/pdf', size: 48_213, scan: 'pending' });
    expect(deps.files.uploadsPresigned).toEqual([{ key: `schools/castle-mead/files/${result.file.id}`, contentType: 'application/pdf', size: 48_213, expiresInSeconds: 300 }]);
    expect(deps.audit.events.map((event) => [event.action, event.recordId])).toEqual([['file.upload', result.file.id]]);
  });

  it.each([
    [{ name: 'setup.exe', contentType: 'application/x-msdownload', size: 10 }, 'contentType'],
    [{ name: 'video.pdf', contentType: 'application/pdf', size: 25 * 1024 * 1024 + 1 }, 'size'],
    [{ name: 'empty.pdf', contentType: 'application/pdf', size: 0 }, 'size'],
    [{ name: '/\u0000/', contentType: 'application/pdf', size: 10 }, 'name'],
    [{ name: 'letter.docx', contentType: 'application/pdf', size: 10 }, 'name'],
  ])('refuses %j naming %s, and writes nothing', async (input, field) => {
    // Prepare
    const deps = schoolDeps();
    // Act
    const attempt = createUpload(deps, author, input, requestOrigin);
    // Assess
    await expect(attempt).rejects.toBeInstanceOf(ValidationError);
    await expect(attempt).rejects.toMatchObject({ code: 'validation_failed', message: expect.stringContaining(field) });
    expect(deps.fileRecords.records.size).toBe(0);
    expect(deps.files.uploadsPresigned).toHaveLength(0);
  });
});

describe('attaching uploads', () => {
  it('attaches the author\'s upload to the incident in its write and keeps the object', async () => {
    // Prepare
    const deps = schoolDeps();
    const { fileId, key } = await uploaded(deps);
    // Act
    const incident = await recordedWith(deps, [fileId]);
    // Assess
    expect(incident.files).toEqual([{ id: fileId, name: 'Letter from parent.pdf', contentType: 'application/pdf', size: pdfBytes.length, scan: 'pending' }]);
    expect(deps.incidents.recorded[0]!.attachFiles).toEqual([fileId]);
    expect(deps.fileRecords.records.get(fileId)!.attachedTo).toEqual({ incidentId: incident.id });
    expect(deps.files.kept.has(key)).toBe(true);
  });

  it('refuses someone else\'s upload, naming the field, and records nothing', async () => {
    // Prepare
    const deps = schoolDeps();
    const { fileId } = await uploaded(deps, pdfBytes, unrelated);
    // Act
    const attempt = recordedWith(deps, [fileId]);
    // Assess
    await expect(attempt).rejects.toBeInstanceOf(UnprocessableError);
    await expect(attempt).rejects.toMatchObject({ field: 'fileIds.0' });
    expect(deps.incidents.recorded).toHaveLength(0);
  });

  it('attaches an upload once only', async () => {
    // Prepare
    const deps = schoolDeps();
    const { fileId } = await uploaded(deps);
    const incident = await recordedWith(deps, [fileId]);
    // Act
    const attempt = addAction(deps, author, incident.id, actionInput({ fileIds: [fileId] }), requestOrigin);
    // Assess
    await expect(attempt).rejects.toMatchObject({ code: 'unprocessable', field: 'fileIds.0' });
  });

  it('refuses an upload whose bytes never arrived, naming the field, and records nothing', async () => {
    // Prepare
    const deps = schoolDeps();
    const { fileId, key } = await uploaded(deps);
    deps.files.neverUploaded.add(key);
    // Act
    const attempt = recordedWith(deps, [fileId]);
    // Assess
    await expect(attempt).rejects.toMatchObject({ code: 'unprocessable', field: 'fileIds.0', reason: expect.stringContaining('not finished uploading') });
    expect(deps.incidents.recorded).toHaveLength(0);
  });

  it('refuses more than five files', async () => {
    // Prepare
    const deps = schoolDeps();
    const fileIds = [];
    for (let index = 0; index < 6; index += 1) fileIds.push((await uploaded(deps)).fileId);
    // Act: past the request schema's own limit, as a caller of the domain could send
    const attempt = recordIncident(deps, author, { ...incidentInput(), fileIds }, requestOrigin);
    // Assess
    await expect(attempt).rejects.toMatchObject({ code: 'unprocessable', field: 'fileIds' });
    expect(deps.incidents.recorded).toHaveLength(0);
  });
});

describe('downloadFile', () => {
  async function cleanFileOnIncident(deps: SchoolDeps) {
    const { fileId, key } = await uploaded(deps);
    const incident = await recordedWith(deps, [fileId]);
    await settleScan(deps, { objectKey: key, verdict: 'NO_THREATS_FOUND' });
    return { fileId, key, incident };
  }

  it('gives an alerted colleague a one-minute attachment link, and audits it under the pupil', async () => {
    // Prepare
    const deps = schoolDeps();
    const { fileId, key, incident } = await cleanFileOnIncident(deps);
    // Act
    const download = await downloadFile(deps, alerted, fileId, requestOrigin);
    // Assess
    expect(download).toMatchObject({ expiresInSeconds: 60, name: 'Letter from parent.pdf', contentType: 'application/pdf' });
    expect(deps.files.downloadsPresigned).toEqual([{ key, contentType: 'application/pdf', fileName: 'Letter from parent.pdf', expiresInSeconds: 60 }]);
    const read = deps.audit.events.find((event) => event.action === 'file.read');
    expect(read).toMatchObject({ staffId: staffOf.teachingAssistant.id, recordId: fileId, outcome: 'allowed', studentIds: [incident.student.id] });
  });

  it('tells an unrelated colleague there is no such file', async () => {
    // Prepare
    const deps = schoolDeps();
    const { fileId } = await cleanFileOnIncident(deps);
    // Act
    const attempt = downloadFile(deps, unrelated, fileId, requestOrigin);
    // Assess
    await expect(attempt).rejects.toBeInstanceOf(NotFoundError);
    expect(deps.files.downloadsPresigned).toHaveLength(0);
  });

  it('hides a file on an action from a reader of the incident who may not see the action', async () => {
    // Prepare
    const deps = schoolDeps();
    const incident = await recordedWith(deps, []);
    const { fileId, key } = await uploaded(deps);
    await addAction(deps, author, incident.id, actionInput({ text: 'Minutes of the meeting attached.', fileIds: [fileId] }), requestOrigin);
    await settleScan(deps, { objectKey: key, verdict: 'NO_THREATS_FOUND' });
    // Act
    const attempt = downloadFile(deps, alerted, fileId, requestOrigin);
    // Assess
    await expect(attempt).rejects.toBeInstanceOf(NotFoundError);
    await expect(downloadFile(deps, author, fileId, requestOrigin)).resolves.toMatchObject({ name: 'Letter from parent.pdf' });
  });

  it('refuses a file still being checked', async () => {
    // Prepare
    const deps = schoolDeps();
    const { fileId } = await uploaded(deps);
    await recordedWith(deps, [fileId]);
    // Act
    const attempt = downloadFile(deps, alerted, fileId, requestOrigin);
    // Assess
    await expect(attempt).rejects.toBeInstanceOf(ConflictError);
    await expect(attempt).rejects.toThrow('being checked');
  });
});

describe('settleScan', () => {
  it('marks a file clean when no threat was found and its bytes are its type', async () => {
    // Prepare
    const deps = schoolDeps();
    const { fileId, key } = await uploaded(deps);
    // Act
    const outcome = await settleScan(deps, { objectKey: key, verdict: 'NO_THREATS_FOUND' });
    // Assess
    expect(outcome).toBe('clean');
    expect(deps.fileRecords.records.get(fileId)!.scan).toBe('clean');
    expect(deps.files.quarantined).toHaveLength(0);
  });

  it('marks an attached file kept again once it is found clean (the scanner\'s tagging may have replaced the tag)', async () => {
    // Prepare
    const deps = schoolDeps();
    const { fileId, key } = await uploaded(deps);
    await recordedWith(deps, [fileId]);
    deps.files.kept.clear();
    // Act
    await settleScan(deps, { objectKey: key, verdict: 'NO_THREATS_FOUND' });
    // Assess
    expect(deps.files.kept.has(key)).toBe(true);
  });

  it('quarantines a file whose bytes are not its declared type, without alerting', async () => {
    // Prepare: a Windows program called a PDF
    const deps = schoolDeps();
    const { fileId, key } = await uploaded(deps, new Uint8Array([0x4d, 0x5a, 0x90, 0, 3, 0]));
    // Act
    const outcome = await settleScan(deps, { objectKey: key, verdict: 'NO_THREATS_FOUND' });
    // Assess
    expect(outcome).toBe('mismatched');
    expect(deps.files.quarantined).toEqual([{ from: key, to: `schools/castle-mead/quarantine/${fileId}` }]);
    expect(deps.mailer.sent).toHaveLength(0);
  });

  it('quarantines malware and emails each DSL once, with no pupil data, even when the result comes twice', async () => {
    // Prepare
    const deps = schoolDeps();
    const { fileId, key } = await uploaded(deps);
    const incident = await recordedWith(deps, [fileId]);
    // Act
    const first = await settleScan(deps, { objectKey: key, verdict: 'THREATS_FOUND' });
    const again = await settleScan(deps, { objectKey: key, verdict: 'THREATS_FOUND' });
    // Assess
    expect([first, again]).toEqual(['infected', 'infected']);
    expect(deps.fileRecords.records.get(fileId)!.scan).toBe('infected');
    expect(deps.files.quarantined).toHaveLength(1);
    expect(deps.mailer.sent.map((email) => email.to)).toEqual([[staffOf.designatedLead.email]]);
    const email = deps.mailer.sent[0]!;
    expect(email.text).toContain(`/incidents/${incident.id}`);
    expect(email.text).not.toContain(incident.student.name);
    await expect(downloadFile(deps, alerted, fileId, requestOrigin)).rejects.toBeInstanceOf(ConflictError);
  });

  it('hides a file found bad after it was found clean (a later version of the object) and alerts the DSLs', async () => {
    // Prepare
    const deps = schoolDeps();
    const { fileId, key } = await uploaded(deps);
    await recordedWith(deps, [fileId]);
    await settleScan(deps, { objectKey: key, verdict: 'NO_THREATS_FOUND' });
    // Act
    const outcome = await settleScan(deps, { objectKey: key, verdict: 'THREATS_FOUND' });
    const lateClean = await settleScan(deps, { objectKey: key, verdict: 'NO_THREATS_FOUND' });
    // Assess
    expect([outcome, lateClean]).toEqual(['infected', 'already-settled']);
    expect(deps.fileRecords.records.get(fileId)!.scan).toBe('infected');
    expect(deps.files.quarantined).toEqual([{ from: key, to: `schools/castle-mead/quarantine/${fileId}` }]);
    expect(deps.mailer.sent.map((email) => email.to)).toEqual([[staffOf.designatedLead.email]]);
    await expect(downloadFile(deps, alerted, fileId, requestOrigin)).rejects.toThrow('held malware');
  });

  it('ignores objects that are not this school\'s uploads', async () => {
    // Prepare
    const deps = schoolDeps();
    // Act
    const outcome = await settleScan(deps, { objectKey: 'schools/another-school/files/01JHT0000000000000000000', verdict: 'THREATS_FOUND' });
    // Assess
    expect(outcome).toBe('not-a-file');
  });
});
