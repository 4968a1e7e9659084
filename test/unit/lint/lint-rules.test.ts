import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..', '..');
const biome = join(root, 'node_modules', '.bin', 'biome');

/** Lints one source file, written outside the repository (under `name`'s folders), with the project's biome.json. */
function lint(name: string, source: string): { failed: boolean; output: string } {
  const file = join(mkdtempSync(join(tmpdir(), 'lantern-lint-')), name);
  mkdirSync(dirname(file), { recursive: true });
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

  it('refuses classic zod in Lambda code, which cannot tree-shake its methods', () => {
    // Act
    const result = lint('shared/schemas/example.ts', "import * as z from 'zod';\nexport const name = z.string();\n");
    // Assess
    expect(result.failed).toBe(true);
    expect(result.output).toContain('zod/mini');
  });

  it('accepts zod/mini in Lambda code, and classic zod in the build-time OpenAPI generator', () => {
    // Act
    const mini = lint('functions/api/example.ts', "import * as z from 'zod/mini';\nexport const name = z.string();\n");
    const generator = lint('shared/api/classic-schemas.ts', "import * as z from 'zod';\nexport const name = z.string();\n");
    // Assess
    expect(mini).toMatchObject({ failed: false });
    expect(generator).toMatchObject({ failed: false });
  });

  it('refuses a named zod/mini import', () => {
    // Act
    const result = lint('shared/schemas/example.ts', "import { z } from 'zod/mini';\nexport const name = z.string();\n");
    // Assess
    expect(result.failed).toBe(true);
    expect(result.output).toContain('noRestrictedImports');
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
