import {
  BillingEvents,
  MIN_BAND_SLOTS,
  type Tariff,
  type TariffApprovalRequest,
  tariffApprovalRequestSchema,
  tariffIdSchema,
  tariffVersionSchema,
} from '@metrochain/contracts';
import type { Context } from 'fabric-contract-api';
import { createHash } from 'node:crypto';
import { ChaincodeError } from '../common/chaincode-error';
import { toCanonicalJson } from '../common/state';
import { transactionTimeIso } from '../common/transaction-time';
import { parseJsonArgument, validateArgument } from '../common/validate-argument';
import { emitBillingEvent, findTariff, listTariffRecords, putTariff } from './billing-state';

export function parseTariffApprovalRequest(requestJson: string): TariffApprovalRequest {
  return parseJsonArgument(tariffApprovalRequestSchema, requestJson, 'tariff approval request');
}

export function parseTariffAddress(tariffId: string, version: string): { tariffId: string; version: number } {
  const number = /^\d{1,7}$/.test(version) ? Number(version) : Number.NaN;
  return {
    tariffId: validateArgument(tariffIdSchema, tariffId, 'tariff id'),
    version: validateArgument(tariffVersionSchema, number, 'tariff version'),
  };
}

/** SHA-256 (hex) of the RFC 8785 JSON of the bands: tariffs with the same partition of the day share it. */
export function partitionIdOf(bands: readonly number[]): string {
  return createHash('sha256').update(toCanonicalJson(bands), 'utf8').digest('hex');
}

/**
 * What makes a band partition safe (docs/billing.md, key policy rule 3): bands 0..B−1 each used, every one over at
 * least MIN_BAND_SLOTS slots of the day, and one price per band. Returns the problem, or undefined.
 */
export function tariffProblem(bands: readonly number[], prices: readonly number[]): string | undefined {
  const slotsPerBand = new Map<number, number>();
  for (const band of bands) {
    slotsPerBand.set(band, (slotsPerBand.get(band) ?? 0) + 1);
  }
  const bandCount = Math.max(...bands) + 1;
  for (let band = 0; band < bandCount; band += 1) {
    const slots = slotsPerBand.get(band) ?? 0;
    if (slots < MIN_BAND_SLOTS) {
      return `band ${String(band)} covers ${String(slots)} slots; every band 0..${String(bandCount - 1)} needs at least ${String(MIN_BAND_SLOTS)}`;
    }
  }
  if (prices.length !== bandCount) {
    return `${String(bandCount)} bands need ${String(bandCount)} prices, not ${String(prices.length)}`;
  }
  return undefined;
}

/** Writes a catalogue version (immutable: ALREADY_EXISTS when taken) and emits billing.tariff.approved. */
export async function approveTariff(
  ctx: Context,
  request: TariffApprovalRequest,
  approvedByMsp: string,
): Promise<string> {
  const problem = tariffProblem(request.bands, request.pricesMinorPerKWh);
  if (problem !== undefined) {
    throw new ChaincodeError('TARIFF_INVALID', `tariff ${request.tariffId}: ${problem}`, {
      tariffId: request.tariffId,
    });
  }
  if ((await findTariff(ctx, request.tariffId, request.version)) !== undefined) {
    throw new ChaincodeError(
      'ALREADY_EXISTS',
      `tariff ${request.tariffId} version ${String(request.version)} is in the catalogue`,
      { tariffId: request.tariffId, version: request.version },
    );
  }
  const tariff: Tariff = {
    ...request,
    partitionId: partitionIdOf(request.bands),
    approvedByMsp,
    approvedAt: transactionTimeIso(ctx),
    txId: ctx.stub.getTxID(),
  };
  const json = await putTariff(ctx, tariff);
  emitBillingEvent(ctx, BillingEvents.tariffApproved, tariff);
  return json;
}

/** The catalogue version, or TARIFF_UNKNOWN. */
export async function requireTariff(ctx: Context, tariffId: string, version: number): Promise<Tariff> {
  const tariff = await findTariff(ctx, tariffId, version);
  if (tariff === undefined) {
    throw new ChaincodeError(
      'TARIFF_UNKNOWN',
      `tariff ${tariffId} version ${String(version)} is not in the catalogue`,
      {
        tariffId,
        version,
      },
    );
  }
  return tariff;
}

/** Every catalogue version, ordered by tariffId, then version. */
export async function listTariffs(ctx: Context): Promise<Tariff[]> {
  return listTariffRecords(ctx);
}
