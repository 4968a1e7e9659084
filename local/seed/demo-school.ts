import type { Config } from '../../shared/config/load-config';
import { createDocumentClient } from '../../shared/adapters/dynamo/document-client';
import { DynamoStaffDirectory } from '../../shared/adapters/dynamo/staff-directory';
import { DynamoStudentRecords } from '../../shared/adapters/dynamo/student-records';
import { DynamoCategoryStore } from '../../shared/adapters/dynamo/category-store';
import { DynamoAlertGroupDirectory } from '../../shared/adapters/dynamo/alert-group-directory';
import { defaultCategories } from '../../shared/domain/categories/default-categories';
import type { Group } from '../../shared/domain/identity/groups';
import type { Student } from '../../shared/domain/students/student';
import { makeUpn } from '../../shared/domain/students/upn';

/**
 * Oakfield Primary School, the local twin's demo school. Every name here is fictional.
 */
export interface DemoStaffMember {
  readonly email: string;
  readonly givenName: string;
  readonly familyName: string;
  readonly jobTitle: string;
  readonly groups: readonly Group[];
  readonly password: string;
  /** The demo DSL and SLT arrive with an authenticator, so they can elevate at once. */
  readonly enrolTotp: boolean;
}

/** Meets the pool's policy: 8+ characters with upper, lower, digit and symbol. */
export const DEMO_PASSWORD = 'Oakfield!2026';

const member = (givenName: string, familyName: string, jobTitle: string, groups: Group[], enrolTotp = false): DemoStaffMember => ({
  email: `${`${givenName}.${familyName}`.toLowerCase().replace(/[^a-z.]/g, '')}@oakfield.example`,
  givenName,
  familyName,
  jobTitle,
  groups,
  password: DEMO_PASSWORD,
  enrolTotp,
});

export const demoStaff: readonly DemoStaffMember[] = [
  member('Amara', 'Okafor', 'Designated Safeguarding Lead', ['staff', 'dsl'], true),
  member('Chloe', 'Evans', 'Deputy Designated Safeguarding Lead', ['staff', 'dsl']),
  member('Tom', 'Whitfield', 'Deputy Headteacher', ['staff', 'slt'], true),
  member('Hannah', 'Price', 'Year 3 Class Teacher', ['staff']),
  member('Daniel', 'Osei', 'Year 5 Class Teacher', ['staff']),
  member('Grace', 'Lindqvist', 'Teaching Assistant', ['staff']),
  member('Sam', 'Carter', 'Midday Supervisor', ['staff']),
  member('Ben', 'Hughes', 'Reception Class Teacher', ['staff']),
  member('Olivia', 'Bennett', 'School Business Manager', ['admin']),
];

const classes = [
  { yearGroup: 'Reception', className: 'Acorn', birthYear: 2021 },
  { yearGroup: 'Year 1', className: 'Beech', birthYear: 2020 },
  { yearGroup: 'Year 2', className: 'Cedar', birthYear: 2019 },
  { yearGroup: 'Year 3', className: 'Hazel', birthYear: 2018 },
  { yearGroup: 'Year 4', className: 'Maple', birthYear: 2017 },
  { yearGroup: 'Year 5', className: 'Rowan', birthYear: 2016 },
  { yearGroup: 'Year 6', className: 'Willow', birthYear: 2015 },
];

const pupilNames: readonly [string, string][] = [
  ['Ava', 'Thornton'], ['Leo', 'Marsh'], ['Isla', 'Pemberton'], ['Noah', 'Achebe'], ['Mia', 'Kowalski'],
  ['Oscar', 'Hale'], ['Freya', 'Danvers'], ['Arlo', 'Nakamura'], ['Ruby', 'Fairweather'], ['Theo', 'Bramley'],
  ['Poppy', 'Sandoval'], ['Jude', 'Whitlock'], ['Evie', 'Mensah'], ['Finley', 'Crossley'], ['Lily', 'Okonjo'],
  ['Harvey', 'Lund'], ['Willow', 'Ashby'], ['Reuben', 'Castellano'], ['Maisie', 'Drummond'], ['Kai', 'Rahman'],
  ['Elsie', 'Hartigan'], ['Rory', 'Penhaligon'], ['Nia', 'Abernathy'], ['Zain', 'Moorcroft'], ['Hallie', 'Yeo'],
  ['Ezra', 'Blackwood'], ['Sienna', 'Varga'], ['Albie', 'Quigley'], ['Matilda', 'Oduya'], ['Felix', 'Greenhalgh'],
  ['Ivy', 'Strand'], ['Louis', 'Merriweather'], ['Ada', 'Thornton'], ['Jasper', 'Kilbride'],
];

/** The last two have left and been archived: recording search must never offer them. */
const archivedCount = 2;

export const demoStudents: readonly Student[] = pupilNames.map(([givenName, familyName], index) => {
  const group = classes[index % classes.length]!;
  const serial = String(101 + index).padStart(3, '0');
  const upn = makeUpn(`823212${String(group.birthYear + 5).slice(2)}${serial}`.padEnd(12, '0').slice(0, 12));
  const month = String((index % 12) + 1).padStart(2, '0');
  const day = String((index % 27) + 1).padStart(2, '0');
  return {
    // Opaque ids: a UPN is personal data and must not travel in URLs.
    id: `pupil-${String(index + 1).padStart(3, '0')}`,
    upn,
    givenName,
    familyName,
    dateOfBirth: `${group.birthYear}-${month}-${day}`,
    yearGroup: group.yearGroup,
    className: `${group.yearGroup === 'Reception' ? 'R' : group.yearGroup.replace('Year ', 'Y')} ${group.className}`,
    status: index >= pupilNames.length - archivedCount ? 'archived' : 'on_roll',
  };
});

/** Seed 003: "ALWAYS click the 'SLT' button for safeguarding concerns/welfare/home issues". */
export const demoAlertGroups = [
  { id: 'slt', name: 'SLT', description: 'Senior leadership and safeguarding leads', memberEmails: ['amara.okafor@oakfield.example', 'tom.whitfield@oakfield.example', 'chloe.evans@oakfield.example'] },
  { id: 'safeguarding-team', name: 'Safeguarding team', description: 'The DSL and deputies', memberEmails: ['amara.okafor@oakfield.example', 'chloe.evans@oakfield.example'] },
  { id: 'year-3-team', name: 'Year 3 team', description: 'Class teacher and teaching assistant in Year 3', memberEmails: ['hannah.price@oakfield.example', 'grace.lindqvist@oakfield.example'] },
] as const;

/**
 * Writes the demo school's staff profiles, pupils, categories and alert groups. Idempotent: a profile,
 * pupil or category that is already there is left as it is, so a restart keeps any
 * change made while running (a disabled account stays disabled).
 */
export async function seedDemoSchool(config: Config, staff: readonly (DemoStaffMember & { id: string })[]): Promise<void> {
  const documents = createDocumentClient(config);
  const directory = new DynamoStaffDirectory(documents, config.tables.records, config.tables.audit);
  const students = new DynamoStudentRecords(documents, config.tables.records);
  const categories = new DynamoCategoryStore(documents, config.tables.records, config.tables.audit);
  const alertGroups = new DynamoAlertGroupDirectory(documents, config.tables.records, config.tables.audit);
  const now = new Date().toISOString();

  for (const person of staff) {
    if (await directory.get(person.id)) continue;
    await directory.put({
      id: person.id,
      email: person.email,
      givenName: person.givenName,
      familyName: person.familyName,
      jobTitle: person.jobTitle,
      groups: person.groups,
      status: 'active',
      // Enrolled by the provisioner before seeding: the server saw the code verified.
      ...(person.enrolTotp ? { mfaEnrolledAt: now } : {}),
      createdAt: now,
      updatedAt: now,
    });
  }
  for (const student of demoStudents) {
    if (!(await students.get(student.id))) await students.put(student);
  }
  const existing = new Set((await categories.list()).map((category) => category.id));
  for (const category of defaultCategories) {
    if (!existing.has(category.id)) await categories.put(category);
  }
  const existingGroups = new Set((await alertGroups.list()).map((group) => group.id));
  const idByEmail = new Map(staff.map((person) => [person.email, person.id]));
  for (const group of demoAlertGroups) {
    if (existingGroups.has(group.id)) continue;
    const memberIds = group.memberEmails.map((email) => idByEmail.get(email)).filter((id): id is string => id !== undefined);
    await alertGroups.put({ id: group.id, name: group.name, description: group.description, memberIds });
  }
}
