import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { spawnCommand } from '@metrochain/tool-kit/workspace';

const JVM_ROOT = '/usr/lib/jvm';

function majorVersion(versionOutput: string): number | undefined {
  // `openjdk version "25.0.1" 2025-10-21` or the old `"1.8.0_…"` form.
  const match = /version "(\d+)(?:\.(\d+))?/.exec(versionOutput);
  if (match?.[1] === undefined) {
    return undefined;
  }
  const first = Number(match[1]);
  return first === 1 ? Number(match[2]) : first;
}

async function javaMajor(java: string): Promise<number | undefined> {
  const result = await spawnCommand(java, ['-version']).catch(() => undefined);
  return result === undefined ? undefined : majorVersion(result.stderr + result.stdout);
}

/** Candidate java binaries: JAVA_HOME's, then every JDK under /usr/lib/jvm. */
function candidates(): string[] {
  const homes = [
    ...(process.env['JAVA_HOME'] === undefined ? [] : [process.env['JAVA_HOME']]),
    ...(existsSync(JVM_ROOT) ? readdirSync(JVM_ROOT).map((entry) => path.join(JVM_ROOT, entry)) : []),
  ];
  return [...new Set(homes.map((home) => path.join(home, 'bin', 'java')))].filter((java) => existsSync(java));
}

/**
 * The newest java of at least `minimum` on this machine. Strimzi's CRD generator is built for Java 21 (class file
 * 65), while the devnet's Kafka runs on the default Java 17, so the default `java` is not enough.
 */
export async function findJava(minimum: number): Promise<string> {
  let best: { java: string; major: number } | undefined;
  for (const java of candidates()) {
    const major = await javaMajor(java);
    if (major !== undefined && major >= minimum && (best === undefined || major > best.major)) {
      best = { java, major };
    }
  }
  if (best === undefined) {
    throw new Error(
      `no Java >= ${minimum} found (JAVA_HOME or ${JVM_ROOT}/*): install one, e.g. apt-get install openjdk-21-jdk-headless`,
    );
  }
  return best.java;
}
