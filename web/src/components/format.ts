import { linkedRoles } from '../record/draft';

/** Dates as staff read them: "Tue 1 Dec 2026, 09:30", in the device's time. */
export function formatDateTime(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return date.toLocaleString('en-GB', { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' });
}

/** A linked pupil's role in the words the record form offers. */
export function roleLabel(role: string): string {
  return linkedRoles.find((each) => each.value === role)?.label ?? role;
}
