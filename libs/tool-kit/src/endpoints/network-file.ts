import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { defaultNetworkFile } from '@metrochain/config';
import type { Environment } from '../cli/command';
import { ToolErrorCode, toolError } from '../tool-error';

/** The connection file the devnet writes, as read from disk; each section is checked by whoever reads it. */
export interface NetworkFile {
  file: string;
  profile: unknown;
}

/**
 * `explicitFile` (a tool's --network-file), else `$METROCHAIN_NETWORK_FILE`, else the devnet's `.devnet/network.json`;
 * undefined when there is none, so that tools fall back to the devnet's default URLs.
 */
export function readNetworkFile(env: Environment, explicitFile?: string): NetworkFile | undefined {
  let file: string;
  try {
    file = explicitFile === undefined ? defaultNetworkFile(env) : path.resolve(explicitFile);
  } catch {
    return undefined;
  }
  if (!existsSync(file)) {
    return undefined;
  }
  try {
    return { file, profile: JSON.parse(readFileSync(file, 'utf8')) as unknown };
  } catch (cause) {
    throw toolError(ToolErrorCode.NETWORK_FILE_INVALID, `${file} is not readable JSON`, { cause });
  }
}
