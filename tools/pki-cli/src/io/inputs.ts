import type { CommandContext } from '../command';
import { exactlyOne, readTextFile } from '@metrochain/tool-kit';

/** The signed text from --data or --file (`-` reads standard input). */
export async function readData(
  values: Readonly<{ data?: string | undefined; file?: string | undefined }>,
  context: CommandContext,
): Promise<string> {
  if (exactlyOne(values, 'data', 'file') === 'first') {
    return values.data ?? '';
  }
  const file = values.file ?? '';
  return file === '-' ? context.readStdin() : readTextFile(file, 'data file');
}

/** An option that takes text or `@path` (curl's convention), e.g. --statement. */
export function readTextOrFile(value: string, what: string): string {
  return value.startsWith('@') ? readTextFile(value.slice(1), what) : value;
}
