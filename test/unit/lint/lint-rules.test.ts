import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..', '..');
const biome = join(root, 'node_modules', '.bin', 'biome');

/** Lints one source file, written outside the repository, with the project's biome.json. */
function lint(name: string, source: string): { failed: boolean; output: string } {
  const file = join(mkdtempSync(join(tmpdir(), 'lantern-lint-')), name);
  writeFileSync(file, source);
  // Outside the repository, so git's ignore file cannot apply to it.
  const result = spawnSync(biome, ['lint', '--vcs-use-ignore-file=false', `--config-path=${join(root, 'biome.json')}`, file], { cwd: root, encoding: 'utf8' });
  return { failed: result.status !== 0, output: `${result.stdout}${result.stderr}` };
}

describe('the lint rules npm test runs (biome.json)', () => {
  it('refuses a named zod import, which bundles all of zod', () => {
    // Act
    const result = lint('example.ts', "import { z } from 'zod';\nexport const name = z.string();\n");
    // Assess
    expect(result.failed).toBe(true);
    expect(result.output).toContain('noRestrictedImports');
  });

  it('accepts zod imported as a namespace', () => {
    // Act
    const result = lint('example.ts', "import * as z from 'zod';\nexport const name = z.string();\n");
    // Assess
    expect(result).toMatchObject({ failed: false });
  });

  it.each([
    ['a focused test', "import { it } from 'vitest';\nit.only('runs alone', () => {});\n", 'noFocusedTests'],
    ['a skipped test', "import { it } from 'vitest';\nit.skip('never runs', () => {});\n", 'noSkippedTests'],
    ['an unused variable', 'export function f() {\n  const unused = 1;\n  return 2;\n}\n', 'noUnusedVariables'],
    ['an unused import', "import { join } from 'node:path';\nexport const x = 1;\n", 'noUnusedImports'],
  ])('refuses %s', (_what, source, rule) => {
    // Act
    const result = lint('example.test.ts', source);
    // Assess
    expect(result.failed).toBe(true);
    expect(result.output).toContain(rule);
  });
});
