import { makeUpn } from '../../shared/domain/students/upn';

/** Made-up pupils for import tests: fictional names only. */
const forenames = ['Ava', 'Noah', 'Isla', 'Leo', 'Maya', 'Theo', 'Ruby', 'Arlo', 'Esme', 'Finn', 'Nell', 'Otis', 'Cora', 'Jude', 'Iris', 'Ezra'];
const surnames = ['Thornbury', 'Ashcombe', 'Fenwick', 'Hollins', 'Marwood', 'Pellow', 'Quennell', 'Rudge', 'Stanbury', 'Tregear', 'Upcott', 'Varley', 'Wetherby', 'Yeoland'];

export type MisShape = 'sims' | 'arbor';

export interface RollPupil {
  readonly upn: string;
  readonly forename: string;
  readonly surname: string;
  readonly preferredForename: string;
  readonly dateOfBirth: string;
  readonly gender: 'M' | 'F';
  readonly year: number;
  readonly reg: string;
  readonly onRoll: boolean;
  readonly leavingDate?: string;
}

/** The UPN of fictional pupil `index` (a made-up LA and school number, check letter right). */
export const upnFor = (index: number) => makeUpn(`9384321${String(index).padStart(5, '0')}`);

export function rollPupils(count: number, options: { readonly leavers?: readonly number[]; readonly yearShift?: number } = {}): RollPupil[] {
  return Array.from({ length: count }, (_, index) => {
    const year = ((index + (options.yearShift ?? 0)) % 11) + 1;
    const forename = forenames[index % forenames.length]!;
    const leaver = options.leavers?.includes(index) ?? false;
    return {
      upn: upnFor(index),
      forename,
      surname: `${surnames[Math.floor(index / forenames.length) % surnames.length]}${index >= forenames.length * surnames.length ? `-${surnames[index % surnames.length]}` : ''}`,
      preferredForename: index % 7 === 0 ? `${forename}ie` : '',
      dateOfBirth: `${2019 - year}-${String((index % 12) + 1).padStart(2, '0')}-${String((index % 28) + 1).padStart(2, '0')}`,
      gender: index % 2 === 0 ? 'F' : 'M',
      year,
      reg: `${year}${'ABCD'[index % 4]}`,
      onRoll: !leaver,
      ...(leaver ? { leavingDate: '2026-07-22' } : {}),
    };
  });
}

const quote = (value: string) => (/[",\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value);
const ukDate = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;

/** A CSV as SIMS or Arbor export it (their column names and date styles). */
export function rollCsv(shape: MisShape, pupils: readonly RollPupil[]): string {
  const lines =
    shape === 'sims'
      ? [
          ['UPN', 'Legal Surname', 'Legal Forename', 'Preferred Surname', 'Preferred Forename', 'Gender', 'DOB', 'Year', 'Reg Group', 'On Roll', 'Leaving Date'],
          ...pupils.map((pupil) => [pupil.upn, pupil.surname, pupil.forename, '', pupil.preferredForename, pupil.gender, ukDate(pupil.dateOfBirth), `Year ${pupil.year}`, pupil.reg, pupil.onRoll ? 'Yes' : 'No', pupil.leavingDate ? ukDate(pupil.leavingDate) : '']),
        ]
      : [
          ['UPN', 'Legal first name', 'Legal last name', 'Preferred first name', 'Preferred last name', 'Date of birth', 'Gender', 'Year group', 'Registration form', 'Enrolment status', 'Leaving date'],
          ...pupils.map((pupil) => [pupil.upn, pupil.forename, pupil.surname, pupil.preferredForename, '', pupil.dateOfBirth, pupil.gender === 'F' ? 'Female' : 'Male', `Year ${pupil.year}`, pupil.reg, pupil.onRoll ? 'Enrolled' : 'Left', pupil.leavingDate ?? '']),
        ];
  return `${lines.map((cells) => cells.map(quote).join(',')).join('\r\n')}\r\n`;
}

/** Spoils rows (0-based pupil indexes) so each fails a different check; the file's row number is index + 2. */
export function withBadRows(csv: string, indexes: readonly number[]): string {
  const lines = csv.split('\r\n');
  const spoilers = [
    (cells: string[]) => { cells[0] = `${cells[0]!.slice(0, 12)}${(Number(cells[0]!.slice(12)) + 1) % 10}`; }, // check letter no longer matches
    (cells: string[]) => { cells[0] = ''; },
    (cells: string[]) => { cells[6] = '31/02/2015'; },
    (cells: string[]) => { cells[5] = 'Q'; },
    (cells: string[]) => { cells[7] = 'Year 15'; },
    (cells: string[]) => { cells[2] = ''; },
  ];
  indexes.forEach((index, n) => {
    const cells = lines[index + 1]!.split(',');
    spoilers[n % spoilers.length]!(cells);
    lines[index + 1] = cells.join(',');
  });
  return lines.join('\r\n');
}
