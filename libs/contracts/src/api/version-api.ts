import { z } from 'zod';

const sha256Hex = z.string().regex(/^[0-9a-f]{64}$/, 'expected a lowercase hex SHA-256 digest');

/**
 * GET /version of a chaincode server (plain HTTP, METROCHAIN_CHAINCODE_HTTP_PORT): which code it runs. The
 * fingerprint is computed from the loaded bundle and the pinned externals; it is what notified bodies approve.
 */
export const chaincodeServerVersionSchema = z.object({
  chaincodeVersion: z.string().min(1),
  fingerprint: sha256Hex,
  bundleSha256: sha256Hex,
  /** False when the unbundled compiled tree runs (unit tests, images that ship chaincode/dist). */
  bundled: z.boolean(),
  externals: z.record(z.object({ version: z.string(), integrity: z.string() })),
});
export type ChaincodeServerVersion = z.infer<typeof chaincodeServerVersionSchema>;

/**
 * GET /version of every service (public): its name and package version, and the fingerprint of the chaincode
 * bundle this build ships (chaincode/bundle/fingerprint.json; null when the build has none).
 */
export const serviceVersionSchema = z.object({
  service: z.string().min(1),
  version: z.string().min(1),
  lrFingerprint: sha256Hex.nullable(),
});
export type ServiceVersion = z.infer<typeof serviceVersionSchema>;
