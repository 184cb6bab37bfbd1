import { parentPort } from 'node:worker_threads';
import type { LrInput, LrOutput, LrWorkerRequest, LrWorkerResponse } from './lr-worker-protocol';

/** What a chaincode bundle exports for re-execution (chaincode/src/index.ts `lr`). */
interface BundleLr {
  computeMeasurement: (kind: string, payload: unknown) => LrOutput;
  fingerprint: string;
}

const loaded = new Map<string, BundleLr>();

// A worker thread, so that a long speed computation never stalls the API. Each bundle is required once: requiring
// it starts nothing (its /version listener needs METROCHAIN_CHAINCODE_HTTP_PORT, which this process does not set).
function bundleLr(request: LrWorkerRequest): BundleLr {
  const cached = loaded.get(request.fingerprint);
  if (cached !== undefined) {
    return cached;
  }
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- the bundle is chosen at run time by fingerprint
  const module = require(request.file) as { lr?: BundleLr };
  if (module.lr === undefined || typeof module.lr.computeMeasurement !== 'function') {
    throw new Error(`${request.file} exports no lr.computeMeasurement`);
  }
  if (module.lr.fingerprint !== request.fingerprint) {
    throw new Error(
      `${request.file} reports fingerprint ${module.lr.fingerprint}, stored as ${request.fingerprint}`,
    );
  }
  loaded.set(request.fingerprint, module.lr);
  return module.lr;
}

function compute(lr: BundleLr, input: LrInput): LrOutput {
  try {
    return lr.computeMeasurement(input.kind, input.payload);
  } catch (error) {
    return { ok: false, code: 'LR_THREW', detail: String(error) };
  }
}

parentPort?.on('message', (request: LrWorkerRequest) => {
  let response: LrWorkerResponse;
  try {
    const lr = bundleLr(request);
    response = { id: request.id, outputs: request.inputs.map((input) => compute(lr, input)) };
  } catch (error) {
    response = { id: request.id, error: String(error) };
  }
  parentPort?.postMessage(response);
});
