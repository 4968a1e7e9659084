import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { runRestoreDrill } from '../local/restore-drill';

/**
 * `npm run drill [-- --snapshot <folder>]`: rehearses a restore on the local twin's data
 * folder (LANTERN_DATA_DIR, default .lantern) with the stack stopped: snapshot, a later
 * change, restore, and proof the records from before are back (docs/restore.md walks
 * through the same in AWS). Leaves the data folder as the snapshot had it, plus the drill's
 * first incident; the snapshot folder is kept. Exits 1 unless everything came back.
 */
const { values } = parseArgs({ options: { snapshot: { type: 'string' } } });

async function main() {
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  const dataDir = resolve(process.env.LANTERN_DATA_DIR ?? '.lantern');
  const report = await runRestoreDrill({ dataDir, snapshotDir: values.snapshot ? resolve(values.snapshot) : undefined, log: (line) => console.log(`[drill] ${line}`) });
  const { incidentBack, descriptionUnchanged, alertBack, laterIncidentGone } = report.restored;
  const passed = incidentBack && descriptionUnchanged && alertBack && laterIncidentGone;
  console.log(passed ? `[drill] passed: the snapshot (${report.snapshotDir}) brought the records back` : '[drill] FAILED: see the line above');
  if (!passed) process.exitCode = 1;
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
