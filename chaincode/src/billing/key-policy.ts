import {
  type Account,
  KEY_WINDOW_MONTHS,
  type KeyIssuanceRequest,
  type KeyRecord,
  MAX_KEYS_PER_WINDOW,
  type Tariff,
} from '@metrochain/contracts';
import { ChaincodeError } from '../common/chaincode-error';
import { monthIndex } from './months';

export type KeyPolicyInput = Readonly<{
  request: KeyIssuanceRequest;
  account: Account;
  /** The requested catalogue version (rule 1 is its existence, checked when it is read). */
  tariff: Tariff;
  /** Every key issued for the account's meter so far, of any account. */
  meterKeys: readonly KeyRecord[];
}>;

/** The open-ended predecessor the new key ends, with `validTo` set to the new key's `validFrom`. */
export type KeyPolicyDecision = Readonly<{ ended?: KeyRecord }>;

/**
 * The key policy of docs/billing.md for one issuance; throws a ChaincodeError naming the rule broken.
 * 2. all keys of a meter share the band partition of the first (KEY_POLICY_VIOLATION);
 * 4. at most MAX_KEYS_PER_WINDOW keys of a meter start within any KEY_WINDOW_MONTHS months (KEY_POLICY_VIOLATION);
 * 5. an account's keys do not overlap: a new key starts after the account's latest key started, not before the
 *    account's billingFrom (PERIOD_BEFORE_BILLING), and ends an open-ended predecessor (KEY_VALIDITY_OVERLAP).
 * Rule 3 (bands of at least MIN_BAND_SLOTS slots) holds for every catalogue tariff.
 */
export function applyKeyPolicy(input: KeyPolicyInput): KeyPolicyDecision {
  requireSharedPartition(input);
  const decision = requireSuccession(input);
  requireWindowCap(input);
  return decision;
}

function requireSharedPartition({ request, tariff, meterKeys }: KeyPolicyInput): void {
  const other = meterKeys.find((key) => key.partitionId !== tariff.partitionId);
  if (other !== undefined) {
    throw new ChaincodeError(
      'KEY_POLICY_VIOLATION',
      `meter ${other.meterId} has keys for band partition ${other.partitionId}; tariff ${request.tariffId} ` +
        `version ${String(request.tariffVersion)} partitions the day otherwise`,
      { rule: 'shared-partition', keyId: other.keyId, partitionId: tariff.partitionId },
    );
  }
}

function requireSuccession({ request, account, meterKeys }: KeyPolicyInput): KeyPolicyDecision {
  if (request.validFrom < account.billingFrom) {
    throw new ChaincodeError(
      'PERIOD_BEFORE_BILLING',
      `key ${request.keyId} starts ${request.validFrom}, before account ${account.accountId} is billed (${account.billingFrom})`,
      { keyId: request.keyId, billingFrom: account.billingFrom },
    );
  }
  const latest = meterKeys
    .filter((key) => key.accountId === account.accountId)
    .reduce<KeyRecord | undefined>(
      (last, key) => (last === undefined || key.validFrom > last.validFrom ? key : last),
      undefined,
    );
  if (latest === undefined) {
    return {};
  }
  if (
    request.validFrom <= latest.validFrom ||
    (latest.validTo !== undefined && latest.validTo > request.validFrom)
  ) {
    throw new ChaincodeError(
      'KEY_VALIDITY_OVERLAP',
      `key ${request.keyId} from ${request.validFrom} overlaps key ${latest.keyId} ` +
        `(${latest.validFrom} to ${latest.validTo ?? 'open'}); a new key starts after the latest started and ended`,
      { keyId: request.keyId, latestKeyId: latest.keyId },
    );
  }
  return latest.validTo === undefined ? { ended: { ...latest, validTo: request.validFrom } } : {};
}

function requireWindowCap({ request, account, meterKeys }: KeyPolicyInput): void {
  const starts = [...meterKeys.map((key) => key.validFrom), request.validFrom].map(monthIndex);
  const start = monthIndex(request.validFrom);
  // Every window of KEY_WINDOW_MONTHS consecutive months that contains the new key's start.
  for (let first = start - KEY_WINDOW_MONTHS + 1; first <= start; first += 1) {
    const inWindow = starts.filter((month) => month >= first && month < first + KEY_WINDOW_MONTHS).length;
    if (inWindow > MAX_KEYS_PER_WINDOW) {
      throw new ChaincodeError(
        'KEY_POLICY_VIOLATION',
        `key ${request.keyId} would be key ${String(inWindow)} of meter ${account.meterId} starting within ` +
          `${String(KEY_WINDOW_MONTHS)} months; at most ${String(MAX_KEYS_PER_WINDOW)} may`,
        { rule: 'keys-per-window', keyId: request.keyId },
      );
    }
  }
}
