import { describe, expect, it } from 'vitest';
import { defaultCategories } from '../../../../shared/domain/categories/default-categories';
import { assembleTransferBundle, type BundleSources } from '../../../../shared/domain/transfers/assemble-bundle';
import type { Referral } from '../../../../shared/domain/referrals/referral';
import { UnprocessableError } from '../../../../shared/errors/lantern-error';
import { TransferBundle } from '../../../../shared/schemas/transfer-bundle';
import { actionFixture, incidentFixture } from '../../support/incident-records';
import { pupilsOf, staffOf } from '../../support/school-cast';

const behaviour = defaultCategories.find((category) => category.id === 'behaviour')!;
const photo = { id: '01JHT00000000000000000FILE', name: 'graze.jpg', contentType: 'image/jpeg', size: 51_200 };
const referral: Referral = {
  id: '01JHT0000000000000000000R1',
  incidentId: '01JHT0000000000000000000I2',
  studentId: pupilsOf.classmate.id,
  agency: 'childrens_social_care',
  madeAt: '2025-01-16T09:00:00.000Z',
  madeBy: staffOf.designatedLead.id,
  responseDueAt: '2025-01-17T09:00:00.000Z',
  state: 'made',
  recordedBy: staffOf.designatedLead.id,
  recordedAt: '2025-01-16T09:05:00.000Z',
};

function sources(overrides: Partial<BundleSources> = {}): BundleSources {
  return {
    bundleId: '01KBD2W6Q8ZJ5X3V9N4T7R2M1C',
    createdAt: new Date('2026-11-04T10:30:00.000Z'),
    sender: { urn: '100001', name: 'Castlemead Primary School' },
    recipient: { urn: '100002', name: 'Elmfield Academy' },
    student: { ...pupilsOf.subject, upn: 'L820400012345' },
    leavingDate: '2026-10-23',
    nhsNumber: '9434765919',
    flags: [{ kind: 'early_help', startDate: '2025-01-06', reason: 'Early help assessment agreed with the family.' }],
    incidents: [
      // Given newest first: the bundle is oldest first.
      {
        incident: incidentFixture({ id: '01JHT0000000000000000000I2', occurredAt: '2025-01-16T08:45:00.000Z', studentId: pupilsOf.classmate.id, linkedStudents: [{ studentId: pupilsOf.subject.id, role: 'victim' }] }),
        actions: [],
        referrals: [referral],
      },
      {
        incident: incidentFixture({ files: [photo], categories: [{ categoryId: 'behaviour', subCategoryIds: [behaviour.subCategories[0]!.id], fields: {} }] }),
        actions: [actionFixture({ authorId: 'staff-who-left', createdAt: '2025-01-15T12:00:00.000Z' }), actionFixture({ id: '01JHT0000000000000000000X0', createdAt: '2025-01-15T11:00:00.000Z' })],
        referrals: [],
      },
    ],
    staff: new Map(Object.values(staffOf).map((profile) => [profile.id, profile])),
    categories: defaultCategories,
    fileHashes: new Map([[photo.id, 'b'.repeat(64)]]),
    chronologyPdf: null,
    ...overrides,
  };
}

describe('assembleTransferBundle', () => {
  it('makes a bundle the v1 format accepts', () => {
    // Prepare
    const input = sources();

    // Act
    const bundle = assembleTransferBundle(input);

    // Assess
    expect(TransferBundle.safeParse(bundle).error?.issues ?? []).toEqual([]);
    expect(bundle.pupil).toEqual({ upn: 'L820400012345', givenName: 'Amara', familyName: 'Osei', dateOfBirth: pupilsOf.subject.dateOfBirth, nhsNumber: '9434765919', leavingDate: '2026-10-23', senderPupilId: pupilsOf.subject.id });
  });

  it('puts incidents oldest first with the pupil’s role, and actions in the order they were added', () => {
    // Prepare
    const input = sources();

    // Act
    const { incidents } = assembleTransferBundle(input).chronology;

    // Assess
    expect(incidents.map((incident) => [incident.id, incident.role])).toEqual([
      ['01JHT0000000000000000000I1', 'subject'],
      ['01JHT0000000000000000000I2', 'victim'],
    ]);
    expect(incidents[0]!.actions.map((action) => action.id)).toEqual(['01JHT0000000000000000000X0', '01JHT0000000000000000000X1']);
    expect(incidents[1]!.referrals).toEqual([
      { id: referral.id, agency: 'childrens_social_care', madeAt: referral.madeAt, madeBy: { name: 'Daniel Okafor', jobTitle: staffOf.designatedLead.jobTitle }, state: 'made' },
    ]);
  });

  it('names authors, categories and sub-categories in words, since the receiver has its own ids', () => {
    // Prepare
    const input = sources();

    // Act
    const [first] = assembleTransferBundle(input).chronology.incidents;

    // Assess
    expect(first!.author).toEqual({ name: `${staffOf.author.givenName} ${staffOf.author.familyName}`, jobTitle: staffOf.author.jobTitle });
    expect(first!.actions[1]!.author).toEqual({ name: 'Former member of staff' });
    expect(first!.categories).toEqual([{ name: behaviour.name, subCategories: [behaviour.subCategories[0]!.name], answers: [] }]);
  });

  it('lists each attached file in the manifest with its hash, and does not name other pupils', () => {
    // Prepare
    const input = sources();

    // Act
    const bundle = assembleTransferBundle(input);

    // Assess
    expect(bundle.files).toEqual([{ ...photo, sha256: 'b'.repeat(64) }]);
    expect(bundle.chronology.incidents[0]!.fileIds).toEqual([photo.id]);
    expect(JSON.stringify(bundle)).not.toContain(pupilsOf.classmate.id);
  });

  it('refuses to leave out a file whose bytes are not available, naming it', () => {
    // Prepare
    const input = sources({ fileHashes: new Map() });

    // Act
    const attempt = () => assembleTransferBundle(input);

    // Assess
    expect(attempt).toThrow(UnprocessableError);
    expect(attempt).toThrow(`files: file ${photo.id} is not available to send`);
  });
});
