import type { Tariff } from '@metrochain/contracts';
import { SLOTS_PER_DAY } from '@metrochain/fe';
import { CliErrorCode, cliError } from '../cli-error';

/**
 * The functional key's weights for a tariff: yⱼ = the price (minor units per kWh) of slot j's band, one per slot of
 * the day. TARIFF_INVALID when the tariff has not one band per slot or a band without a price (the service's schema
 * already refuses both; this guards the key, which would otherwise be issued for the wrong weights).
 */
export function tariffWeights(
  tariff: Readonly<Pick<Tariff, 'tariffId' | 'version' | 'bands' | 'pricesMinorPerKWh'>>,
): number[] {
  const name = `tariff ${tariff.tariffId} version ${tariff.version}`;
  if (tariff.bands.length !== SLOTS_PER_DAY) {
    const message = `${name} has ${tariff.bands.length} bands, expected one per slot (${SLOTS_PER_DAY})`;
    throw cliError(CliErrorCode.TARIFF_INVALID, message);
  }
  return tariff.bands.map((band, slot) => {
    const price = tariff.pricesMinorPerKWh[band];
    if (price === undefined || !Number.isSafeInteger(price)) {
      const message = `${name}: slot ${slot} is in band ${band}, which has no price`;
      throw cliError(CliErrorCode.TARIFF_INVALID, message, { details: { slot, band } });
    }
    return price;
  });
}
