import { commandExists } from '../exec';

interface Prerequisite {
  command: string;
  why: string;
  install: string;
}

const PREREQUISITES: readonly Prerequisite[] = [
  {
    command: 'go',
    why: 'builds the Fabric binaries',
    install: 'Go 1.24 or newer (https://go.dev/dl or apt-get install golang)',
  },
  {
    command: 'java',
    why: 'runs Kafka',
    install: 'a Java 17+ runtime (apt-get install openjdk-17-jre-headless)',
  },
  {
    command: 'mvn',
    why: 'downloads Kafka and its dependencies',
    install: 'Maven 3.8+ (apt-get install maven)',
  },
  { command: 'tar', why: 'packages the chaincode', install: 'tar (apt-get install tar)' },
];

/** Fails with one message naming every missing tool and how to install it. */
export async function checkPrerequisites(): Promise<void> {
  const missing: Prerequisite[] = [];
  for (const prerequisite of PREREQUISITES) {
    if (!(await commandExists(prerequisite.command))) {
      missing.push(prerequisite);
    }
  }
  if (missing.length > 0) {
    const lines = missing.map((p) => `  - ${p.command} (${p.why}): install ${p.install}`);
    throw new Error(`missing prerequisites:\n${lines.join('\n')}`);
  }
}
