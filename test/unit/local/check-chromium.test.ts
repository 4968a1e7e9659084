import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ChromiumMissingError, checkChromium, parseChromiumVersion, requireChromium } from '../../../local/check-chromium';

/** A stand-in executable: a shell script that prints `output` and exits with `status`. */
function fakeChromium(output: string, status = 0, executable = true): string {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'lantern-fake-chromium-')), 'chromium');
  writeFileSync(file, `#!/bin/sh\necho '${output}'\nexit ${status}\n`);
  chmodSync(file, executable ? 0o755 : 0o644);
  return file;
}

describe('parseChromiumVersion', () => {
  it('reads the major version from `chromium --version`', () => {
    // Prepare
    const outputs = ['Chromium 156.0.8078.114 built on Debian GNU/Linux 12 (bookworm)', 'Chromium 150.0.7000.1 ', 'Google Chrome for Testing', ''];
    // Act
    const versions = outputs.map(parseChromiumVersion);
    // Assess
    expect(versions).toEqual([156, 150, undefined, undefined]);
  });
});

describe('checkChromium', () => {
  it('accepts an executable that reports a Chromium version', () => {
    // Prepare
    const chromium = fakeChromium('Chromium 156.0.8078.114 built on Debian GNU/Linux 12 (bookworm)');
    // Act
    const check = checkChromium(chromium);
    // Assess
    expect(check).toEqual({ ok: true, executablePath: chromium, majorVersion: 156 });
  });

  it.each([
    ['missing', () => path.join(tmpdir(), 'no-such-dir-for-lantern', 'chromium'), /was not found at/],
    ['not executable', () => fakeChromium('Chromium 156.0.1.2', 0, false), /was not found at .* \(or is not executable\)/],
    ['failing', () => fakeChromium('Chromium 156.0.1.2', 3), /--version` failed: exit status 3/],
    ['not Chromium', () => fakeChromium('something else'), /Could not read a version/],
  ])('refuses a %s browser and says how to install Chromium', (_case, makePath, problem) => {
    // Prepare
    const chromium = makePath();
    // Act
    const check = checkChromium(chromium);
    // Assess
    expect(check.ok).toBe(false);
    const message = check.ok ? '' : check.message;
    expect(message).toMatch(problem);
    expect(message).toContain('bash scripts/install-system-deps.sh');
    expect(message).toContain('apt-get install -y chromium');
  });
});

describe('requireChromium', () => {
  it('throws a ChromiumMissingError with the install instructions when Chromium is missing', () => {
    // Prepare
    const missing = path.join(tmpdir(), 'no-such-dir-for-lantern', 'chromium');
    // Act
    const attempt = () => requireChromium(missing);
    // Assess
    expect(attempt).toThrow(ChromiumMissingError);
    expect(attempt).toThrow(/bash scripts\/install-system-deps\.sh/);
  });

  it('returns the path and version when Chromium runs', () => {
    // Prepare
    const chromium = fakeChromium('Chromium 151.0.1.2');
    // Act
    const found = requireChromium(chromium);
    // Assess
    expect(found).toEqual({ ok: true, executablePath: chromium, majorVersion: 151 });
  });
});
