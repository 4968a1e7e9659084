import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { requireWebDist, WebDistError } from '../../infra/web-dist';
import { webDistFixture } from './synthesize-school';

describe('requireWebDist', () => {
  it('returns a directory that holds a built index.html', () => {
    // Act
    const directory = requireWebDist(webDistFixture);
    // Assess
    expect(directory).toBe(webDistFixture);
  });

  it('refuses a missing or empty build, naming npm run build:web', () => {
    // Prepare
    const empty = mkdtempSync(path.join(tmpdir(), 'lantern-web-dist-'));
    const assetsOnly = mkdtempSync(path.join(tmpdir(), 'lantern-web-dist-'));
    writeFileSync(path.join(assetsOnly, 'app.js'), '');
    for (const directory of [path.join(empty, 'dist'), empty, assetsOnly]) {
      // Act
      const attempt = () => requireWebDist(directory);
      // Assess
      expect(attempt).toThrow(WebDistError);
      expect(attempt).toThrow(`${path.join(directory, 'index.html')} does not exist. Run \`npm run build:web\` first`);
    }
  });
});
