#!/usr/bin/env node
import { parseArgs } from 'node:util';
import { generate } from './generate/generate';
import { install } from './install/install';
import { SECRETS_USAGE, UsageError } from './secrets/options';
import { secrets } from './secrets/secrets';
import { validate } from './validate/validate';

const USAGE = `metrochain-k8s <command>

  install            build Helm, kubeconform, kube-score, helm-unittest and kustomize, fetch the Kubernetes
                     schemas and the CRDs (cached under ~/.cache/metrochain/k8s, idempotent)
  generate [--check] write the files derived from the workspace's single sources (KafkaTopics, the Kafka
                     cluster, the CRD schemas, the charts' identity init script); --check only reports files
                     that differ (exit 1)
  validate           helm lint/template, kubeconform, kube-score and helm-unittest over every chart and
                     profile, kubeconform and kube-score over k8s/ and its overlays
  secrets [options]  Secret manifests for the charts from crypto material in the cryptogen layout
                     (default: the local network's .devnet/crypto); secrets --help lists the options`;

async function main(argv: string[]): Promise<number> {
  if (argv[0] === 'secrets') {
    return runSecrets(argv.slice(1));
  }
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      check: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  const [command] = positionals;
  if (values.help || command === undefined) {
    process.stdout.write(`${USAGE}\n`);
    return values.help ? 0 : 2;
  }
  switch (command) {
    case 'install':
      await install();
      return 0;
    case 'generate':
      return generate(values.check) ? 0 : 1;
    case 'validate':
      return (await validate()) ? 0 : 1;
    default:
      process.stderr.write(`unknown command ${command}\n${USAGE}\n`);
      return 2;
  }
}

function runSecrets(argv: string[]): number {
  if (argv.includes('--help') || argv.includes('-h')) {
    process.stdout.write(`${SECRETS_USAGE}\n`);
    return 0;
  }
  try {
    secrets(argv);
    return 0;
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`${error.message}\n`);
      return 2;
    }
    throw error;
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`metrochain-k8s: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
