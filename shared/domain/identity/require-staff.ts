import type { Caller, PartnerCaller, StaffCaller } from './caller';
import { UnauthorizedError } from '../../errors/lantern-error';

/** Narrows a caller the permission gate has already admitted as signed-in staff. */
export function requireStaff(caller: Caller): StaffCaller {
  if (caller.kind !== 'staff') throw new UnauthorizedError('Sign in to use Lantern.');
  return caller;
}

/** Narrows a caller the permission gate has already admitted as a partner's system. */
export function requirePartner(caller: Caller): PartnerCaller {
  if (caller.kind !== 'partner') throw new UnauthorizedError('Use a partner client-credentials token.');
  return caller;
}
