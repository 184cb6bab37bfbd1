import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { VerifiedBundle } from './bundle-store';
import type { LrInput, LrOutput, LrWorkerRequest, LrWorkerResponse } from './lr-worker-protocol';

/** Runs LR computations with a given bundle. */
export interface LrExecutor {
  run(bundle: Readonly<VerifiedBundle>, inputs: readonly LrInput[]): Promise<LrOutput[]>;
  close(): Promise<void>;
}

interface Pending {
  resolve: (outputs: LrOutput[]) => void;
  reject: (error: Error) => void;
}

/**
 * One worker thread running the bundles' LR (a pool of one: the machine has two cores, and re-execution must not
 * take the API's). Requests queue in the worker; a worker that dies fails what it held and is replaced on the next
 * request.
 */
export class WorkerLrExecutor implements LrExecutor {
  readonly #script: string;
  readonly #pending = new Map<number, Pending>();
  #worker: Worker | undefined;
  #nextId = 1;

  constructor(script: string = path.join(__dirname, 'lr-worker.js')) {
    this.#script = script;
  }

  run(bundle: Readonly<VerifiedBundle>, inputs: readonly LrInput[]): Promise<LrOutput[]> {
    const worker = this.#ensureWorker();
    const id = this.#nextId++;
    const request: LrWorkerRequest = {
      id,
      file: bundle.file,
      fingerprint: bundle.fingerprint,
      inputs: [...inputs],
    };
    return new Promise<LrOutput[]>((resolve, reject) => {
      this.#pending.set(id, { resolve, reject });
      worker.postMessage(request);
    });
  }

  async close(): Promise<void> {
    const worker = this.#worker;
    this.#worker = undefined;
    await worker?.terminate();
  }

  #ensureWorker(): Worker {
    if (this.#worker !== undefined) {
      return this.#worker;
    }
    // The bundle's contract library logs every annotation at info when it loads; the audit wants its errors only.
    const worker = new Worker(this.#script, {
      env: { ...process.env, CORE_CHAINCODE_LOGGING_LEVEL: 'error' },
    });
    worker.unref();
    worker.on('message', (response: LrWorkerResponse) => {
      const pending = this.#pending.get(response.id);
      this.#pending.delete(response.id);
      if ('error' in response) {
        pending?.reject(new Error(response.error));
      } else {
        pending?.resolve(response.outputs);
      }
    });
    const failAll = (error: Error): void => {
      if (this.#worker === worker) {
        this.#worker = undefined;
      }
      for (const pending of this.#pending.values()) {
        pending.reject(error);
      }
      this.#pending.clear();
    };
    worker.on('error', failAll);
    worker.on('exit', (code) => {
      failAll(new Error(`LR worker exited with code ${String(code)}`));
    });
    this.#worker = worker;
    return worker;
  }
}
