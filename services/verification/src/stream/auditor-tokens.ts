import { createHash, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { StreamErrorCode, streamError } from './stream-error';

/** An auditor allowed on the stream: a name for logs and the SHA-256 of its bearer token, never the token. */
export interface AuditorCredential {
  name: string;
  digest: Buffer;
}

const ENTRY = /^([A-Za-z0-9._-]{1,64}):([0-9a-fA-F]{64})$/;
// RFC 6750 b64token; the devnet issues base64url tokens.
const BEARER = /^Bearer +([A-Za-z0-9\-._~+/]+=*)$/i;

/**
 * `VERIFICATION_AUDITOR_TOKENS`: comma-separated `name:sha256hex`. Empty or absent means no auditor (the stream is
 * disabled); a malformed or repeated entry is a configuration error rather than an auditor silently left out.
 */
export const auditorTokensSchema = z
  .string()
  .optional()
  .transform((value, ctx): AuditorCredential[] => {
    const text = value?.trim() ?? '';
    if (text === '') {
      return [];
    }
    const credentials: AuditorCredential[] = [];
    text.split(',').forEach((entry, index) => {
      const match = ENTRY.exec(entry.trim());
      if (match?.[1] === undefined || match[2] === undefined) {
        ctx.addIssue({ code: z.ZodIssueCode.custom, message: `entry ${index + 1}: expected name:sha256hex` });
      } else if (credentials.some((credential) => credential.name === match[1])) {
        ctx.addIssue({
          code: z.ZodIssueCode.custom,
          message: `entry ${index + 1}: ${match[1]} appears twice`,
        });
      } else {
        credentials.push({ name: match[1], digest: Buffer.from(match[2], 'hex') });
      }
    });
    return credentials;
  });

/** Checks bearer tokens against the configured digests. */
export class AuditorTokens {
  readonly #credentials: readonly AuditorCredential[];

  constructor(credentials: readonly AuditorCredential[]) {
    this.#credentials = credentials;
  }

  get enabled(): boolean {
    return this.#credentials.length > 0;
  }

  /**
   * The name of the auditor whose token the `Authorization` header carries. Throws STREAM_DISABLED when no auditor
   * is configured and UNAUTHENTICATED for a missing, malformed or unknown token. Every digest is compared, in
   * constant time, so the answer's timing tells nothing about which entry was close.
   */
  authenticate(authorization: string | undefined): string {
    if (!this.enabled) {
      throw streamError(StreamErrorCode.STREAM_DISABLED, 'no auditor is configured: the stream is disabled');
    }
    const token = BEARER.exec(authorization?.trim() ?? '')?.[1];
    if (token === undefined) {
      throw streamError(StreamErrorCode.UNAUTHENTICATED, 'an auditor bearer token is required');
    }
    const digest = createHash('sha256').update(token, 'utf8').digest();
    let auditor: string | undefined;
    for (const credential of this.#credentials) {
      if (timingSafeEqual(credential.digest, digest)) {
        auditor ??= credential.name;
      }
    }
    if (auditor === undefined) {
      throw streamError(StreamErrorCode.UNAUTHENTICATED, 'the bearer token is not an auditor’s');
    }
    return auditor;
  }
}
