import {
  type MeterRecord,
  type PublicMeter,
  type ReceiptCheckResponse,
  ReceiptErrorCode,
  checkSignatureRequestSchema,
  parseReceipt,
} from '@metrochain/contracts';
import { DomainError } from '@metrochain/errors';
import { type RegistryClient, isLedgerError } from '@metrochain/ledger';

export type ReceiptRegistry = Pick<RegistryClient, 'getMeter' | 'checkSignature'>;

// Ledger refusals that mean the receipt itself is not well formed (not that it is forged).
const MALFORMED_LEDGER_CODES = new Set(['INVALID_ARGUMENT', 'SIGNATURE_MALFORMED']);

/**
 * The public receipt check: the registry's signature check at the reading's measurement time is the authority
 * (key valid then, meter active then, attested by whom); the page's own WebCrypto check is the second opinion.
 */
export class ReceiptsService {
  readonly #registry: ReceiptRegistry;

  constructor(registry: ReceiptRegistry) {
    this.#registry = registry;
  }

  async check(receipt: string): Promise<ReceiptCheckResponse> {
    const parsed = parseReceipt(receipt);
    if (parsed === undefined) {
      throw malformed('not a receipt: MC1|<meterId>|<base64url reading>|<base64 signature>');
    }
    const { meterId, signedText, signature, reading } = parsed;
    if (reading['meterId'] !== meterId) {
      throw malformed('the reading names another meter than the receipt');
    }
    const request = checkSignatureRequestSchema.safeParse({
      meterId,
      data: signedText,
      signature,
      measuredAt: reading['measuredAt'],
    });
    if (!request.success) {
      throw malformed(`the receipt's fields are not valid: ${request.error.issues[0]?.message ?? ''}`);
    }
    const check = await this.#registry.checkSignature(request.data).catch((error: unknown) => {
      if (isLedgerError(error) && MALFORMED_LEDGER_CODES.has(error.code)) {
        throw malformed(error.message);
      }
      throw error;
    });
    return {
      genuine: check.valid,
      meterId,
      ...(typeof reading['seq'] === 'number' ? { seq: reading['seq'] } : {}),
      measuredAt: check.measuredAt,
      ...(typeof reading['kind'] === 'string' ? { kind: reading['kind'] } : {}),
      check,
    };
  }

  async publicMeter(meterId: string): Promise<PublicMeter> {
    const meter = await this.meter(meterId);
    return {
      meterId: meter.meterId,
      status: meter.status,
      publicKeyPem: meter.publicKeyPem,
      keyHistory: meter.keyHistory,
      attestedBy: [...new Set(meter.attestations.map((attestation) => attestation.msp))],
    };
  }

  /** The registry record; an unknown meter is the caller's 404, not the ledger's failure. */
  meter(meterId: string): Promise<MeterRecord> {
    return this.#registry.getMeter(meterId).catch((error: unknown) => {
      if (isLedgerError(error) && error.code === 'METER_UNKNOWN') {
        throw new DomainError({
          code: ReceiptErrorCode.METER_UNKNOWN,
          message: `no meter ${meterId} on the ledger`,
        });
      }
      throw error;
    });
  }
}

function malformed(message: string): DomainError {
  return new DomainError({ code: ReceiptErrorCode.RECEIPT_MALFORMED, message });
}
