import { describe, expect, it } from 'vitest';
import { createLogger } from '../../../shared/logging/logger';

function collecting(level?: 'debug' | 'info' | 'warn' | 'error', fields?: Record<string, string>) {
  const lines: string[] = [];
  const logger = createLogger({ level, fields, sink: (line) => lines.push(line) });
  return { logger, lines, entries: () => lines.map((line) => JSON.parse(line) as Record<string, unknown>) };
}

describe('createLogger', () => {
  it('writes one JSON object a line with level, time, message and fields', () => {
    // Prepare
    const { logger, lines, entries } = collecting('info', { school: 'castle-mead' });

    // Act
    logger.info('request completed', { status: 200, durationMs: 12 });

    // Assess
    expect(lines).toHaveLength(1);
    expect(lines[0]).not.toContain('\n');
    expect(entries()[0]).toEqual({
      level: 'info',
      time: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
      message: 'request completed',
      school: 'castle-mead',
      status: 200,
      durationMs: 12,
    });
  });

  it('drops lines below its level', () => {
    // Prepare
    const { logger, entries } = collecting('warn');

    // Act
    logger.debug('cache miss');
    logger.info('request completed');
    logger.warn('slow request');
    logger.error('unexpected failure');

    // Assess
    expect(entries().map((entry) => entry.level)).toEqual(['warn', 'error']);
  });

  it('logs info and above by default', () => {
    // Prepare
    const { logger, entries } = collecting();

    // Act
    logger.debug('cache miss');
    logger.info('request completed');

    // Assess
    expect(entries().map((entry) => entry.message)).toEqual(['request completed']);
  });

  it('merges a child’s fields over its parent’s, keeping the level', () => {
    // Prepare
    const { logger, entries } = collecting('info', { school: 'castle-mead', route: 'unknown' });

    // Act
    const child = logger.child({ requestId: 'Kx3vYhQmLPEEMVw=', route: 'me.read' });
    child.child({ staffId: 'staff-1' }).info('request completed');
    child.debug('not shown');

    // Assess
    expect(entries()).toEqual([
      expect.objectContaining({ school: 'castle-mead', requestId: 'Kx3vYhQmLPEEMVw=', route: 'me.read', staffId: 'staff-1', message: 'request completed' }),
    ]);
  });

  it('records an error by name and stack frames only', () => {
    // Prepare
    const { logger, entries } = collecting();
    const error = new TypeError('Amelia Hart has no class');

    // Act
    logger.error('unexpected failure', { route: 'me.read' }, error);

    // Assess
    const [entry] = entries();
    expect(entry).toMatchObject({ level: 'error', route: 'me.read', error: { name: 'TypeError' } });
    const stack = (entry!.error as { stack: string }).stack;
    expect(stack.split('\n').every((line) => line.trim().startsWith('at '))).toBe(true);
    expect(JSON.stringify(entry)).not.toContain('Amelia');
  });

  it('records the cause an error was raised from, by name and stack frames only', () => {
    // Prepare
    const { logger, entries } = collecting();
    const sdkError = Object.assign(new Error('Conditional request failed for Amelia Hart'), { name: 'TransactionCanceledException' });
    const error = new Error('The incident could not be saved', { cause: sdkError });

    // Act
    logger.error('unexpected failure', {}, error);

    // Assess
    const [entry] = entries();
    expect(entry).toMatchObject({ error: { name: 'Error', cause: { name: 'TransactionCanceledException', stack: expect.stringContaining('at ') } } });
    expect(JSON.stringify(entry)).not.toContain('Amelia');
  });
});
