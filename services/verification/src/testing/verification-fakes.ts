import type { MeterRecord, VerificationRecord } from '@metrochain/contracts';
import { KnownMeter, type MeterDirectory } from '../verify/meter-directory';
import type { VerificationDraft, VerificationSink } from '../verify/verification.engine';

/** The key caches as the engine sees them: a map of known meters, or a failure. */
export class FakeDirectory implements Pick<MeterDirectory, 'find'> {
  readonly meters = new Map<string, KnownMeter>();
  failWith: Error | undefined;

  add(record: MeterRecord): this {
    this.meters.set(record.meterId, new KnownMeter(record));
    return this;
  }

  find(meterId: string): Promise<KnownMeter | undefined> {
    if (this.failWith !== undefined) {
      return Promise.reject(this.failWith);
    }
    return Promise.resolve(this.meters.get(meterId));
  }
}

/** The verification log as the engine sees it: keeps every draft and numbers the records in one batch. */
export class RecordingSink implements VerificationSink {
  readonly records: VerificationRecord[] = [];
  failWith: Error | undefined;

  append(draft: VerificationDraft): Promise<VerificationRecord> {
    if (this.failWith !== undefined) {
      return Promise.reject(this.failWith);
    }
    const record = { ...draft, verificationId: `vb-test-1.${String(this.records.length)}` };
    this.records.push(record);
    return Promise.resolve(record);
  }
}
