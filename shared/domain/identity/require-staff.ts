import type { Caller, StaffCaller } from './caller';
import { UnauthorizedError } from '../../errors/lantern-error';

/** Narrows a caller the permission gate has already admitted as signed-in staff. */
export function requireStaff(caller: Caller): StaffCaller {
  if (caller.kind !== 'staff') throw new UnauthorizedError('Sign in to use Lantern.');
  return caller;
}
