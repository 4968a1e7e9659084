import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { prepareDataDir } from '../../local/data-dir';
import { LocalStackError } from '../../local/local-stack-error';

describe('the data folder', () => {
  const folders: string[] = [];
  afterEach(async () => {
    await Promise.all(folders.splice(0).map((folder) => rm(folder, { recursive: true, force: true })));
  });
  const folderWith = async (files: Record<string, string>) => {
    const folder = await mkdtemp(join(tmpdir(), 'lantern-data-dir-'));
    folders.push(folder);
    for (const [name, content] of Object.entries(files)) {
      await mkdir(join(folder, name, '..'), { recursive: true });
      await writeFile(join(folder, name), content);
    }
    return folder;
  };

  it('with --fresh, wipes what an earlier run left and lays the folders out again', async () => {
    // Prepare
    const folder = await folderWith({ 'state.json': '{}', 'local.json': '{}', 'events.jsonl': '{}\n', 'dynamodb/shared-local-instance.db': 'x' });

    // Act
    const layout = await prepareDataDir(folder, { fresh: true });

    // Assess
    expect((await readdir(folder)).sort()).toEqual(['cognito', 'dynamodb', 'logs', 's3']);
    expect(await readdir(layout.dynamodb)).toEqual([]);
  });

  it('refuses --fresh on a folder holding files Lantern did not write, and deletes nothing', async () => {
    // Prepare
    const folder = await folderWith({ 'state.json': '{}', 'thesis.docx': 'years of work' });

    // Act
    const attempt = prepareDataDir(folder, { fresh: true });

    // Assess
    await expect(attempt).rejects.toBeInstanceOf(LocalStackError);
    await expect(attempt).rejects.toThrow(/thesis\.docx/);
    expect((await readdir(folder)).sort()).toEqual(['state.json', 'thesis.docx']);
  });
});
