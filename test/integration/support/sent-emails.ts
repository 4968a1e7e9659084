import type { LocalFacts } from '../../../local/local-facts';
import { localFacts } from './local-facts';

/** An email as aws-ses-v2-local's JSON store lists it. */
export interface SentEmail {
  readonly destination: { readonly to: string[] };
  readonly subject: string;
  readonly body: { readonly text?: string; readonly html?: string };
}

/** Every email the stack has sent since it started (the store is shared by every file on it). */
export async function sentEmails(facts: Pick<LocalFacts, 'emails'> = localFacts()): Promise<SentEmail[]> {
  const response = await fetch(facts.emails.storeUrl);
  return ((await response.json()) as { emails: SentEmail[] }).emails;
}

export function emailsTo(emails: readonly SentEmail[], address: string): SentEmail[] {
  return emails.filter((email) => email.destination.to.includes(address));
}
