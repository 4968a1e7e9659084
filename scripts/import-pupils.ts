import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { readLocalFacts } from '../local/local-facts';
import { signIn } from '../local/sign-in';

/**
 * `npm run import-pupils -- --school <id> <file.csv>`: imports a SIMS or Arbor export into a
 * school's Lantern, for trust IT. Against a deployed stack give `--api <url>` and
 * `--token <access token>` (or LANTERN_API_URL, LANTERN_TOKEN: an administrator's token);
 * with neither it uses the running local twin (`npm start`), signed in as its administrator.
 * Uploads the file (presigned, so any size up to 20 MB), starts the job, shows its progress
 * and prints the report. Exit 0 when imported; 1 when the file was rejected or the job
 * failed (nothing of a rejected file is written); 2 on a usage or connection problem.
 */
interface ImportView {
  readonly id: string;
  readonly status: string;
  readonly progress: { readonly total: number; readonly written: number };
  readonly counts: Readonly<Record<string, number>>;
  readonly problems: readonly { readonly row: number; readonly reason: string }[];
  readonly failure?: string;
}

const usage = 'Usage: npm run import-pupils -- --school <id> [--api <url>] [--token <token>] [--archive-missing] <file.csv>';

async function main(): Promise<number> {
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { school: { type: 'string' }, api: { type: 'string' }, token: { type: 'string' }, 'archive-missing': { type: 'boolean' }, 'poll-ms': { type: 'string' } },
  });
  const file = positionals[0];
  if (!values.school || !file || positionals.length > 1) return fail(usage);
  const { apiUrl, token } = await connection(values.api ?? process.env.LANTERN_API_URL, values.token ?? process.env.LANTERN_TOKEN);
  const api = async (method: string, path: string, body?: unknown) => {
    const response = await fetch(`${apiUrl}${path}`, { method, headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) }, ...(body ? { body: JSON.stringify(body) } : {}) });
    const text = await response.text();
    if (!response.ok) throw new Error(`${method} ${path} answered ${response.status}: ${text.slice(0, 500)}`);
    return JSON.parse(text) as { import: ImportView; upload?: { url: string; headers: Record<string, string> }; school?: { id: string } };
  };

  // The school the API serves must be the one asked for: a trust has one stack per school.
  const config = (await (await fetch(`${apiUrl}/v1/config`)).json()) as { school?: { id?: string } };
  if (config.school?.id !== values.school) return fail(`That API serves school "${config.school?.id ?? 'unknown'}", not "${values.school}".`);

  const bytes = await readFile(file);
  const created = await api('POST', '/v1/students/import', { size: bytes.byteLength, ...(values['archive-missing'] ? { archiveMissing: true } : {}) });
  const upload = created.upload!;
  const put = await fetch(upload.url, { method: 'PUT', headers: upload.headers, body: new Uint8Array(bytes) });
  if (!put.ok) return fail(`The upload answered ${put.status}: ${(await put.text()).slice(0, 300)}`);
  let current = (await api('POST', `/v1/imports/${created.import.id}/start`)).import;
  process.stderr.write(`Import ${current.id} of ${file} (${bytes.byteLength.toLocaleString('en-GB')} bytes) started\n`);

  const pollMs = Number(values['poll-ms'] ?? 500);
  while (!['done', 'rejected', 'failed'].includes(current.status)) {
    process.stderr.write(`\r${progressBar(current)}`);
    await new Promise((done) => setTimeout(done, pollMs));
    current = (await api('GET', `/v1/imports/${current.id}`)).import;
  }
  process.stderr.write(`\r${progressBar(current)}\n`);
  console.log(report(current));
  return current.status === 'done' ? 0 : 1;
}

async function connection(apiUrl: string | undefined, token: string | undefined): Promise<{ apiUrl: string; token: string }> {
  if (apiUrl && token) return { apiUrl: apiUrl.replace(/\/$/, ''), token };
  if (apiUrl || token) throw new Error('Give both the API URL and a token (--api and --token, or LANTERN_API_URL and LANTERN_TOKEN), or neither for the local twin.');
  const facts = await readLocalFacts(resolve(process.env.LANTERN_DATA_DIR ?? '.lantern')).catch(() => {
    throw new Error('No API given and no local twin running: start it with `npm start`, or give --api and --token.');
  });
  const admin = facts.users.find((user) => user.groups.includes('admin'));
  if (!admin) throw new Error('The local twin has no administrator to sign in as.');
  return { apiUrl: facts.apiUrl, token: (await signIn(admin.email, admin.password, admin.totpSecret, facts)).accessToken };
}

/** `[##########..........]  50%  1,000 of 2,000 pupils written  (writing)` */
export function progressBar(current: ImportView, width = 30): string {
  const { total, written } = current.progress;
  const share = current.status === 'done' ? 1 : total > 0 ? written / total : 0;
  const filled = Math.round(share * width);
  return `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${String(Math.round(share * 100)).padStart(3)}%  ${written.toLocaleString('en-GB')} of ${total.toLocaleString('en-GB')} pupils written  (${current.status})`;
}

export function report(current: ImportView): string {
  const counts = current.counts;
  const lines = [
    `Import ${current.id}: ${current.status}`,
    `  rows ${counts.rows}, accepted ${counts.accepted}, created ${counts.created}, changed ${counts.changed}, archived ${counts.archived}, unchanged ${counts.unchanged}, skipped ${counts.skipped}, rejected ${counts.rejected}, on roll but not in the file ${counts.notInFile}`,
  ];
  if (current.status === 'rejected') lines.push('  Nothing was imported. Mend these rows and run the file again:', ...current.problems.map((problem) => `  row ${problem.row}: ${problem.reason}`));
  if (current.failure) lines.push(`  ${current.failure}`);
  return lines.join('\n');
}

function fail(message: string): number {
  console.error(message);
  return 2;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: Error) => {
    console.error(error.message);
    process.exitCode = 2;
  },
);
