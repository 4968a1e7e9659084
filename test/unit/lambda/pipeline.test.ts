import { describe, expect, it } from 'vitest';
import { pipeline, provided, type PipelineStep } from '../../../shared/lambda/pipeline';
import { lambdaContext } from '../support/api-event';

type Trace = { trace?: string[] } & Record<string, unknown>;

const tracing = (name: string, trace: string[]): PipelineStep<object, string, Trace> => ({
  before: (request) => {
    trace.push(`${name}.before`);
    request.internal.trace = [...(request.internal.trace ?? []), name];
  },
  after: () => void trace.push(`${name}.after`),
  onError: () => void trace.push(`${name}.onError`),
});

describe('pipeline (the seam routes, consumers and triggers share)', () => {
  it('runs befores in order, the core with their state, then afters in reverse', async () => {
    // Prepare
    const trace: string[] = [];
    const handler = pipeline([tracing('first', trace), tracing('second', trace)], async ({ internal }) => {
      trace.push('core');
      return (internal.trace ?? []).join('+');
    });

    // Act
    const result = await handler({}, lambdaContext());

    // Assess
    expect(result).toBe('first+second');
    expect(trace).toEqual(['first.before', 'second.before', 'core', 'second.after', 'first.after']);
  });

  it('skips the core after a failing step and runs the error hooks in reverse', async () => {
    // Prepare
    const trace: string[] = [];
    const failing: PipelineStep<object, string, Trace> = { before: () => Promise.reject(new Error('refused')) };
    const recovering: PipelineStep<object, string, Trace> = {
      onError: (request) => {
        request.response = 'answered by the error hook';
      },
    };
    const handler = pipeline([recovering, tracing('inner', trace), failing], async () => {
      trace.push('core');
      return 'core ran';
    });

    // Act
    const result = await handler({}, lambdaContext());

    // Assess
    expect(result).toBe('answered by the error hook');
    expect(trace).toEqual(['inner.before', 'inner.onError']);
  });

  it('keeps each invocation’s state to itself', async () => {
    // Prepare
    const trace: string[] = [];
    const handler = pipeline([tracing('only', trace)], async ({ internal }) => String(internal.trace?.length));

    // Act
    const results = [await handler({}, lambdaContext()), await handler({}, lambdaContext())];

    // Assess
    expect(results).toEqual(['1', '1']);
  });

  it('names what a step needed but no earlier step provided', () => {
    // Prepare
    const missing: string | undefined = undefined;

    // Act
    const attempt = () => provided(missing, 'caller');

    // Assess
    expect(attempt).toThrow('The pipeline has no caller');
  });
});
