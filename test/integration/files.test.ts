import { beforeAll, describe, expect, it } from 'vitest';
import { callApi } from './support/call-api';
import { eventsSettled, localFacts } from './support/local-facts';
import { sentEmails } from './support/sent-emails';
import { signInDemoUser } from './support/sign-in';
import { EICAR_SIGNATURE } from '../../local/services/malware-scanner-local';

/**
 * Issue 12 on the real local stand-ins: the browser's part (POST /v1/files, then the file
 * PUT straight to s3rver through the presigned URL), the local malware scanner putting
 * GuardDuty's result on the default bus, the same `file-scans` consumer settling it, and
 * the audited download through a presigned GET.
 */
interface Person {
  readonly id: string;
  readonly email: string;
  readonly token: string;
}

interface UploadStarted {
  readonly file: { readonly id: string; readonly scan: string };
  readonly upload: { readonly method: string; readonly url: string; readonly headers: Record<string, string> };
}

interface IncidentView {
  readonly id: string;
  readonly files?: readonly { readonly id: string; readonly name: string; readonly scan: string }[];
}

interface AuditEntry {
  readonly action: string;
  readonly outcome: string;
  readonly staffId?: string;
  readonly recordId: string;
}

const PDF = new TextEncoder().encode('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

let teacher: Person;
let colleague: Person;
let unrelated: Person;
let dsl: Person;
let pupilId: string;

async function person(email: string): Promise<Person> {
  const { user, token } = await signInDemoUser(email);
  return { id: user.id, email: user.email, token };
}

/** What the staff app does: ask for an upload, then send the bytes with exactly the headers given. */
async function upload(who: Person, name: string, contentType: string, bytes: Uint8Array<ArrayBuffer>): Promise<string> {
  const started = await callApi<UploadStarted>('/v1/files', { method: 'POST', token: who.token, body: { name, contentType, size: bytes.byteLength } });
  expect(started.status).toBe(201);
  const put = await fetch(started.body.upload.url, { method: started.body.upload.method, headers: started.body.upload.headers, body: bytes });
  expect(put.status).toBe(200);
  return started.body.file.id;
}

/** The scan of what was uploaded, its result on the bus, the consumer and the outbox: all done. */
const settled = eventsSettled;

async function recordIncident(who: Person, fileIds: readonly string[], alerted: readonly string[]) {
  return callApi<IncidentView & { issues?: { field: string }[] }>('/v1/incidents', {
    method: 'POST',
    token: who.token,
    body: {
      studentId: pupilId,
      occurredAt: new Date(Date.now() - 10 * 60_000).toISOString(),
      description: 'Her mum handed me a letter from the family doctor at the gate this morning; I have attached it.',
      categories: [{ categoryId: 'health' }],
      alert: { staffIds: alerted, groupIds: [] },
      fileIds,
    },
  });
}

async function objectAt(key: string): Promise<number> {
  const { s3 } = localFacts();
  return (await fetch(`${s3.endpoint}/${s3.bucket}/${key}`, { method: 'HEAD' })).status;
}

beforeAll(async () => {
  [teacher, colleague, unrelated, dsl] = await Promise.all([
    person('hannah.price@oakfield.example'),
    person('daniel.osei@oakfield.example'),
    person('ben.hughes@oakfield.example'),
    person('amara.okafor@oakfield.example'),
  ]);
  const found = await callApi<{ students: { id: string }[] }>('/v1/students?query=isla', { token: teacher.token });
  pupilId = found.body.students[0]!.id;
});

describe('a letter attached to an incident', () => {
  let fileId: string;
  let incidentId: string;

  it('is uploaded through the presigned URL, checked, attached and shown clean on the incident', async () => {
    // Prepare
    fileId = await upload(teacher, 'Letter from the doctor.pdf', 'application/pdf', PDF);
    await settled();

    // Act
    const recorded = await recordIncident(teacher, [fileId], [colleague.id]);
    incidentId = recorded.body.id;
    const seen = await callApi<IncidentView>(`/v1/incidents/${incidentId}`, { token: colleague.token });

    // Assess
    expect(recorded.status).toBe(201);
    expect(seen.body.files).toEqual([expect.objectContaining({ id: fileId, name: 'Letter from the doctor.pdf', scan: 'clean' })]);
  });

  it('downloads as the alerted colleague: the same bytes, as an attachment of its type', async () => {
    // Act
    const link = await callApi<{ url: string; name: string }>(`/v1/files/${fileId}`, { token: colleague.token });
    const download = await fetch(link.body.url);
    const bytes = new Uint8Array(await download.arrayBuffer());

    // Assess
    expect(link.status).toBe(200);
    expect(download.status).toBe(200);
    expect(download.headers.get('content-type')).toBe('application/pdf');
    expect(download.headers.get('content-disposition')).toMatch(/^attachment; filename="Letter from the doctor.pdf"/);
    expect(Buffer.from(bytes).equals(Buffer.from(PDF))).toBe(true);
  });

  it('is not there for an unrelated colleague (404, no link)', async () => {
    // Act
    const attempt = await callApi<{ url?: string }>(`/v1/files/${fileId}`, { token: unrelated.token });

    // Assess
    expect(attempt.status).toBe(404);
    expect(attempt.body.url).toBeUndefined();
  });

  it('puts the download and the refusal in the audit trail, found by the pupil', async () => {
    // Act
    const trail = await callApi<{ events: AuditEntry[] }>(`/v1/audit?${new URLSearchParams({ studentId: pupilId })}`, { token: dsl.token });

    // Assess
    expect(trail.status).toBe(200);
    const fileReads = trail.body.events.filter((event) => event.action === 'file.read');
    expect(fileReads).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ outcome: 'allowed', staffId: colleague.id, recordId: fileId }),
        expect.objectContaining({ outcome: 'refused', staffId: unrelated.id }),
      ]),
    );
  });

  it('cannot be attached by anyone else, nor twice', async () => {
    // Prepare
    const theirs = await upload(teacher, 'Minutes of the meeting.pdf', 'application/pdf', PDF);
    await settled();

    // Act
    const byAnother = await recordIncident(colleague, [theirs], []);
    const again = await recordIncident(teacher, [fileId], []);

    // Assess
    expect(byAnother.status).toBe(422);
    expect(byAnother.body.issues).toEqual([expect.objectContaining({ field: 'fileIds.0' })]);
    expect(again.status).toBe(422);
    expect(again.body.issues).toEqual([expect.objectContaining({ field: 'fileIds.0' })]);
  });
});

describe('files that fail their check', () => {
  it('quarantines a file whose bytes are not its type: never attachable or downloadable, no alert', async () => {
    // Prepare: a "PDF" that is a program
    const emailsBefore = (await sentEmails()).length;
    const fileId = await upload(teacher, 'Invoice.pdf', 'application/pdf', new Uint8Array([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00]));
    await settled();

    // Act
    const attach = await recordIncident(teacher, [fileId], []);
    const download = await callApi(`/v1/files/${fileId}`, { token: teacher.token });

    // Assess
    expect(attach.status).toBe(422);
    expect(attach.body.issues).toEqual([expect.objectContaining({ field: 'fileIds.0' })]);
    expect(download.status).toBe(404);
    expect(await objectAt(`schools/${localFacts().school.id}/files/${fileId}`)).toBe(404);
    expect(await objectAt(`schools/${localFacts().school.id}/quarantine/${fileId}`)).toBe(200);
    expect((await sentEmails()).length).toBe(emailsBefore);
  });

  it('quarantines the EICAR test file and emails every DSL once, with no file name or pupil', async () => {
    // Prepare
    const dsls = localFacts().users.filter((user) => user.groups.includes('dsl')).map((user) => user.email);
    const fileId = await upload(teacher, 'Scan of the note.txt', 'text/plain', new TextEncoder().encode(EICAR_SIGNATURE));
    await settled();

    // Act
    const attach = await recordIncident(teacher, [fileId], []);
    const emails = (await sentEmails()).filter((email) => email.body.text?.includes(fileId));

    // Assess
    expect(attach.status).toBe(422);
    expect(await objectAt(`schools/${localFacts().school.id}/files/${fileId}`)).toBe(404);
    expect(await objectAt(`schools/${localFacts().school.id}/quarantine/${fileId}`)).toBe(200);
    // Other test files may have made more DSLs on this shared stack: each demo DSL once, and nobody who is not one.
    const recipients = emails.flatMap((email) => email.destination.to);
    expect(recipients).toEqual(expect.arrayContaining(dsls));
    expect(new Set(recipients).size).toBe(recipients.length);
    const notDsls = localFacts().users.filter((user) => !user.groups.includes('dsl')).map((user) => user.email);
    expect(recipients.filter((address) => notDsls.includes(address))).toEqual([]);
    for (const email of emails) {
      expect(email.subject).toContain('malware');
      expect(`${email.subject} ${email.body.text}`).not.toContain('Scan of the note');
      expect(`${email.subject} ${email.body.text}`).not.toContain('Isla');
    }
  });
});
