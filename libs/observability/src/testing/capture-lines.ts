import type { DestinationStream } from 'pino';

export interface CapturedLines {
  stream: DestinationStream;
  lines: Record<string, unknown>[];
}

/** A pino destination that keeps each JSON line parsed, for assertions on what a logger wrote. */
export function captureLines(): CapturedLines {
  const lines: Record<string, unknown>[] = [];
  const write = (line: string): void => {
    lines.push(JSON.parse(line) as Record<string, unknown>);
  };
  return { lines, stream: { write } };
}
