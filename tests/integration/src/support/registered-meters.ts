import { RegistryClient } from '@metrochain/ledger';
import { type TestMeter, attestation, newMeter } from './meters';
import { type Session, openSession } from './network';

/** Registrar sessions of both NMIs, to make meters active the way the registration services do. */
export class Registrars {
  readonly #sessions: Session[];

  private constructor(sessions: Session[]) {
    this.#sessions = sessions;
  }

  static async open(): Promise<Registrars> {
    return new Registrars([
      await openSession('PTB', 'registration'),
      await openSession('Inmetro', 'registration'),
    ]);
  }

  /** A new meter attested by PTB and Inmetro: active. */
  async activeMeter(prefix: string): Promise<TestMeter> {
    const meter = newMeter(prefix);
    for (const [index, org] of ['PTB', 'Inmetro'].entries()) {
      await this.#registry(index).attest(attestation(meter, org));
    }
    return meter;
  }

  /** A new meter attested by PTB only: registered, not yet active. */
  async pendingMeter(prefix: string): Promise<TestMeter> {
    const meter = newMeter(prefix);
    await this.#registry(0).attest(attestation(meter, 'PTB'));
    return meter;
  }

  async revoke(meterId: string, reason: string): Promise<string> {
    const record = await this.#registry(0).revoke({ meterId, reason });
    return record.revocation?.effectiveAt ?? '';
  }

  close(): void {
    this.#sessions.forEach((session) => {
      session.close();
    });
  }

  #registry(index: number): RegistryClient {
    const session = this.#sessions[index];
    if (session === undefined) {
      throw new Error(`no registrar session ${String(index)}`);
    }
    return RegistryClient.forConnection(session.connection);
  }
}
