#!/usr/bin/env node
import { parseArgs } from 'node:util';
import { install } from './install/install';
import { down } from './network/down';
import { logs } from './network/logs';
import { printStatus } from './network/status';
import { up } from './network/up';

const USAGE = `metrochain-devnet <command> [options]

  install                     build/download Fabric, Kafka, Redis (cached, idempotent)
  up [--third-org] [--orderers 3|5] [--kafka-brokers 1|3] [--services]
                              start a fresh network, write .devnet/network.json
                              (--services: also the services, registration once per NMI
                              on 3001/3011/3021, the others once on 3002-3005)
  status                      every process with its health and RSS, then each NMI's registration
                              instance (exit 1 if any is unhealthy)
  logs <process> [-n N] [-f]  tail one process's log
  down [--wipe]               stop every recorded process (and delete .devnet)`;

const OPTIONS = {
  'third-org': { type: 'boolean', default: false },
  orderers: { type: 'string', default: '3' },
  'kafka-brokers': { type: 'string', default: '1' },
  wipe: { type: 'boolean', default: false },
  lines: { type: 'string', short: 'n', default: '50' },
  follow: { type: 'boolean', short: 'f', default: false },
  services: { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h', default: false },
} as const;

type Parsed = ReturnType<typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true }>>;
type Options = Parsed['values'];

function parse(argv: string[]): Parsed {
  return parseArgs({ args: argv, allowPositionals: true, options: OPTIONS });
}

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parse(argv);
  const [command, target] = positionals;
  if (values.help || command === undefined) {
    process.stdout.write(`${USAGE}\n`);
    return command === undefined && !values.help ? 2 : 0;
  }
  return run(command, target, values);
}

async function run(command: string, target: string | undefined, values: Options): Promise<number> {
  switch (command) {
    case 'install':
      await install();
      return 0;
    case 'up':
      await up({
        thirdOrg: values['third-org'],
        orderers: values.orderers === '5' ? 5 : 3,
        kafkaBrokers: values['kafka-brokers'] === '3' ? 3 : 1,
        services: values.services,
      });
      return 0;
    case 'status':
      return (await printStatus()) ? 0 : 1;
    case 'logs':
      if (target === undefined) {
        throw new Error('logs needs a process name');
      }
      return logs(target, { lines: Number(values.lines), follow: values.follow });
    case 'down':
      await down({ wipe: values.wipe });
      return 0;
    default:
      process.stderr.write(`unknown command ${command}\n${USAGE}\n`);
      return 2;
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`devnet: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
