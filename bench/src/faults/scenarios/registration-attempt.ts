import { generateKeyPairSync } from 'node:crypto';
import type { IssuedChallenge, MeterView } from '@metrochain/contracts';
import { signData } from '@metrochain/pki';
import { type RegistrationClient, ToolErrorCode } from '@metrochain/tool-kit';

/** The new meter a manufacturer registers: its id, model and key pair. */
export interface NewMeter {
  meterId: string;
  model: string;
  publicKeyPem: string;
  privateKeyPem: string;
}

export function newMeter(meterId: string, model: string): NewMeter {
  const { publicKey, privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  return {
    meterId,
    model,
    publicKeyPem: publicKey.export({ format: 'pem', type: 'spki' }).toString(),
    privateKeyPem: privateKey.export({ format: 'pem', type: 'pkcs8' }).toString(),
  };
}

/**
 * How one registration attempt (challenge, then the signed answer) ended, as the client saw it:
 * - `attested`: the NMI's attestation is committed (or was before: ALREADY_ATTESTED), with the meter's status;
 * - `held`: accepted for an operator's approval (not expected under the automatic policy);
 * - `refused`: a coded error answer, with its status (5xx retriable: the client asks again later);
 * - `uncoded`: a failure answer without `{code, message}`, or a success answer not in the API's shape;
 * - `unanswered`: no answer (connection refused, reset, or the client's deadline).
 */
export type AttemptOutcome =
  | { kind: 'attested'; status: MeterView['status']; already: boolean }
  | { kind: 'held' }
  | { kind: 'refused'; status: number; code: string; step: 'challenge' | 'answer' }
  | { kind: 'uncoded'; status: number; message: string }
  | { kind: 'unanswered'; message: string };

const TOOL_CODES: ReadonlySet<string> = new Set(Object.values(ToolErrorCode));

interface ClientFailure {
  code?: unknown;
  message?: unknown;
  details?: { status?: unknown };
}

function classify(error: unknown, step: 'challenge' | 'answer'): AttemptOutcome {
  const { code, message, details } = (error ?? {}) as ClientFailure;
  const text = typeof message === 'string' ? message : String(error);
  const status = typeof details?.status === 'number' ? details.status : undefined;
  if (code === ToolErrorCode.SERVICE_UNREACHABLE || code === ToolErrorCode.SERVICE_TIMEOUT) {
    return { kind: 'unanswered', message: text };
  }
  if (status === undefined || typeof code !== 'string' || TOOL_CODES.has(code)) {
    return { kind: 'uncoded', status: status ?? 0, message: text };
  }
  return { kind: 'refused', status, code, step };
}

/**
 * One attempt through one NMI's registration service, as a manufacturer makes it (tools/fleet registerMeter): a new
 * challenge (or `issued`, one asked for earlier), signed by the meter, answered.
 */
export async function attemptRegistration(
  api: Pick<RegistrationClient, 'issueChallenge' | 'answerChallenge' | 'getMeter'>,
  meter: Readonly<NewMeter>,
  issued?: Readonly<IssuedChallenge>,
): Promise<AttemptOutcome> {
  const { meterId, model, publicKeyPem } = meter;
  let challenge = issued;
  if (challenge === undefined) {
    try {
      challenge = await api.issueChallenge({ meterId, model, publicKeyPem });
    } catch (error) {
      return classify(error, 'challenge');
    }
  }
  try {
    const answer = await api.answerChallenge(challenge.challengeId, {
      signature: signData(meter.privateKeyPem, challenge.statement),
    });
    return answer.status === 'held'
      ? { kind: 'held' }
      : { kind: 'attested', status: answer.status, already: false };
  } catch (error) {
    const outcome = classify(error, 'answer');
    if (outcome.kind === 'refused' && outcome.code === 'ALREADY_ATTESTED') {
      return { kind: 'attested', status: (await api.getMeter(meterId)).status, already: true };
    }
    return outcome;
  }
}

/** `503 LEDGER_UNAVAILABLE (answer)`, `attested (active)`…: one outcome in a line. */
export function describeOutcome(outcome: Readonly<AttemptOutcome>): string {
  switch (outcome.kind) {
    case 'attested':
      return `attested (${outcome.status}${outcome.already ? ', before' : ''})`;
    case 'held':
      return 'held for an operator';
    case 'refused':
      return `${String(outcome.status)} ${outcome.code} (${outcome.step})`;
    case 'uncoded':
      return `${String(outcome.status)} without a code: ${outcome.message}`;
    case 'unanswered':
      return `unanswered: ${outcome.message}`;
  }
}
