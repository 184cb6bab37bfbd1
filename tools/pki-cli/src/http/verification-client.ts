import {
  VerificationApiPaths,
  verificationRecordResponseSchema,
  verifyResponseSchema,
  type VerificationRecordResponse,
  type VerifyRequest,
  type VerifyResponse,
} from '@metrochain/contracts';
import { apiUrl, requestJson } from './json-client';

/** The verification API (libs/contracts verification-api), answers checked against its schemas. */
export class VerificationClient {
  readonly #baseUrl: string;
  readonly #timeoutMs: number;

  constructor(options: Readonly<{ baseUrl: string; timeoutMs: number }>) {
    this.#baseUrl = options.baseUrl;
    this.#timeoutMs = options.timeoutMs;
  }

  verify(request: VerifyRequest): Promise<VerifyResponse> {
    return requestJson({
      method: 'POST',
      url: apiUrl(this.#baseUrl, VerificationApiPaths.verify),
      body: request,
      schema: verifyResponseSchema,
      timeoutMs: this.#timeoutMs,
    });
  }

  record(verificationId: string): Promise<VerificationRecordResponse> {
    return requestJson({
      method: 'GET',
      url: apiUrl(this.#baseUrl, VerificationApiPaths.record, { verificationId }),
      schema: verificationRecordResponseSchema,
      timeoutMs: this.#timeoutMs,
    });
  }
}
