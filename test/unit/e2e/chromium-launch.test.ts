import { existsSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { describe, expect, it } from 'vitest';
import { chromiumCommandLine, chromiumLaunchOptions, freshUserDataDir } from '../../e2e/support/chromium-launch';

const quietFlags = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

describe('chromiumLaunchOptions', () => {
  it("launches Debian's Chromium headless with the flags that keep it quiet on a closed network", () => {
    // Act
    const options = chromiumLaunchOptions();
    // Assess
    expect(options.executablePath).toBe('/usr/bin/chromium');
    expect(options.headless).toBe(true);
    expect(options.args).toEqual(quietFlags);
  });

  it('leaves the profile to Playwright, which refuses --user-data-dir in launch() arguments', () => {
    // Act
    const { args } = chromiumLaunchOptions();
    // Assess
    expect(args.some((arg) => arg.startsWith('--user-data-dir'))).toBe(false);
  });
});

describe('freshUserDataDir and chromiumCommandLine', () => {
  it('give a new, empty profile directory under the temp dir each time', () => {
    // Act
    const first = freshUserDataDir();
    const second = freshUserDataDir();
    const commandLine = chromiumCommandLine();
    const profileArg = commandLine.args.find((arg) => arg.startsWith('--user-data-dir='))!;
    const profile = profileArg.slice('--user-data-dir='.length);
    // Assess
    expect(first).not.toBe(second);
    for (const directory of [first, second, profile]) {
      expect(directory.startsWith(tmpdir())).toBe(true);
      expect(existsSync(directory)).toBe(true);
      expect(readdirSync(directory)).toEqual([]);
    }
    expect(profile).not.toBe(first);
    expect(commandLine.args).toEqual(['--headless', ...quietFlags, profileArg]);
  });
});
