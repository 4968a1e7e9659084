import { parse } from 'csv-parse/sync';
import { isValidUpn } from '../upn';
import { mapHeaders, type ImportField } from './mis-columns';

/** One row of the file as Lantern will hold it. */
export interface ImportedPupil {
  /** The file's row number (the header is row 1), for the report. */
  readonly row: number;
  readonly upn: string;
  readonly givenName: string;
  readonly familyName: string;
  readonly legalGivenName: string;
  readonly legalFamilyName: string;
  readonly dateOfBirth: string;
  readonly gender: 'F' | 'M' | 'X' | 'U';
  readonly yearGroup: string;
  readonly className: string;
  readonly onRoll: boolean;
  readonly leavingDate?: string;
}

/** A row refused, by its number in the file and why: never the row's values (they are pupils' details). */
export interface RowProblem {
  readonly row: number;
  readonly reason: string;
}

export type RollFile =
  | { readonly ok: true; readonly pupils: readonly ImportedPupil[]; readonly mapping: readonly { readonly header: string; readonly field: ImportField }[] }
  | { readonly ok: false; readonly rows: number; readonly problems: readonly RowProblem[] };

/** The most rows one file may hold: a large secondary school has under 2,500 pupils. */
export const MAX_IMPORT_ROWS = 10_000;
const MAX_NAME = 100;

/**
 * Reads the whole file and checks every row before anything is written: the import is
 * all-or-nothing, so a file with any bad row is refused with every bad row named.
 * `today` (YYYY-MM-DD, the school's date) decides who has left.
 */
export function readRollFile(text: string, today: string): RollFile {
  let records: string[][];
  try {
    records = parse(text.replace(/^\uFEFF/, ''), { bom: true, skip_empty_lines: true, relax_column_count: true, trim: true, max_record_size: 10_000 }) as string[][];
  } catch (error) {
    const line = typeof error === 'object' && error !== null && 'lines' in error ? Number((error as { lines: unknown }).lines) : undefined;
    return { ok: false, rows: 0, problems: [{ row: line ?? 1, reason: 'The file is not valid CSV here (an unclosed quote, or a row too long).' }] };
  }
  const [headers, ...rows] = records;
  if (!headers) return { ok: false, rows: 0, problems: [{ row: 1, reason: 'The file is empty: it needs a header row and a row per pupil.' }] };
  const mapped = mapHeaders(headers);
  if (!mapped.ok) return { ok: false, rows: rows.length, problems: mapped.problems.map((reason) => ({ row: 1, reason })) };
  if (rows.length === 0) return { ok: false, rows: 0, problems: [{ row: 1, reason: 'The file has a header row but no pupils.' }] };
  if (rows.length > MAX_IMPORT_ROWS) return { ok: false, rows: rows.length, problems: [{ row: MAX_IMPORT_ROWS + 2, reason: `A file may hold at most ${MAX_IMPORT_ROWS} pupils.` }] };

  const problems: RowProblem[] = [];
  const pupils: ImportedPupil[] = [];
  const upnRows = new Map<string, number>();
  rows.forEach((cells, index) => {
    const row = index + 2;
    const value = (field: ImportField) => {
      const at = mapped.fields.indexOf(field);
      return at === -1 ? '' : (cells[at] ?? '').trim();
    };
    const result = readRow(value, today);
    if (typeof result === 'string') {
      problems.push({ row, reason: result });
      return;
    }
    const earlier = upnRows.get(result.upn);
    if (earlier !== undefined) {
      problems.push({ row, reason: `The same UPN as row ${earlier}: each pupil once.` });
      return;
    }
    upnRows.set(result.upn, row);
    pupils.push({ row, ...result });
  });
  if (problems.length > 0) return { ok: false, rows: rows.length, problems };
  return { ok: true, pupils, mapping: mapped.mapping };
}

function readRow(value: (field: ImportField) => string, today: string): Omit<ImportedPupil, 'row'> | string {
  const reasons: string[] = [];
  const upn = value('upn').toUpperCase();
  if (!upn) reasons.push('no UPN');
  else if (!/^[A-Z]\d{11}[0-9A-Z]$/.test(upn)) reasons.push('the UPN is not a letter and 12 digits');
  else if (/[A-Z]$/.test(upn)) reasons.push('the UPN is a temporary one (it ends in a letter): give the permanent UPN');
  else if (!isValidUpn(upn)) reasons.push("the UPN's check letter does not match its digits");

  const legalGivenName = value('legalForename');
  const legalFamilyName = value('legalSurname');
  const givenName = value('preferredForename') || legalGivenName;
  const familyName = value('preferredSurname') || legalFamilyName;
  for (const [name, what] of [
    [legalGivenName, 'legal forename'],
    [legalFamilyName, 'legal surname'],
    [givenName, 'preferred forename'],
    [familyName, 'preferred surname'],
  ] as const) {
    if (!name) reasons.push(`no ${what}`);
    else if (name.length > MAX_NAME || /[\p{Cc}#<>]/u.test(name)) reasons.push(`the ${what} is longer than ${MAX_NAME} characters or holds # < > or control characters`);
  }

  const dateOfBirth = readDate(value('dateOfBirth'));
  if (!dateOfBirth) reasons.push('the date of birth is missing or not a date (DD/MM/YYYY or YYYY-MM-DD)');
  else if (dateOfBirth > today || dateOfBirth < `${Number(today.slice(0, 4)) - 30}${today.slice(4)}`) reasons.push('the date of birth is in the future or more than 30 years ago');

  const gender = readGender(value('gender'));
  if (!gender) reasons.push('the gender is not one of M, F, X, U (Male, Female, Other, Unknown)');

  const yearGroup = readYear(value('yearGroup'));
  if (!yearGroup) reasons.push('the year is not Nursery, Reception or Year 1 to 13');

  const className = value('registrationGroup');
  if (!className) reasons.push('no registration group');
  else if (className.length > 40 || /[\p{Cc}#<>]/u.test(className)) reasons.push('the registration group is longer than 40 characters or holds # < > or control characters');

  const status = readOnRoll(value('onRoll'));
  if (status === undefined) reasons.push('the on-roll status is not one of Yes/No, Current/Left, On roll/Off roll, Enrolled/Left');
  const leaving = value('leavingDate');
  const leavingDate = leaving ? readDate(leaving) : undefined;
  if (leaving && !leavingDate) reasons.push('the leaving date is not a date (DD/MM/YYYY or YYYY-MM-DD)');

  if (reasons.length > 0) return `${capitalise(reasons.join('; '))}.`;
  const onRoll = status !== false && !(leavingDate !== undefined && leavingDate <= today);
  return {
    upn,
    givenName,
    familyName,
    legalGivenName,
    legalFamilyName,
    dateOfBirth: dateOfBirth!,
    gender: gender!,
    yearGroup: yearGroup!,
    className,
    onRoll,
    ...(leavingDate ? { leavingDate } : {}),
  };
}

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** DD/MM/YYYY (SIMS) or YYYY-MM-DD (Arbor), as YYYY-MM-DD; undefined when not a real date. */
export function readDate(text: string): string | undefined {
  const uk = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(text);
  const iso = /^(\d{4})-(\d{2})-(\d{2})(?:T[\d:.]+Z?)?$/.exec(text);
  const [year, month, day] = uk ? [uk[3], uk[2], uk[1]] : iso ? [iso[1], iso[2], iso[3]] : [];
  if (!year || !month || !day) return undefined;
  const date = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)));
  if (date.getUTCFullYear() !== Number(year) || date.getUTCMonth() !== Number(month) - 1 || date.getUTCDate() !== Number(day)) return undefined;
  return date.toISOString().slice(0, 10);
}

function readGender(text: string): ImportedPupil['gender'] | undefined {
  const genders: Record<string, ImportedPupil['gender']> = { m: 'M', male: 'M', f: 'F', female: 'F', x: 'X', other: 'X', u: 'U', unknown: 'U', 'not known': 'U' };
  return genders[text.toLowerCase()];
}

/** "Year 7", "Y7", "7", "NC Year 7" → "Year 7"; "R"/"Reception" → "Reception"; "N", "N1", "N2", "Nursery" → "Nursery". */
function readYear(text: string): string | undefined {
  const cleaned = text.toLowerCase().replace(/^nc\s*/, '').replace(/\s+/g, ' ').trim();
  if (['r', 'rec', 'reception', 'year r', 'yr'].includes(cleaned)) return 'Reception';
  if (/^(n|n1|n2|nursery|nursery [12])$/.test(cleaned)) return 'Nursery';
  const year = /^(?:year |yr |y)?(\d{1,2})$/.exec(cleaned);
  const number = year ? Number(year[1]) : NaN;
  return number >= 1 && number <= 13 ? `Year ${number}` : undefined;
}

/** True on roll, false left; undefined when not understood. An empty cell (or no column) is on roll. */
function readOnRoll(text: string): boolean | undefined {
  const cleaned = text.toLowerCase().replace(/[\s_-]+/g, ' ').trim();
  // SIMS's enrolment statuses (single or dual registration, guest) are all on roll.
  if (['', 'yes', 'y', 'true', '1', 'on roll', 'current', 'c', 'enrolled', 'on', 'single registration', 'main dual registration', 'subsidiary dual registration', 'guest'].includes(cleaned)) return true;
  if (['no', 'n', 'false', '0', 'off roll', 'left', 'l', 'leaver', 'former', 'off', 'not on roll'].includes(cleaned)) return false;
  return undefined;
}
