import { createLogger, type LogLevel, type Logger } from '../../../shared/logging/logger';

export interface RecordingLogger {
  readonly logger: Logger;
  /** Every JSON line written, in order. */
  readonly lines: string[];
  /** The lines parsed back into objects. */
  entries(): Record<string, unknown>[];
}

/** A real logger whose sink keeps the lines, so tests can read what would reach the logs. */
export function recordingLogger(level: LogLevel = 'debug'): RecordingLogger {
  const lines: string[] = [];
  return {
    logger: createLogger({ level, sink: (line) => lines.push(line) }),
    lines,
    entries: () => lines.map((line) => JSON.parse(line) as Record<string, unknown>),
  };
}
