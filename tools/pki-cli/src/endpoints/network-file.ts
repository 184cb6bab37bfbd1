import { existsSync, readFileSync } from 'node:fs';
import { defaultNetworkFile } from '@metrochain/config';
import type { Environment } from '../command';
import { CliErrorCode, cliError } from '../cli-error';
import type { NetworkFile } from './endpoint';

/** `$METROCHAIN_NETWORK_FILE` or the devnet's `.devnet/network.json`; undefined when there is none. */
export function readNetworkFile(env: Environment): NetworkFile | undefined {
  let file: string;
  try {
    file = defaultNetworkFile(env);
  } catch {
    return undefined;
  }
  if (!existsSync(file)) {
    return undefined;
  }
  try {
    return { file, profile: JSON.parse(readFileSync(file, 'utf8')) as unknown };
  } catch (cause) {
    throw cliError(CliErrorCode.NETWORK_FILE_INVALID, `${file} is not readable JSON`, { cause });
  }
}
