import type { OutgoingEmail } from '../ports';

/**
 * The alert email names only who wrote the entry and its categories, with a link
 * (seed 003 section 5: "It will tell you who created the alert and the category it comes
 * under but no other information"). Never the pupil, never the text.
 */
export function alertEmail(options: {
  readonly to: string;
  readonly kind: 'incident' | 'action' | 'referral_overdue';
  readonly authorName: string;
  readonly categoryNames: readonly string[];
  readonly link: string;
  readonly schoolName: string;
}): OutgoingEmail {
  if (options.kind === 'referral_overdue') return overdueReferralEmail(options);
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

/**
 * A planner reminder says only that one is due, with the link: never the owner's note,
 * which is text staff typed and may name a pupil. The note is read in Lantern, signed in.
 */
export function reminderEmail(options: { readonly to: string; readonly link: string; readonly schoolName: string }): OutgoingEmail {
  return {
    to: [options.to],
    subject: 'Lantern reminder',
    text: [
      `A reminder you set in Lantern at ${options.schoolName} is due: follow up an incident.`,
      '',
      `Sign in to read the incident and your note: ${options.link}`,
      '',
      'For confidentiality this email does not say who the incident is about or what was written.',
    ].join('\n'),
  };
}

export function incidentLink(appBaseUrl: string, incidentId: string): string {
  return `${appBaseUrl}/incidents/${encodeURIComponent(incidentId)}`;
}

/** To the DSLs: an agency's response to a referral is overdue. Names the agency only. */
function overdueReferralEmail(options: { readonly to: string; readonly categoryNames: readonly string[]; readonly link: string; readonly schoolName: string }): OutgoingEmail {
  return {
    to: [options.to],
    subject: 'Lantern: a referral response is overdue',
    text: [
      `A referral recorded in Lantern at ${options.schoolName} has had no outcome by its due time.`,
      `Agency: ${options.categoryNames.join(', ')}`,
      '',
      `Sign in to follow it up: ${options.link}`,
      '',
      'For confidentiality this email does not say who the referral is about.',
    ].join('\n'),
  };
}
