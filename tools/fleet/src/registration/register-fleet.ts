import pLimit from 'p-limit';
import { isDomainError } from '@metrochain/errors';
import { FleetErrorCode, fleetError } from '../fleet-error';
import type { FleetEventListener } from '../fleet/fleet-events';
import type { SimulatedMeter } from '../fleet/simulated-meter';
import type { MeterRecord } from '../state/meter-record';
import type { RetryPolicy } from '../http/retry';
import { registerMeter, type MeterRegistration, type RegistrationTarget } from './register-meter';

export interface RegisterFleetOptions {
  targets: readonly RegistrationTarget[];
  /** Meters registering at once; each does its NMIs one after the other. */
  concurrency: number;
  saveMeter(record: MeterRecord): void;
  onEvent?: FleetEventListener;
  retry?: RetryPolicy;
}

export interface RegistrationSummary {
  /** Meters registered now. */
  registered: number;
  /** Meters the state folder already knew as active; not asked again. */
  alreadyActive: number;
}

/** Registers every meter not yet active with every NMI; throws REGISTRATION_FAILED listing those that failed. */
export async function registerFleet(
  meters: readonly SimulatedMeter[],
  options: RegisterFleetOptions,
): Promise<RegistrationSummary> {
  const waiting = meters.filter((meter) => !meter.active);
  let done = 0;
  const limit = pLimit(Math.max(1, options.concurrency));
  // allSettled: one meter's failure must not leave the others' registrations half done.
  const results = await Promise.allSettled(
    waiting.map((meter) =>
      limit(async () => {
        const { attestedBy } = await registerOne(meter, options);
        done += 1;
        const { meterId } = meter;
        options.onEvent?.({ type: 'registration', meterId, done, total: waiting.length, attestedBy });
      }),
    ),
  );
  const failures = results.flatMap((result, index) =>
    result.status === 'rejected' ? [failureOf(waiting[index]?.meterId ?? '', result.reason)] : [],
  );
  failures.forEach((failure) => options.onEvent?.({ type: 'registration-failed', ...failure }));
  const [first] = failures;
  if (first !== undefined) {
    throw fleetError(
      FleetErrorCode.REGISTRATION_FAILED,
      `${failures.length} of ${waiting.length} meters could not be registered; first: ${first.meterId}: ${first.code}: ${first.message}`,
      { details: { failures } },
    );
  }
  return { registered: waiting.length, alreadyActive: meters.length - waiting.length };
}

/** Each attestation is kept at once, so that a restarted fleet does not ask that NMI again. */
async function registerOne(meter: SimulatedMeter, options: RegisterFleetOptions): Promise<MeterRegistration> {
  const keep = (registration: MeterRegistration): void => {
    meter.setRegistration(registration);
    options.saveMeter(meter.snapshot());
  };
  const registration = await registerMeter(
    { meterId: meter.meterId, model: meter.model, ...meter.key },
    options.targets,
    {
      attestedBy: meter.attestedBy,
      onAttested: keep,
      ...(options.retry === undefined ? {} : { retry: options.retry }),
    },
  );
  keep(registration);
  return registration;
}

function failureOf(meterId: string, reason: unknown): { meterId: string; code: string; message: string } {
  const code = isDomainError(reason) ? reason.code : 'INTERNAL';
  return { meterId, code, message: reason instanceof Error ? reason.message : String(reason) };
}
