import {
  meterIdSchema,
  meterModelSchema,
  pkiNonceSchema,
  signatureBase64Schema,
} from '@metrochain/contracts';
import { z } from 'zod';
import { RegistrationErrorCode, registrationError } from './registration-error';

export const registrationRequestSchema = z
  // The key is only required to be text here: parsePublicKey decides, so that every bad key is KEY_INVALID.
  .object({ meterId: meterIdSchema, model: meterModelSchema, publicKeyPem: z.string() })
  .strict();
export type RegistrationRequest = z.infer<typeof registrationRequestSchema>;

export const challengeResponseSchema = z.object({ signature: signatureBase64Schema }).strict();
export type ChallengeResponse = z.infer<typeof challengeResponseSchema>;

export const challengeIdSchema = pkiNonceSchema;

/** Parses an HTTP body or parameter; failures are REQUEST_INVALID listing every issue. */
export function parseRequest<Schema extends z.ZodTypeAny>(schema: Schema, value: unknown): z.output<Schema> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((issue) => ({
      path: issue.path.join('.'),
      message: issue.message,
    }));
    const summary = issues.map((issue) => `${issue.path || '(value)'}: ${issue.message}`).join('; ');
    throw registrationError(RegistrationErrorCode.REQUEST_INVALID, `invalid request: ${summary}`, { issues });
  }
  return parsed.data as z.output<Schema>;
}
