import { existsSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import path from 'node:path';
import { build } from 'esbuild';
import { beforeAll, describe, expect, it } from 'vitest';
import { routes } from '../../shared/api/routes';
import { eventRules } from '../../shared/events/rules';
import { cognitoTriggers } from '../../shared/triggers/cognito-triggers';
import { handlerFunctions, synthesizeSchool, type SynthesizedSchool } from './synthesize-school';

/** Every module a bundle loads at run time (static, dynamic or require), as esbuild sees it. */
async function importsOf(file: string): Promise<string[]> {
  const result = await build({ entryPoints: [file], bundle: true, write: false, metafile: true, platform: 'node', format: 'esm', external: ['*'], logLevel: 'silent' });
  return Object.values(result.metafile.inputs).flatMap((input) => input.imports.map((imported) => imported.path));
}

const nodeBuiltins = new Set([...builtinModules, ...builtinModules.map((name) => `node:${name}`)]);

// Every handler shares one bundling configuration, so one route, one event consumer and
// one Cognito trigger show it; `npx cdk synth` and `npm run bench` bundle them all (about
// 1.5 s of CPU each).
const sampleRoutes = routes.filter((route) => route.id === 'me.read');
const sampleRules = eventRules.slice(0, 1);
const sampleTriggers = cognitoTriggers.slice(0, 1);

describe('bundling handlers with esbuild', () => {
  let school: SynthesizedSchool;
  let bundles: { description: string; code: string; directory: string }[];

  beforeAll(() => {
    // Prepare: a real synthesis, which runs the local esbuild for each sampled handler
    school = synthesizeSchool({ bundle: true, routes: sampleRoutes, eventRules: sampleRules, cognitoTriggers: sampleTriggers });
    bundles = Object.values(handlerFunctions(school.template)).map((fn) => {
      const hash = String(fn.Properties.Code.S3Key).replace(/\.zip$/, '');
      const directory = path.join(school.app.outdir, `asset.${hash}`);
      return { description: fn.Properties.Description as string, directory, code: readFileSync(path.join(directory, 'index.mjs'), 'utf8') };
    });
  });

  it('makes one bundle per handler', () => {
    // Assess
    expect(sampleRoutes).toHaveLength(1);
    expect(sampleTriggers).toHaveLength(1);
    // + 1: the outbox relay, which every school stack has.
    expect(bundles).toHaveLength(sampleRoutes.length + sampleRules.length + sampleTriggers.length + 1);
  });

  it('emits minified ES modules that export handler and can still call require', () => {
    for (const bundle of bundles) {
      // Act
      const lines = bundle.code.split('\n');
      // Assess
      expect(lines[0], bundle.description).toBe("import { createRequire } from 'module';const require = createRequire(import.meta.url);");
      expect(bundle.code, bundle.description).toMatch(/export\s*\{[^}]*\bhandler\b[^}]*\}/);
      expect(bundle.code, bundle.description).not.toMatch(/\bmodule\.exports\s*=/);
      // Minified: long lines, no indentation-shaped source
      expect(bundle.code.length / lines.length, bundle.description).toBeGreaterThan(1000);
    }
  });

  it('links a source map for readable stack traces', () => {
    for (const bundle of bundles) {
      // Assess
      expect(bundle.code.trimEnd(), bundle.description).toMatch(/\/\/# sourceMappingURL=index\.mjs\.map$/);
      expect(existsSync(path.join(bundle.directory, 'index.mjs.map')), bundle.description).toBe(true);
    }
  });

  it('bundles every dependency, the AWS SDK included, importing only Node built-ins', async () => {
    for (const bundle of bundles) {
      // Act: esbuild lists what the bundle still imports or requires
      const imported = await importsOf(path.join(bundle.directory, 'index.mjs'));
      // Assess
      expect(imported.filter((specifier) => !nodeBuiltins.has(specifier)), bundle.description).toEqual([]);
    }
  });
});
