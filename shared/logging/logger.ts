/**
 * Structured JSON logging. Lines carry identifiers (request id, route, staff id) and
 * outcomes, never request or response bodies, so no pupil data reaches the logs.
 */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

const levelRank: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

export type LogFields = Record<string, string | number | boolean | null | undefined>;

export interface Logger {
  debug(message: string, fields?: LogFields): void;
  info(message: string, fields?: LogFields): void;
  warn(message: string, fields?: LogFields): void;
  error(message: string, fields?: LogFields & { error?: never }, error?: unknown): void;
  child(fields: LogFields): Logger;
}

export type LogSink = (line: string) => void;

export function createLogger(options: { level?: LogLevel; fields?: LogFields; sink?: LogSink } = {}): Logger {
  const threshold = levelRank[options.level ?? 'info'];
  const base = options.fields ?? {};
  const sink = options.sink ?? ((line: string) => process.stdout.write(`${line}\n`));

  const write = (level: LogLevel, message: string, fields: LogFields = {}, error?: unknown) => {
    if (levelRank[level] < threshold) return;
    const line: Record<string, unknown> = { level, time: new Date().toISOString(), message, ...base, ...fields };
    // Only the error's type and stack frames: an error message may quote input, and may
    // run over several lines of the stack's header, so keep only the `at ...` lines.
    if (error instanceof Error) line.error = describeError(error, 0);
    sink(JSON.stringify(line));
  };

  return {
    debug: (message, fields) => write('debug', message, fields),
    info: (message, fields) => write('info', message, fields),
    warn: (message, fields) => write('warn', message, fields),
    error: (message, fields, error) => write('error', message, fields, error),
    child: (fields) => createLogger({ level: options.level, fields: { ...base, ...fields }, sink }),
  };
}

/** Name and stack frames of the error and of its causes (an adapter keeps the SDK's error as the cause). */
function describeError(error: Error, depth: number): Record<string, unknown> {
  const cause = error.cause instanceof Error && depth < 3 ? { cause: describeError(error.cause, depth + 1) } : {};
  return { name: error.name, stack: stackFrames(error.stack), ...cause };
}

function stackFrames(stack: string | undefined): string | undefined {
  return stack
    ?.split('\n')
    .filter((frame) => /^\s+at /.test(frame))
    .slice(0, 7)
    .join('\n');
}
