import { describe, expect, it } from 'vitest';
import { parseJavaVersion } from '../../../local/check-prerequisites';

describe('parseJavaVersion', () => {
  it('reads the major version from modern and legacy `java -version` output', () => {
    // Prepare
    const outputs = [
      'openjdk version "17.0.15" 2025-04-15\nOpenJDK Runtime Environment (build 17.0.15+6-Debian-1deb12u1)',
      'openjdk version "21" 2023-09-19',
      'java version "1.8.0_392"\nJava(TM) SE Runtime Environment',
      'something unexpected',
    ];

    // Act
    const versions = outputs.map(parseJavaVersion);

    // Assess
    expect(versions).toEqual([17, 21, 8, undefined]);
  });
});
