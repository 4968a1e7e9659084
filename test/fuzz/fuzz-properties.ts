import { expect, it } from 'vitest';
import type { FuzzReport } from './fuzz-routes';

export interface FuzzPropertyOptions {
  /** The report, once the suite's beforeAll has run the fuzz. */
  readonly report: () => FuzzReport;
  /** The routes fuzzed, in catalogue order. */
  readonly routeIds: readonly string[];
  readonly runsPerRoute: number;
  /** How this tier tells that a 4xx wrote nothing (it fingerprints stores, or tables). */
  readonly writesNothing: string;
}

/**
 * The properties both fuzz tiers hold every route to, one test each: in process
 * (test/unit/fuzz/fuzz-every-route.test.ts) and over HTTP on the local stack
 * (test/integration/fuzz-local-stack.test.ts).
 */
export function itHoldsTheFuzzProperties(options: FuzzPropertyOptions): void {
  it(`sends at least ${options.runsPerRoute} cases to each route`, () => {
    const report = options.report();
    expect(report.figures.map((figure) => figure.routeId)).toEqual(options.routeIds);
    expect(report.figures.every((figure) => figure.requests >= options.runsPerRoute)).toBe(true);
  });

  it('answers every case, never with a 5xx', () => {
    expect(options.report().findings.filter((finding) => finding.property === 'no 5xx' || finding.property === 'answers')).toEqual([]);
  });

  it('answers every 4xx with JSON that says what was wrong (the fields, for a validation failure)', () => {
    expect(options.report().findings.filter((finding) => finding.property === '4xx is JSON naming the problem')).toEqual([]);
  });

  it(options.writesNothing, () => {
    expect(options.report().findings.filter((finding) => finding.property === 'a 4xx writes nothing')).toEqual([]);
  });

  it('reaches past validation: each signed-in route answers some cases with something other than 400 and 401', () => {
    const stuck = options.report().figures.filter((figure) => Object.keys(figure.statuses).every((status) => status === '400' || status === '401' || status === '431'));
    expect(stuck.map((figure) => figure.routeId)).toEqual([]);
  });
}
