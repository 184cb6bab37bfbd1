import {
  type VerificationRecordResponse,
  type VerifyResponse,
  verificationIdSchema,
  verifyRequestSchema,
} from '@metrochain/contracts';
import { decodeSignature } from '@metrochain/pki';
import type { VerificationLog } from '../log/verification-log';
import { VerificationErrorCode, verificationError } from './verification-error';
import type { VerificationEngine } from './verification.engine';

function describeIssues(issues: readonly { path: (string | number)[]; message: string }[]): string {
  return issues.map((issue) => `${issue.path.join('.') || 'body'}: ${issue.message}`).join('; ');
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
    const parsed = verifyRequestSchema.safeParse(body);
    if (!parsed.success) {
      throw verificationError(VerificationErrorCode.REQUEST_INVALID, describeIssues(parsed.error.issues));
    }
    decodeSignature(parsed.data.signature);
    const record = await this.#engine.verify({ source: 'api', ...parsed.data });
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
        `no verification ${verificationId}`,
      );
    }
    return found;
  }
}
