import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import Ajv2020 from 'ajv/dist/2020.js';
import { TransferBundle } from '../../../shared/schemas/transfer-bundle';

// The open format (docs/transfer-bundle/v1.schema.json) and its zod twin must say the same
// thing about every bundle: another product validates with the first, Lantern with the second.
const jsonSchema = JSON.parse(readFileSync('docs/transfer-bundle/v1.schema.json', 'utf8'));
const example = JSON.parse(readFileSync('docs/transfer-bundle/example.json', 'utf8'));
const validateWithJsonSchema = new Ajv2020({ strict: true, allErrors: true }).compile(jsonSchema);

type Bundle = Record<string, any>;
const variant = (change: (bundle: Bundle) => void): Bundle => {
  const bundle = structuredClone(example);
  change(bundle);
  return bundle;
};
const firstIncident = (bundle: Bundle) => bundle.chronology.incidents[0];

const valid: [string, Bundle][] = [
  ['the documented example', example],
  ['with a chronology PDF', variant((bundle) => (bundle.chronologyPdf = { name: 'chronology.pdf', contentType: 'application/pdf', size: 18_204, sha256: 'a'.repeat(64) }))],
  ['with no incidents, flags or files', variant((bundle) => Object.assign(bundle, { flags: [], files: [], chronology: { incidents: [] } }))],
  ['without the optional pupil fields', variant((bundle) => delete bundle.pupil.nhsNumber)],
  ['with a temporary UPN', variant((bundle) => (bundle.pupil.upn = 'L82040001234A'))],
  ['with former family names', variant((bundle) => (bundle.pupil.formerFamilyNames = ['Brook']))],
  ['with a school flag and its label', variant((bundle) => bundle.flags.push({ kind: 'school', label: 'Lunchtime support', startDate: '2026-01-05', endDate: '2026-07-22', reason: 'Agreed with parents.' }))],
  ['with body map marks at the edges', variant((bundle) => (firstIncident(bundle).bodyMap = [{ number: 1, side: 'back', x: 0, y: 1, description: 'Bruise, 2 cm, yellow.' }]))],
  ['with number and list answers', variant((bundle) => firstIncident(bundle).categories[0].answers.push({ question: 'Minutes', answer: 15 }, { question: 'Strategies', answer: ['Calm space'] }))],
  ['with seconds but no milliseconds', variant((bundle) => (bundle.createdAt = '2026-11-04T10:30:00Z'))],
  ['with an empty file', variant((bundle) => (bundle.files[0].size = 0))],
];

const invalid: [string, Bundle][] = [
  ['another format', variant((bundle) => (bundle.format = 'cpoms-export'))],
  ['version 2', variant((bundle) => (bundle.version = 2))],
  ['the version as a string', variant((bundle) => (bundle.version = '1'))],
  ['an unknown top-level property', variant((bundle) => (bundle.comments = 'hello'))],
  ['an unknown pupil property', variant((bundle) => (bundle.pupil.address = '1 High Street'))],
  ['no recipient', variant((bundle) => delete bundle.recipient)],
  ['no chronology PDF slot', variant((bundle) => delete bundle.chronologyPdf)],
  ['a short bundle id', variant((bundle) => (bundle.bundleId = 'abc'))],
  ['a local time', variant((bundle) => (bundle.createdAt = '2026-11-04T10:30:00+01:00'))],
  ['a URN of five digits', variant((bundle) => (bundle.sender.urn = '10001'))],
  ['a UPN in lower case', variant((bundle) => (bundle.pupil.upn = 'l820400012345'))],
  ['an NHS number with spaces', variant((bundle) => (bundle.pupil.nhsNumber = '943 476 5919'))],
  ['an empty given name', variant((bundle) => (bundle.pupil.givenName = ''))],
  ['a date of birth with a time', variant((bundle) => (bundle.pupil.dateOfBirth = '2015-03-14T00:00:00Z'))],
  ['an unknown flag kind', variant((bundle) => (bundle.flags[0].kind = 'vulnerable'))],
  ['a flag without a reason', variant((bundle) => delete bundle.flags[0].reason)],
  ['an incident without categories', variant((bundle) => (firstIncident(bundle).categories = []))],
  ['an unknown role', variant((bundle) => (firstIncident(bundle).role = 'bystander'))],
  ['an author without a name', variant((bundle) => (firstIncident(bundle).author = { jobTitle: 'Teacher' }))],
  ['a body map mark off the drawing', variant((bundle) => (firstIncident(bundle).bodyMap = [{ number: 1, side: 'front', x: 1.5, y: 0.2, description: 'Graze.' }]))],
  ['a mark numbered 0', variant((bundle) => (firstIncident(bundle).bodyMap = [{ number: 0, side: 'front', x: 0.5, y: 0.2, description: 'Graze.' }]))],
  ['a true/false answer', variant((bundle) => (firstIncident(bundle).categories[0].answers[0].answer = true))],
  ['an action without text', variant((bundle) => delete firstIncident(bundle).actions[0].text)],
  ['an unknown agency', variant((bundle) => (firstIncident(bundle).referrals[0].agency = 'nhs'))],
  ['an unknown referral state', variant((bundle) => (firstIncident(bundle).referrals[0].state = 'closed'))],
  ['an upper-case hash', variant((bundle) => (bundle.files[0].sha256 = bundle.files[0].sha256.toUpperCase()))],
  ['a short hash', variant((bundle) => (bundle.files[0].sha256 = 'abc123'))],
  ['a negative size', variant((bundle) => (bundle.files[0].size = -1))],
  ['a fractional size', variant((bundle) => (bundle.files[0].size = 10.5))],
  ['a content type without a subtype', variant((bundle) => (bundle.files[0].contentType = 'application'))],
  ['a chronology PDF that is not a PDF', variant((bundle) => (bundle.chronologyPdf = { name: 'chronology.docx', contentType: 'application/msword', size: 10, sha256: 'a'.repeat(64) }))],
  ['an empty chronology PDF', variant((bundle) => (bundle.chronologyPdf = { name: 'chronology.pdf', contentType: 'application/pdf', size: 0, sha256: 'a'.repeat(64) }))],
  ['files as an object', variant((bundle) => (bundle.files = {}))],
];

describe('the transfer bundle format, v1', () => {
  it.each(valid)('accepts a bundle %s, in the JSON Schema and in zod alike', (_name, bundle) => {
    // Prepare: the fixture above

    // Act
    const byJsonSchema = validateWithJsonSchema(bundle);
    const byZod = TransferBundle.safeParse(bundle);

    // Assess
    expect(validateWithJsonSchema.errors ?? []).toEqual([]);
    expect(byJsonSchema).toBe(true);
    expect(byZod.error?.issues ?? []).toEqual([]);
  });

  it.each(invalid)('refuses a bundle with %s, in the JSON Schema and in zod alike', (_name, bundle) => {
    // Prepare: the fixture above

    // Act
    const byJsonSchema = validateWithJsonSchema(bundle);
    const byZod = TransferBundle.safeParse(bundle);

    // Assess
    expect(byJsonSchema).toBe(false);
    expect(byZod.success).toBe(false);
  });

  it('is a JSON Schema that names its version and forbids unknown properties', () => {
    // Prepare: the committed schema

    // Act
    const { $id, properties, additionalProperties } = jsonSchema;

    // Assess
    expect($id).toBe('urn:lantern:transfer-bundle:1');
    expect(properties.version).toEqual({ const: 1 });
    expect(additionalProperties).toBe(false);
  });
});
