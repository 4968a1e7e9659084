import { readFile, writeFile } from 'node:fs/promises';
import type { DeadLetter, DeadLetterSource } from '../../shared/outbox/redrive';
import { eventFromBus } from '../../shared/outbox/redrive';

/**
 * A local dead-letter file as a redrive source: the bus's `dead-letter.jsonl` (each line
 * holds the event a consumer kept failing on) or the poller's `outbox-dead-letter.jsonl`
 * (each line a stream batch the relay gave up on). A line is its own handle: settling
 * rewrites the file without the replayed lines, keeping any appended meanwhile.
 */
export function deadLetterFileSource(name: string, file: string): DeadLetterSource {
  return {
    name,
    async take() {
      const lines = await readLines(file);
      return lines.map((line): DeadLetter => {
        let parsed: { event?: Parameters<typeof eventFromBus>[0]; startSequenceNumber?: string };
        try {
          parsed = JSON.parse(line) as typeof parsed;
        } catch {
          return { handle: line, unreadable: true };
        }
        if (parsed.event) {
          const event = eventFromBus(parsed.event);
          return event ? { handle: line, event } : { handle: line, unreadable: true };
        }
        // A relay batch: where it was in the stream; its events are still pending in the outbox.
        return parsed.startSequenceNumber ? { handle: line } : { handle: line, unreadable: true };
      });
    },
    async settle(handles) {
      if (handles.length === 0) return;
      const settled = new Set(handles);
      const kept = (await readLines(file)).filter((line) => !settled.has(line));
      await writeFile(file, kept.map((line) => `${line}\n`).join(''));
    },
  };
}

async function readLines(file: string): Promise<string[]> {
  try {
    return (await readFile(file, 'utf8')).split('\n').filter((line) => line.trim() !== '');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
}
