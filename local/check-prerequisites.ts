import { spawnSync } from 'node:child_process';

export const MINIMUM_JAVA = 17;

export type PrerequisiteCheck = { ok: true; javaVersion: number } | { ok: false; message: string };

/** DynamoDB Local is a Java program: it needs Java 17 or later on the PATH. */
export function checkPrerequisites(): PrerequisiteCheck {
  const result = spawnSync('java', ['-version'], { encoding: 'utf8' });
  if (result.error || result.status !== 0) {
    return { ok: false, message: howToInstall('Java was not found on the PATH.') };
  }
  const version = parseJavaVersion(`${result.stderr}\n${result.stdout}`);
  if (version === undefined) return { ok: false, message: howToInstall('Could not read the Java version from `java -version`.') };
  if (version < MINIMUM_JAVA) return { ok: false, message: howToInstall(`Java ${version} is installed; DynamoDB Local needs ${MINIMUM_JAVA} or later.`) };
  return { ok: true, javaVersion: version };
}

/** `openjdk version "17.0.15"` → 17; `java version "1.8.0_392"` → 8. */
export function parseJavaVersion(output: string): number | undefined {
  const quoted = /version "(\d+)(?:\.(\d+))?/.exec(output);
  if (!quoted?.[1]) return undefined;
  const major = Number(quoted[1]);
  return major === 1 && quoted[2] ? Number(quoted[2]) : major;
}

function howToInstall(problem: string): string {
  return [
    problem,
    'The local twin runs DynamoDB Local, which needs Java 17 or later. Install it with:',
    '  bash scripts/install-system-deps.sh        (Debian/Ubuntu, as root; or: npm run setup:machine)',
    'or directly:',
    '  apt-get update && apt-get install -y openjdk-17-jre-headless',
  ].join('\n');
}
