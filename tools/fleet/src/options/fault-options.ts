import { usageError } from '@metrochain/tool-kit';
import { type FleetFaults, parseFaultList } from '../fleet/fleet-faults';

export const FAULT_OPTIONS = {
  'drop-seqs': { type: 'string' },
  stuck: { type: 'string' },
  'speed-bias': { type: 'string' },
  'bad-signatures': { type: 'string' },
  'clock-drift': { type: 'string' },
} as const;

export const FAULT_USAGE = `
Faults for surveillance tests (a meter is named by the end of its id, e.g. speed-0002; several comma-separated):
  --drop-seqs <m:from-to>      sign these seqs but never send them
  --stuck <m>                  send the first raw capture over and over (new seq and time)
  --speed-bias <m:factor>      scale the meter's speeds (e.g. 1.1)
  --bad-signatures <m:p>       sign a fraction p of the readings over other bytes
  --clock-drift <m:ppm>        let the meter's clock run off by ppm (negative: slow)`;

function number(text: string, flag: string): number {
  const value = Number(text);
  if (text === '' || !Number.isFinite(value)) {
    throw usageError(`--${flag}: expected meter:number, got "${text}"`);
  }
  return value;
}

/** The faults named on the command line; undefined for none. */
export function parseFaultOptions(
  values: Readonly<Partial<Record<keyof typeof FAULT_OPTIONS, string>>>,
): FleetFaults | undefined {
  const faults: FleetFaults = {
    dropSeqs: parseFaultList(values['drop-seqs']).map(({ meter, value }) => {
      const [from = '', to = from] = value.split('-');
      return { meter, from: number(from, 'drop-seqs'), to: number(to, 'drop-seqs') };
    }),
    stuck: parseFaultList(values.stuck).map(({ meter }) => meter),
    speedBias: parseFaultList(values['speed-bias']).map(({ meter, value }) => ({
      meter,
      factor: number(value, 'speed-bias'),
    })),
    badSignatures: parseFaultList(values['bad-signatures']).map(({ meter, value }) => ({
      meter,
      fraction: number(value, 'bad-signatures'),
    })),
    clockDrift: parseFaultList(values['clock-drift']).map(({ meter, value }) => ({
      meter,
      ppm: number(value, 'clock-drift'),
    })),
  };
  return Object.values(faults).some((list: readonly unknown[]) => list.length > 0) ? faults : undefined;
}
