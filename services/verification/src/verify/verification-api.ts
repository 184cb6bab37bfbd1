import {
  type VerificationRecordResponse,
  type VerifyBatchResponse,
  type VerifyRequest,
  type VerifyResponse,
  verificationIdSchema,
  verifyBatchRequestSchema,
  verifyRequestSchema,
  describeValidationIssues,
  validationIssues,
} from '@metrochain/contracts';
import { DomainError, isDomainError } from '@metrochain/errors';
import type { z } from 'zod';
import { decodeSignature } from '@metrochain/pki';
import type { VerificationLog } from '../log/verification-log';
import { VerificationErrorCode, verificationError } from './verification-error';
import type { VerificationEngine, VerificationInput } from './verification.engine';

/** The engine's input for a check whose signature is base64 DER (decoded once, here); else SIGNATURE_MALFORMED. */
function apiInput(check: Readonly<VerifyRequest>): VerificationInput {
  return { source: 'api', ...check, signature: decodeSignature(check.signature) };
}

function parseRequest<T>(schema: z.ZodType<T, z.ZodTypeDef, unknown>, body: unknown): T {
  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    const summary = describeValidationIssues(validationIssues(parsed.error));
    throw verificationError(VerificationErrorCode.REQUEST_INVALID, `invalid request: ${summary}`);
  }
  return parsed.data;
}

/**
 * The public verification API behind the controller. A request that is not a well-formed check (bad body, a
 * signature that is not base64 DER) is refused with a code and logs nothing; every well-formed check is logged,
 * whatever its verdict.
 */
export class VerificationApi {
  readonly #engine: Pick<VerificationEngine, 'verify'>;
  readonly #log: Pick<VerificationLog, 'lookup'>;

  constructor(engine: Pick<VerificationEngine, 'verify'>, log: Pick<VerificationLog, 'lookup'>) {
    this.#engine = engine;
    this.#log = log;
  }

  async verify(body: unknown): Promise<VerifyResponse> {
    return this.#check(apiInput(parseRequest(verifyRequestSchema, body)));
  }

  /** All or nothing at validation: one malformed check refuses the request before anything is logged. */
  async verifyBatch(body: unknown): Promise<VerifyBatchResponse> {
    const { checks } = parseRequest(verifyBatchRequestSchema, body);
    const inputs = checks.map((check, index) => {
      try {
        return apiInput(check);
      } catch (error) {
        throw isDomainError(error)
          ? new DomainError({ code: error.code, message: `checks.${String(index)}: ${error.message}` })
          : error;
      }
    });
    return { results: await Promise.all(inputs.map((input) => this.#check(input))) };
  }

  async #check(input: Readonly<VerificationInput>): Promise<VerifyResponse> {
    const record = await this.#engine.verify(input);
    return record.outcome === 'valid' ? { ...record, valid: true } : { ...record, valid: false };
  }

  async record(verificationId: string): Promise<VerificationRecordResponse> {
    if (!verificationIdSchema.safeParse(verificationId).success) {
      throw verificationError(
        VerificationErrorCode.REQUEST_INVALID,
        'expected a verification id <batch>.<index>',
      );
    }
    const found = await this.#log.lookup(verificationId);
    if (found === undefined) {
      throw verificationError(
        VerificationErrorCode.VERIFICATION_UNKNOWN,
        `no verification ${verificationId} (an anchored batch is kept for the log's retention)`,
      );
    }
    return found;
  }
}
