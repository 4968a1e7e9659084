import { PayloadTooLargeError } from '../../errors/lantern-error';
import { INCIDENT_MAX_BYTES } from '../../schemas/incident-limits';
import type { Incident } from './incident';

/** The incident's size as the store counts text: UTF-8 bytes of its JSON. */
export function incidentBytes(incident: Incident): number {
  return Buffer.byteLength(JSON.stringify(incident), 'utf8');
}

/**
 * An incident is kept whole, as one record; every field is bounded, but long answers to
 * many questions could still pass what one record holds. Refused before anything is written.
 */
export function assertFitsOneRecord(incident: Incident): void {
  const bytes = incidentBytes(incident);
  if (bytes > INCIDENT_MAX_BYTES) {
    throw new PayloadTooLargeError(
      `This incident is too large to keep as one record (${kilobytes(bytes)} KB; at most ${kilobytes(INCIDENT_MAX_BYTES)} KB). ` +
        'Shorten the longest answers or body-map notes, or record the rest as an action on the incident.',
    );
  }
}

function kilobytes(bytes: number): number {
  return Math.ceil(bytes / 1000);
}
