import { createRequire } from 'node:module';

/** The part of kafkajs' RequestQueue (2.2.4, one per broker connection) this module touches. */
interface RequestQueueInternals {
  pending: unknown[];
  throttledUntil: number;
  scheduleCheckPendingRequests: (this: RequestQueueInternals) => void;
}

type RequestQueueClass = { prototype: RequestQueueInternals };

const INSTALLED = Symbol.for('metrochain.kafkajs.idleLoopStopped');

/**
 * Stops kafkajs' busy loop on idle connections. Its RequestQueue re-schedules a check of pending requests every
 * time a check ran; with nothing pending and no throttling the delay it computes is negative, which Node runs as a
 * 1 ms timer (and, on Node 24, warns about: TimeoutNegativeWarning). So every broker connection of every process
 * woke a thousand times a second for nothing — about 0.02 cores per idle service here. kafkajs 2.2.4 is the last
 * release and the loop is a known open bug (kafkajs issues 1704 and 1751).
 *
 * The check is skipped only when there is nothing to check: no pending request and no throttle in effect. A request
 * that cannot be sent at once is pushed to `pending` and schedules its own check, and a throttle schedules one for
 * when it ends, exactly as before. Installed once per process (idempotent), by `createKafkaClient`.
 */
export function stopKafkajsIdleLoop(requestQueue: RequestQueueClass = loadRequestQueue()): void {
  const prototype = requestQueue.prototype as RequestQueueInternals & { [INSTALLED]?: true };
  if (prototype[INSTALLED] === true) {
    return;
  }
  const schedule = prototype.scheduleCheckPendingRequests;
  prototype.scheduleCheckPendingRequests = function scheduleWhenSomethingWaits(this: RequestQueueInternals) {
    if (this.pending.length === 0 && this.throttledUntil <= Date.now()) {
      return;
    }
    schedule.call(this);
  };
  prototype[INSTALLED] = true;
}

function loadRequestQueue(): RequestQueueClass {
  const requireFromKafkajs = createRequire(require.resolve('kafkajs'));
  const loaded: unknown = requireFromKafkajs('./src/network/requestQueue');
  if (typeof (loaded as Partial<RequestQueueClass>).prototype?.scheduleCheckPendingRequests !== 'function') {
    throw new TypeError(
      'kafkajs RequestQueue has no scheduleCheckPendingRequests: check the pinned kafkajs version',
    );
  }
  return loaded as RequestQueueClass;
}
