import {
  VerificationApiPaths,
  verificationRecordResponseSchema,
  verifyResponseSchema,
  type VerificationRecordResponse,
  type VerifyRequest,
  type VerifyResponse,
} from '@metrochain/contracts';
import { JsonClient, type CallOptions, type JsonClientOptions } from './json-client';

type Call = Readonly<Omit<CallOptions, 'params'>>;

/** The verification API (libs/contracts verification-api), answers checked against its schemas. */
export class VerificationClient {
  readonly #http: JsonClient;

  constructor(options: Readonly<JsonClientOptions>) {
    this.#http = new JsonClient(options);
  }

  verify(request: VerifyRequest, call: Call = {}): Promise<VerifyResponse> {
    return this.#http.post(VerificationApiPaths.verify, request, verifyResponseSchema, call);
  }

  record(verificationId: string, call: Call = {}): Promise<VerificationRecordResponse> {
    const path = VerificationApiPaths.record;
    return this.#http.get(path, verificationRecordResponseSchema, { ...call, params: { verificationId } });
  }
}
