import { describe, expect, it } from 'vitest';
import { backgroundWork } from '../../../local/background-work';

describe('backgroundWork', () => {
  it('waits for work in flight, and for work that work starts meanwhile, then counts none', async () => {
    // Prepare
    const work = backgroundWork();
    const finished: string[] = [];
    work.start(
      (async () => {
        await new Promise((resolve) => setTimeout(resolve, 5));
        finished.push('first');
        work.start((async () => {
          await new Promise((resolve) => setTimeout(resolve, 5));
          finished.push('second');
        })());
      })(),
    );
    const inFlightAtStart = work.inFlight;

    // Act
    await work.idle();

    // Assess
    expect(inFlightAtStart).toBe(1);
    expect(finished).toEqual(['first', 'second']);
    expect(work.inFlight).toBe(0);
  });
});
