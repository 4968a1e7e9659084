import { existsSync, readFileSync, writeFileSync } from 'node:fs';

/** Writes sections of bench/results.json under their keys, leaving the other benches' sections. */
export function writeSections(resultsFile: string, sections: Record<string, unknown>): void {
  const existing = existsSync(resultsFile) ? (JSON.parse(readFileSync(resultsFile, 'utf8')) as Record<string, unknown>) : {};
  writeFileSync(resultsFile, `${JSON.stringify({ ...existing, ...sections }, null, 2)}\n`);
}
