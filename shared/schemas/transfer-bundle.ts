import * as z from 'zod/mini';

/**
 * The child-protection file transfer bundle, version 1: what one school sends another when a
 * pupil moves (KCSIE). This is the zod twin of the open format in
 * `docs/transfer-bundle/v1.schema.json` (specified in `docs/transfer-bundle/README.md`);
 * `test/unit/schemas/transfer-bundle.test.ts` proves the two accept and refuse the same
 * fixtures. The format is Lantern's own limits-free view of the records: its bounds are the
 * format's, written out in both, so another product can implement it from the JSON Schema alone.
 *
 * Version 1 is closed (no unknown properties): anything added makes a version 2.
 */
export const TRANSFER_BUNDLE_FORMAT = 'lantern-transfer-bundle';
export const TRANSFER_BUNDLE_VERSION = 1;

const TEXT_MAX = 100_000;
const NAME_MAX = 200;
const LIST_MAX = 10_000;
/** 1 GiB: a file larger than this is not a safeguarding record. */
const FILE_SIZE_MAX = 1_073_741_824;

const Identifier = z.string().check(z.regex(/^[0-9A-Za-z_-]{1,64}$/));
const Instant = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/));
const CalendarDate = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/));
const Name = z.string().check(z.minLength(1), z.maxLength(NAME_MAX));
const Text = z.string().check(z.minLength(1), z.maxLength(TEXT_MAX));
const Sha256 = z.string().check(z.regex(/^[0-9a-f]{64}$/));

export const TransferSchool = z.strictObject({
  /** The DfE unique reference number (Get Information About Schools). */
  urn: z.string().check(z.regex(/^\d{6}$/)),
  name: Name,
});

export const TransferPerson = z.strictObject({
  name: Name,
  jobTitle: z.optional(Name),
});

export const TransferPupil = z.strictObject({
  /** Unique Pupil Number: a check letter, 11 digits and a digit (permanent) or a letter (temporary). */
  upn: z.string().check(z.regex(/^[A-Z]\d{11}[0-9A-Z]$/)),
  givenName: Name,
  familyName: Name,
  formerFamilyNames: z.optional(z.array(Name).check(z.maxLength(10))),
  dateOfBirth: CalendarDate,
  nhsNumber: z.optional(z.string().check(z.regex(/^\d{10}$/))),
  leavingDate: CalendarDate,
  /** The sending school's own id for the pupil, quoted in receipts. */
  senderPupilId: Identifier,
});

export const TransferFlag = z.strictObject({
  kind: z.enum([
    'child_protection_plan',
    'child_in_need',
    'looked_after',
    'previously_looked_after',
    'early_help',
    'ehcp_sen',
    'young_carer',
    'operation_encompass',
    'school',
  ]),
  label: z.optional(Name),
  startDate: CalendarDate,
  endDate: z.optional(CalendarDate),
  reason: Text,
});

export const TransferCategory = z.strictObject({
  name: Name,
  subCategories: z.array(Name).check(z.maxLength(100)),
  /** The category's questions and their answers, by the question's label. */
  answers: z
    .array(z.strictObject({ question: Name, answer: z.union([z.string().check(z.maxLength(TEXT_MAX)), z.number(), z.array(z.string().check(z.maxLength(NAME_MAX))).check(z.maxLength(100))]) })).check(z.maxLength(100)),
});

export const TransferBodyMapMark = z.strictObject({
  number: z.int().check(z.gte(1), z.lte(1000)),
  side: z.enum(['front', 'back']),
  x: z.number().check(z.gte(0), z.lte(1)),
  y: z.number().check(z.gte(0), z.lte(1)),
  description: Text,
});

export const TransferAction = z.strictObject({
  id: Identifier,
  createdAt: Instant,
  author: TransferPerson,
  text: Text,
  fileIds: z.array(Identifier).check(z.maxLength(LIST_MAX)),
});

export const TransferReferral = z.strictObject({
  id: Identifier,
  agency: z.enum(['childrens_social_care', 'early_help', 'police', 'camhs', 'prevent', 'lado', 'other']),
  agencyName: z.optional(Name),
  madeAt: Instant,
  madeBy: TransferPerson,
  reference: z.optional(Name),
  state: z.enum(['made', 'acknowledged', 'outcome']),
  acknowledgedAt: z.optional(Instant),
  outcome: z.optional(z.strictObject({ at: Instant, text: Text })),
});

export const TransferIncident = z.strictObject({
  id: Identifier,
  /** The pupil's part in it: its subject, or a linked pupil's role. Other pupils are not named. */
  role: z.enum(['subject', 'involved', 'witness', 'victim', 'alleged_perpetrator']),
  occurredAt: Instant,
  recordedAt: Instant,
  author: TransferPerson,
  location: z.optional(Name),
  description: Text,
  categories: z.array(TransferCategory).check(z.minLength(1), z.maxLength(100)),
  bodyMap: z.array(TransferBodyMapMark).check(z.maxLength(1000)),
  agencies: z.array(Name).check(z.maxLength(100)),
  status: z.enum(['active', 'closed']),
  outcome: z.optional(Text),
  fileIds: z.array(Identifier).check(z.maxLength(LIST_MAX)),
  actions: z.array(TransferAction).check(z.maxLength(LIST_MAX)),
  referrals: z.array(TransferReferral).check(z.maxLength(LIST_MAX)),
});

export const TransferFile = z.strictObject({
  id: Identifier,
  name: Name,
  contentType: z.string().check(z.regex(/^[a-z0-9][a-z0-9!#$&^_.+-]{0,126}\/[a-z0-9][a-z0-9!#$&^_.+-]{0,126}$/)),
  size: z.int().check(z.gte(0), z.lte(FILE_SIZE_MAX)),
  /** Lower-case hex SHA-256 of the file's bytes, which travel alongside the bundle. */
  sha256: Sha256,
});

export const TransferChronologyPdf = z.strictObject({
  name: Name,
  contentType: z.literal('application/pdf'),
  size: z.int().check(z.gte(1), z.lte(FILE_SIZE_MAX)),
  sha256: Sha256,
});

export const TransferBundle = z.strictObject({
  format: z.literal(TRANSFER_BUNDLE_FORMAT),
  version: z.literal(TRANSFER_BUNDLE_VERSION),
  /** Unique per bundle: a receiver refuses one it has seen (replay). */
  bundleId: z.string().check(z.regex(/^[0-9A-Za-z_-]{16,64}$/)),
  createdAt: Instant,
  sender: TransferSchool,
  recipient: TransferSchool,
  pupil: TransferPupil,
  flags: z.array(TransferFlag).check(z.maxLength(LIST_MAX)),
  chronology: z.strictObject({ incidents: z.array(TransferIncident).check(z.maxLength(LIST_MAX)) }),
  files: z.array(TransferFile).check(z.maxLength(LIST_MAX)),
  /** The chronology as a PDF, carried alongside like the files; null when not produced. */
  chronologyPdf: z.nullable(TransferChronologyPdf),
});

export type TransferBundle = z.infer<typeof TransferBundle>;
export type TransferFile = z.infer<typeof TransferFile>;
