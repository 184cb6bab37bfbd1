import { CommandError, type CommandOptions, commandOutput } from '@metrochain/tool-kit/workspace';
import { ImageErrorCode, imageError } from './image-error';

/**
 * Runs a command to completion and resolves to its standard output; a command that cannot start or fails is an
 * image error COMMAND_FAILED whose message ends with the output's tail.
 */
export async function runCommand(
  command: string,
  args: readonly string[],
  options: CommandOptions = {},
): Promise<string> {
  try {
    return await commandOutput(command, args, options);
  } catch (error) {
    if (!(error instanceof CommandError)) throw error;
    throw imageError(ImageErrorCode.COMMAND_FAILED, error.message, {
      cause: error,
      details: { command, args, code: error.result?.code, signal: error.result?.signal },
    });
  }
}
