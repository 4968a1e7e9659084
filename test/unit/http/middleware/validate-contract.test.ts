import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { validateContract } from '../../../../shared/http/middleware/validate-contract';
import { ValidationError } from '../../../../shared/errors/lantern-error';
import { apiEvent } from '../../support/api-event';
import { runSteps } from './route-pipeline';

const contract = {
  params: z.object({ id: z.string().min(1) }),
  body: z.object({ note: z.string().min(1) }).strict(),
  success: { status: 201, schema: z.object({}) },
} as never;

describe('validateContract', () => {
  it('puts the parsed path, body and Idempotency-Key in the state', async () => {
    // Prepare
    const event = apiEvent({ method: 'POST', path: '/v1/incidents/01J0/actions', pathParameters: { id: '01J0' }, body: { note: 'Spoke to parent' }, headers: { 'content-type': 'application/json', 'idempotency-key': '3b2c6a0e-retry-1' } });

    // Act
    const { state } = await runSteps([validateContract(contract)], event);

    // Assess
    expect(state?.input).toEqual({ params: { id: '01J0' }, query: undefined, body: { note: 'Spoke to parent' }, idempotencyKey: '3b2c6a0e-retry-1' });
  });

  it('refuses a body that breaks the contract, naming the field', async () => {
    // Prepare
    const event = apiEvent({ method: 'POST', path: '/v1/incidents/01J0/actions', pathParameters: { id: '01J0' }, body: { note: '', extra: 1 } });

    // Act
    const attempt = runSteps([validateContract(contract)], event);

    // Assess
    await expect(attempt).rejects.toBeInstanceOf(ValidationError);
    await expect(attempt).rejects.toMatchObject({ issues: expect.arrayContaining([expect.objectContaining({ field: 'extra' }), expect.objectContaining({ field: 'note' })]) });
  });

  it('refuses an Idempotency-Key of the wrong shape', async () => {
    // Prepare
    const event = apiEvent({ method: 'POST', path: '/v1/incidents/01J0/actions', pathParameters: { id: '01J0' }, body: { note: 'Spoke to parent' }, headers: { 'content-type': 'application/json', 'idempotency-key': 'short' } });

    // Act
    const attempt = runSteps([validateContract(contract)], event);

    // Assess
    await expect(attempt).rejects.toMatchObject({ issues: [{ field: 'Idempotency-Key' }] });
  });
});
