import type { Context } from 'aws-lambda';
import { pipeline } from '../../../../shared/lambda/pipeline';
import type { RouteEvent, RouteResponse, RouteState, RouteStep } from '../../../../shared/http/middleware/route-state';
import { lambdaContext } from '../../support/api-event';

/**
 * Runs route steps around a core that answers 200 with what the steps put in the state,
 * so a step's test sees exactly what that step provides.
 */
export async function runSteps(steps: RouteStep[], event: RouteEvent, context: Context = lambdaContext()) {
  let seen: RouteState | undefined;
  const handler = pipeline<RouteEvent, RouteResponse, RouteState>(steps, async ({ internal }) => {
    seen = { ...internal };
    return { statusCode: 200, body: '' };
  });
  const response = await handler(event, context);
  return { response, state: seen };
}

/** A step that puts a fixed state in place, standing in for the steps before the one under test. */
export function given(state: RouteState): RouteStep {
  return { before: (request) => void Object.assign(request.internal, state) };
}
