import { MeasurementClient, isLedgerError } from '@metrochain/ledger';
import { readingIdOf } from '../support/ingest';
import { type Session, openSession } from '../support/network';
import { type Service, send } from './http';
import { CUSTOMER, UTILITY } from './fixtures';

/**
 * What a refused input must leave as it was. Each reads the state the input could have written: the meter's ledger
 * progress, a registry record, an account's keys, the software approvals, the re-execution jobs...
 */
export type Watch =
  | Readonly<{ kind: 'meter-progress'; meterId: string }>
  | Readonly<{ kind: 'registry'; meterId: string }>
  | Readonly<{ kind: 'model'; model: string }>
  | Readonly<{ kind: 'attestation-policy'; manufacturer: string }>
  | Readonly<{ kind: 'held-registrations' }>
  | Readonly<{ kind: 'account'; accountId: string }>
  | Readonly<{ kind: 'billing-keys'; accountId: string }>
  | Readonly<{ kind: 'statements'; accountId: string }>
  | Readonly<{ kind: 'tariff'; tariffId: string; version: number }>
  | Readonly<{ kind: 'software-approvals' }>
  | Readonly<{ kind: 'reexecutions' }>;

/** A read's status and body: a 404 before must stay a 404 after. */
async function read(service: Service, path: string, caller?: string): Promise<unknown> {
  const answer = await send(service, 'GET', path, undefined, caller);
  return { status: answer.status, body: answer.json };
}

const id = encodeURIComponent;

/** Reads what the cases watch; holds one ledger session for the meters' progress. */
export class Probes {
  readonly #session: Session;
  readonly #ledger: MeasurementClient;

  private constructor(session: Session) {
    this.#session = session;
    this.#ledger = MeasurementClient.forConnection(session.connection);
  }

  static async open(): Promise<Probes> {
    return new Probes(await openSession('PTB', 'measurement'));
  }

  close(): void {
    this.#session.close();
  }

  /** The state behind every watch, in order. */
  snapshot(watches: readonly Watch[]): Promise<unknown[]> {
    return Promise.all(watches.map((watch) => this.#read(watch)));
  }

  #read(watch: Watch): Promise<unknown> {
    switch (watch.kind) {
      case 'meter-progress':
        return this.progress(watch.meterId);
      case 'registry':
        return read('registration', `/meters/${id(watch.meterId)}`);
      case 'model':
        return read('registration', `/models/${id(watch.model)}`);
      case 'attestation-policy':
        return read('registration', `/attestation-policies/${id(watch.manufacturer)}`, 'operator-ptb');
      case 'held-registrations':
        return read('registration', '/meters/registrations/held', 'operator-ptb');
      default:
        return this.#readElsewhere(watch);
    }
  }

  #readElsewhere(watch: Watch): Promise<unknown> {
    switch (watch.kind) {
      case 'account':
        return read('billing', `/accounts/${id(watch.accountId)}`, UTILITY);
      case 'billing-keys':
        return read('billing', `/accounts/${id(watch.accountId)}/keys`, CUSTOMER);
      case 'statements':
        return read('billing', `/accounts/${id(watch.accountId)}/statements`, UTILITY);
      case 'tariff':
        return read('billing', `/tariffs/${id(watch.tariffId)}/versions/${String(watch.version)}`);
      case 'software-approvals':
        return read('audit', '/api/software-approvals');
      case 'reexecutions':
        return this.#jobs();
      default:
        return Promise.resolve(undefined);
    }
  }

  /** The meter's progress on the ledger, or the code the ledger refuses it with (a meter with no readings). */
  async progress(meterId: string): Promise<unknown> {
    try {
      return await this.#ledger.getMeterProgress(meterId);
    } catch (error) {
      if (isLedgerError(error)) {
        return { refused: error.code };
      }
      throw error;
    }
  }

  /** Whether the ledger holds a measurement of this very reading (another reading at its seq does not count). */
  async recorded(reading: Readonly<{ meterId: string; seq: number; signature: string }>): Promise<boolean> {
    try {
      const stored = await this.#ledger.getMeasurement(reading.meterId, reading.seq);
      const digest =
        readingIdOf(reading as Parameters<typeof readingIdOf>[0])
          .split('~')
          .at(-1) ?? '';
      return stored.readingDigest.startsWith(digest);
    } catch (error) {
      if (isLedgerError(error)) {
        return false;
      }
      throw error;
    }
  }

  // The job list only: the continuous tallies move with the pipeline.
  async #jobs(): Promise<unknown> {
    const answer = await send('audit', 'GET', '/api/reexecutions', undefined, 'auditor-ptb');
    return { status: answer.status, jobs: (answer.json as { jobs?: unknown } | undefined)?.jobs };
  }
}
