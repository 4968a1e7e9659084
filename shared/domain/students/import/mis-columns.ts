/**
 * The one place the header names of an MIS export are mapped to Lantern's pupil fields
 * (the README's "Importing pupils" table is written from this list; keep the two alike).
 *
 * Headers match case-insensitively, ignoring spaces, underscores, hyphens, dots and
 * brackets: "Date of Birth", "date_of_birth" and "DOB" are the same column. The names are
 * the ones SIMS ("Pupil" reports) and Arbor ("Students" export) put on their columns; a
 * school whose export names a column differently renames it in the file (or we add it here).
 * A header that maps to nothing, a field given by two columns, or a missing required field
 * rejects the file, naming the column.
 */
export type ImportField =
  | 'upn'
  | 'legalForename'
  | 'preferredForename'
  | 'legalSurname'
  | 'preferredSurname'
  | 'dateOfBirth'
  | 'gender'
  | 'yearGroup'
  | 'registrationGroup'
  | 'onRoll'
  | 'leavingDate';

export interface ImportColumn {
  readonly field: ImportField;
  readonly required: boolean;
  /** What the column holds, for the README and the preview. */
  readonly description: string;
  /** SIMS's name(s) for it. */
  readonly sims: readonly string[];
  /** Arbor's name(s) for it. */
  readonly arbor: readonly string[];
  /** Further names we accept. */
  readonly also: readonly string[];
}

export const importColumns: readonly ImportColumn[] = [
  { field: 'upn', required: true, description: 'Unique Pupil Number (13 characters, checked)', sims: ['UPN'], arbor: ['UPN'], also: ['Unique Pupil Number'] },
  { field: 'legalForename', required: true, description: 'Legal forename', sims: ['Legal Forename'], arbor: ['Legal first name'], also: ['Forename', 'First name'] },
  { field: 'preferredForename', required: false, description: 'Preferred forename (shown and searched; the legal forename when empty)', sims: ['Preferred Forename'], arbor: ['Preferred first name'], also: ['Known as'] },
  { field: 'legalSurname', required: true, description: 'Legal surname', sims: ['Legal Surname'], arbor: ['Legal last name'], also: ['Surname', 'Last name'] },
  { field: 'preferredSurname', required: false, description: 'Preferred surname (shown and searched; the legal surname when empty)', sims: ['Preferred Surname'], arbor: ['Preferred last name'], also: [] },
  { field: 'dateOfBirth', required: true, description: 'Date of birth: DD/MM/YYYY or YYYY-MM-DD', sims: ['DOB'], arbor: ['Date of birth'], also: ['Birth date'] },
  { field: 'gender', required: true, description: 'M, F, Male, Female, X, Other, U or Unknown', sims: ['Gender'], arbor: ['Gender'], also: ['Sex'] },
  { field: 'yearGroup', required: true, description: 'Nursery, Reception, R, Year 1 to Year 13, Y7 or 7', sims: ['Year', 'Year Group'], arbor: ['Year group'], also: ['NC Year', 'Curriculum year'] },
  { field: 'registrationGroup', required: true, description: 'Registration group, form or class', sims: ['Reg Group', 'Reg', 'Registration Group'], arbor: ['Registration form', 'Registration group'], also: ['Class', 'Form', 'Tutor group'] },
  { field: 'onRoll', required: false, description: 'On roll: Yes/No, Current/Left, On roll/Off roll, Enrolled/Left (on roll when absent)', sims: ['On Roll', 'Enrolment Status'], arbor: ['Enrolment status'], also: ['Status', 'Roll status'] },
  { field: 'leavingDate', required: false, description: 'Leaving date: a pupil whose date is today or past is a leaver', sims: ['Leaving Date', 'Date of Leaving'], arbor: ['Leaving date', 'End date'], also: ['Left on'] },
];

/** How a header is compared: lower case, without spaces, underscores, hyphens, dots or brackets. */
export function normaliseHeader(header: string): string {
  return header.toLowerCase().replace(/[\s_\-.()[\]]/g, '');
}

const byName = new Map<string, ImportField>(importColumns.flatMap((column) => [...column.sims, ...column.arbor, ...column.also].map((name) => [normaliseHeader(name), column.field] as const)));

export type HeaderMapping =
  | { readonly ok: true; readonly fields: readonly ImportField[]; readonly mapping: readonly { readonly header: string; readonly field: ImportField }[] }
  | { readonly ok: false; readonly problems: readonly string[] };

/** Maps a header row to fields, or says which column is unknown, repeated or missing. */
export function mapHeaders(headers: readonly string[]): HeaderMapping {
  const problems: string[] = [];
  const fields: ImportField[] = [];
  const seen = new Map<ImportField, string>();
  for (const header of headers) {
    const name = header.trim();
    const field = byName.get(normaliseHeader(name));
    if (!field) {
      problems.push(name ? `Unknown column "${name.slice(0, 60)}": rename it or remove it (see the column list in the README).` : 'A column has no header.');
      continue;
    }
    const earlier = seen.get(field);
    if (earlier !== undefined) problems.push(`Columns "${earlier}" and "${name}" both give the ${field} field: keep one.`);
    seen.set(field, name);
    fields.push(field);
  }
  for (const column of importColumns) {
    if (column.required && !seen.has(column.field)) problems.push(`Missing column for ${column.description.toLowerCase()} (${column.field}): SIMS calls it "${column.sims[0]}", Arbor "${column.arbor[0]}".`);
  }
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, fields, mapping: headers.map((header, index) => ({ header: header.trim(), field: fields[index]! })) };
}
