#!/usr/bin/env node
import { parseArgs } from 'node:util';
import { generate } from './generate/generate';
import { install } from './install/install';
import { validate } from './validate/validate';

const USAGE = `metrochain-k8s <command>

  install            build Helm, kubeconform, kube-score, helm-unittest and kustomize, fetch the Kubernetes
                     schemas and the CRDs (cached under ~/.cache/metrochain/k8s, idempotent)
  generate [--check] write the files derived from the workspace's single sources (KafkaTopics, the Kafka
                     cluster, the CRD schemas); --check only reports files that differ (exit 1)
  validate           helm lint/template, kubeconform, kube-score and helm-unittest over every chart and
                     profile, kubeconform and kube-score over k8s/ and its overlays`;

async function main(argv: string[]): Promise<number> {
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

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`metrochain-k8s: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
