import { UnauthorizedError } from '../errors/lantern-error';
import { bearerToken } from './claims';

export function requireBearerToken(headers: Readonly<Record<string, string | undefined>>): string {
  const token = bearerToken(headers);
  if (!token) throw new UnauthorizedError('Sign in to use Lantern.');
  return token;
}
