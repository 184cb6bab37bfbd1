import { type Environment, loadConfig } from '@metrochain/config';
import { z } from 'zod';
import { FEED_MAX_FETCH_BYTES } from './verification-feed';

/** The auditor stream's settings, read from the environment by the stream module itself. */
export interface StreamConfig {
  /** Unsent bytes an auditor's connection may hold before it gets `overflow` and is closed. */
  maxBufferedBytes: number;
}

// Large enough for a burst of full log batches (1024 records of about 700 bytes each) from a few instances.
export const DEFAULT_MAX_BUFFERED_BYTES = 8 * 1024 * 1024;

const streamEnvSchema = z.object({
  VERIFICATION_STREAM_MAX_BUFFERED_BYTES: z.coerce
    .number()
    .int()
    // A whole Kafka fetch can land in a client's buffer at once; a smaller bound would drop clients that keep up.
    .min(2 * FEED_MAX_FETCH_BYTES)
    .max(256 * 1024 * 1024)
    .default(DEFAULT_MAX_BUFFERED_BYTES),
});

export const streamConfigSchema = streamEnvSchema.transform((env): StreamConfig => ({
  maxBufferedBytes: env.VERIFICATION_STREAM_MAX_BUFFERED_BYTES,
}));

/** Throws CONFIG_INVALID naming every bad variable. */
export function loadStreamConfig(env: Environment = process.env): StreamConfig {
  return loadConfig(streamConfigSchema, env);
}
