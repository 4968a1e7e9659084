import type { OutgoingEmail } from '../ports';

/**
 * The alert email names only who wrote the entry and its categories, with a link
 * (seed 003 section 5: "It will tell you who created the alert and the category it comes
 * under but no other information"). Never the pupil, never the text.
 */
export function alertEmail(options: {
  readonly to: string;
  readonly kind: 'incident' | 'action';
  readonly authorName: string;
  readonly categoryNames: readonly string[];
  readonly link: string;
  readonly schoolName: string;
}): OutgoingEmail {
  const what = options.kind === 'incident' ? 'an incident' : 'an action on an incident';
  return {
    to: [options.to],
    subject: `Lantern alert from ${options.authorName}`,
    text: [
      `${options.authorName} has alerted you to ${what} in Lantern at ${options.schoolName}.`,
      `Categories: ${options.categoryNames.join(', ')}`,
      '',
      `Sign in to read it: ${options.link}`,
      '',
      'For confidentiality this email does not say who the incident is about or what was written.',
    ].join('\n'),
  };
}

export function reminderEmail(options: { readonly to: string; readonly note: string; readonly link: string; readonly schoolName: string }): OutgoingEmail {
  return {
    to: [options.to],
    subject: 'Lantern reminder',
    text: [
      `You asked Lantern at ${options.schoolName} to remind you to follow up an incident.`,
      ...(options.note ? ['', `Your note: ${options.note}`] : []),
      '',
      `Open the incident: ${options.link}`,
    ].join('\n'),
  };
}

export function incidentLink(appBaseUrl: string, incidentId: string): string {
  return `${appBaseUrl}/incidents/${encodeURIComponent(incidentId)}`;
}
