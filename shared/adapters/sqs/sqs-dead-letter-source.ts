import { DeleteMessageBatchCommand, ReceiveMessageCommand, type SQSClient } from '@aws-sdk/client-sqs';
import type { DeadLetter, DeadLetterSource } from '../../outbox/redrive';
import { eventFromBus } from '../../outbox/redrive';
import { ReminderDueDetail } from '../../schemas/events';

/** Long enough for one redrive to put a message back on the bus before SQS shows it again. */
const VISIBILITY_SECONDS = 120;

/**
 * An SQS dead-letter queue as a redrive source. It reads three kinds of message:
 * - an EventBridge rule target's (or a consumer's async) dead letter: the event itself;
 * - Scheduler's dead letter of a reminder: the schedule's input, a ReminderDue detail;
 * - the outbox relay's on-failure record: `DDBStreamBatchInfo`, where the batch was in the
 *   stream (its events are still pending in the outbox, and the sweep sends them).
 * Anything else is left on the queue.
 */
export function sqsDeadLetterSource(client: SQSClient, queueUrl: string, name = queueUrl): DeadLetterSource {
  return {
    name,
    async take() {
      const letters: DeadLetter[] = [];
      for (;;) {
        const page = await client.send(
          new ReceiveMessageCommand({ QueueUrl: queueUrl, MaxNumberOfMessages: 10, WaitTimeSeconds: 1, VisibilityTimeout: VISIBILITY_SECONDS }),
        );
        const messages = page.Messages ?? [];
        if (messages.length === 0) return letters;
        for (const message of messages) letters.push(letterOf(message.ReceiptHandle ?? '', message.Body ?? ''));
      }
    },
    async settle(handles) {
      for (let start = 0; start < handles.length; start += 10) {
        const batch = handles.slice(start, start + 10);
        await client.send(new DeleteMessageBatchCommand({ QueueUrl: queueUrl, Entries: batch.map((handle, index) => ({ Id: String(start + index), ReceiptHandle: handle })) }));
      }
    },
  };
}

export function letterOf(handle: string, body: string): DeadLetter {
  let parsed: Record<string, unknown>;
  try {
    parsed = JSON.parse(body) as Record<string, unknown>;
  } catch {
    return { handle, unreadable: true };
  }
  if ('detail-type' in parsed) {
    const event = eventFromBus(parsed);
    return event ? { handle, event } : { handle, unreadable: true };
  }
  if ('DDBStreamBatchInfo' in parsed) return { handle };
  const reminder = ReminderDueDetail.safeParse(parsed);
  if (reminder.success) {
    const { eventId, ...detail } = reminder.data;
    // Scheduler's input has no outbox id; the reminder id is as stable, and the consumer keys on it.
    return { handle, event: { id: eventId ?? `reminder-due-${detail.reminderId}`, detailType: 'ReminderDue', detail } };
  }
  return { handle, unreadable: true };
}
