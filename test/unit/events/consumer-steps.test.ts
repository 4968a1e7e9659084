import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import type { EventBridgeEvent } from 'aws-lambda';
import { pipeline } from '../../../shared/lambda/pipeline';
import { consumerContext } from '../../../shared/events/middleware/consumer-context';
import { validateDetail } from '../../../shared/events/middleware/validate-detail';
import type { BusEvent, ConsumerState } from '../../../shared/events/middleware/consumer-state';
import { lambdaContext } from '../support/api-event';
import { recordingLogger } from '../support/recording-logger';

const busEvent = (detail: unknown): BusEvent =>
  ({ id: 'evt-1', 'detail-type': 'AlertRaised', source: 'lantern', detail, account: '1', time: '', region: 'eu-west-2', resources: [], version: '0' }) as EventBridgeEvent<string, unknown>;

const Detail = z.object({ alertId: z.string() });

function consumer(log = recordingLogger()) {
  const consumed: unknown[] = [];
  const handler = pipeline<BusEvent, void, ConsumerState>([consumerContext('notifier', log.logger), validateDetail(Detail)], async ({ internal }) => {
    consumed.push(internal.detail);
    internal.outcome = 'sent';
  });
  return { handler, consumed, log };
}

describe('consumerContext and validateDetail', () => {
  it('hands the consumer the parsed detail and logs its outcome with the event’s ids', async () => {
    // Prepare
    const { handler, consumed, log } = consumer();

    // Act
    await handler(busEvent({ alertId: 'alert-1' }), lambdaContext());

    // Assess
    expect(consumed).toEqual([{ alertId: 'alert-1' }]);
    expect(log.entries()).toEqual([expect.objectContaining({ message: 'event consumed', outcome: 'sent', consumer: 'notifier', eventId: 'evt-1', detailType: 'AlertRaised' })]);
  });

  it('drops a malformed detail without running the consumer, logging only the paths', async () => {
    // Prepare
    const { handler, consumed, log } = consumer();

    // Act
    await handler(busEvent({ alertId: 42, pupil: 'Amelia Hart' }), lambdaContext());

    // Assess
    expect(consumed).toEqual([]);
    expect(log.entries()).toEqual([expect.objectContaining({ level: 'error', message: 'event detail rejected', issues: 'alertId' })]);
    expect(log.lines.join('\n')).not.toContain('Amelia');
  });
});
