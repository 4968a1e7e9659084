import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runRestoreDrill, type RestoreDrillReport } from '../../local/restore-drill';

/**
 * Issue 18: the local restore drill (`npm run drill`), bounded: three starts of a stack of
 * its own on a data folder of its own, with a snapshot between them.
 */
describe('the local restore drill', () => {
  const folders: string[] = [];
  afterAll(async () => {
    await Promise.all(folders.map((folder) => rm(folder, { recursive: true, force: true })));
  });

  it('brings back the incident and its alert from before the snapshot, unchanged, and not the later one', async () => {
    // Prepare
    const parent = await mkdtemp(join(tmpdir(), 'lantern-drill-'));
    folders.push(parent);
    const dataDir = join(parent, 'data');
    const snapshotDir = join(parent, 'snapshot');
    const lines: string[] = [];

    // Act
    const report: RestoreDrillReport = await runRestoreDrill({ dataDir, snapshotDir, log: (line) => lines.push(line) });

    // Assess
    expect(report.restored).toEqual({ incidentBack: true, descriptionUnchanged: true, alertBack: true, laterIncidentGone: true });
    expect(report.afterSnapshotIncidentId).not.toBe(report.before.incidentId);
    expect(existsSync(join(snapshotDir, 'dynamodb'))).toBe(true);
    expect(lines.filter((line) => /^\d\/5 /.test(line))).toHaveLength(5);
  }, 300_000);
});
