import type { RouteContract } from '../../api/contracts';
import { ValidationError } from '../../errors/lantern-error';
import { readJsonBody } from '../json-body';
import { parseWith } from '../validation';
import type { RouteStep } from './route-state';

/**
 * Path parameters, query and JSON body checked against the route's zod contract (a 400
 * naming each bad field; nothing is written), and the Idempotency-Key header's shape.
 */
export function validateContract(contract: RouteContract): RouteStep {
  return {
    name: 'validate-contract',
    before: (request) => {
      const { event } = request;
      const headers = event.headers ?? {};
      request.internal.input = {
        params: contract.params ? parseWith(contract.params, event.pathParameters ?? {}, 'path') : undefined,
        query: contract.query ? parseWith(contract.query, event.queryStringParameters ?? {}, 'query') : undefined,
        body: contract.body ? parseWith(contract.body, readJsonBody(event.body, event.isBase64Encoded, headers['content-type']), '') : undefined,
        idempotencyKey: readIdempotencyKey(headers['idempotency-key']),
      };
    },
  };
}

const idempotencyKeyPattern = /^[A-Za-z0-9_.:-]{8,200}$/;

function readIdempotencyKey(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  if (!idempotencyKeyPattern.test(value)) {
    throw ValidationError.forField('Idempotency-Key', 'must be 8 to 200 letters, digits or - _ . : (a UUID works)');
  }
  return value;
}
