import { setTimeout as delay } from 'node:timers/promises';
import type { NetworkProfile } from '@metrochain/config';
import type { MeterRecord } from '@metrochain/contracts';
import { RegistryClient, connectLedger } from '@metrochain/ledger';
import { RegistrationClient } from '@metrochain/tool-kit';
import type { Fault, FaultContext } from '../fault-catalogue';
import {
  type AttemptOutcome,
  type NewMeter,
  attemptRegistration,
  describeOutcome,
  newMeter,
} from './registration-attempt';
import { SERVICE_URLS, type ScenarioOutcome, describeError, required, tokenOf } from './scenario-outcome';

const MODEL = 'FAULT-REG-1';
const MANUFACTURER = 'globex-metering';
const INMETRO_PEERS = ['peer0.inmetro', 'peer1.inmetro'];
const ATTEMPT_TIMEOUT_MS = 60_000;
const RETRY_PAUSE_MS = 1_000;
const COMPLETION_DEADLINE_MS = 300_000;
/** How long the NMIs' peers may take to show the same record once the last attestation is committed. */
const CONVERGENCE_DEADLINE_MS = 60_000;
const NMIS = [
  { org: 'Inmetro', mspId: 'InmetroMSP', url: SERVICE_URLS.registrationInmetro },
  { org: 'PTB', mspId: 'PTBMSP', url: SERVICE_URLS.registrationPtb },
] as const;

const client = (url: string, token: string): RegistrationClient =>
  new RegistrationClient({ baseUrl: url, timeoutMs: ATTEMPT_TIMEOUT_MS, bearerToken: token });

/** What the client may be told while the NMI's peers are down: a coded 503 it retries, or the attestation. */
function outageProblem(outcome: Readonly<AttemptOutcome>): string | undefined {
  if (outcome.kind === 'attested' || (outcome.kind === 'refused' && outcome.status === 503)) {
    return undefined;
  }
  return `while Inmetro's peers were down: ${describeOutcome(outcome)} (expected a coded 503 or the attestation)`;
}

const retriable = (outcome: Readonly<AttemptOutcome>): boolean =>
  outcome.kind === 'unanswered' || (outcome.kind === 'refused' && outcome.status >= 500);

/** The meter as `org`'s own peer shows it (undefined: METER_UNKNOWN there). */
async function meterOn(
  profile: NetworkProfile,
  org: string,
  meterId: string,
): Promise<MeterRecord | undefined> {
  const connection = await connectLedger({ profile, org, identity: 'registration' });
  try {
    return await RegistryClient.forConnection(connection)
      .getMeter(meterId)
      .catch((error: unknown) => {
        if ((error as { code?: unknown }).code === 'METER_UNKNOWN') {
          return undefined;
        }
        throw error;
      });
  } finally {
    connection.close();
  }
}

async function ledgerViews(profile: NetworkProfile, meterId: string): Promise<(MeterRecord | undefined)[]> {
  const views: (MeterRecord | undefined)[] = [];
  for (const { org } of NMIS) {
    views.push(await meterOn(profile, org, meterId));
  }
  return views;
}

/** Exactly one attestation by each NMI, of this key, active; the same record on both NMIs' peers. */
function judgeRecords(views: readonly (MeterRecord | undefined)[], meter: Readonly<NewMeter>): string[] {
  const problems: string[] = [];
  for (const [index, view] of views.entries()) {
    const org = NMIS[index]?.org ?? String(index);
    if (view === undefined) {
      problems.push(`${org}'s peer does not know the meter`);
      continue;
    }
    if (view.status !== 'active') {
      problems.push(`${org}'s peer shows the meter ${view.status}`);
    }
    for (const { mspId } of NMIS) {
      const count = view.attestations.filter((a) => a.msp === mspId).length;
      if (count !== 1) {
        problems.push(`${org}'s peer shows ${String(count)} attestations by ${mspId}`);
      }
    }
    if (view.publicKeyPem.trim() !== meter.publicKeyPem.trim()) {
      problems.push(`${org}'s peer holds another key for the meter`);
    }
  }
  if (views[0] !== undefined && JSON.stringify(views[0]) !== JSON.stringify(views[1])) {
    problems.push('the two NMIs show different meter records');
  }
  return problems;
}

/**
 * Scenario: a manufacturer registers a new meter through Inmetro's registration service while both of Inmetro's
 * peers are down (kill -9), retrying as a client does. It must be told a coded 503 (or be attested), nothing may be
 * written while the peers are down, and once they are back its retries must make the meter active exactly once,
 * attested by both NMIs, as both NMIs' peers show it.
 */
export function registrationWhilePeersDown(): Fault {
  const whileDown: AttemptOutcome[] = [];
  const problems: string[] = [];
  let meter: NewMeter | undefined;
  let completion: Promise<ScenarioOutcome> | undefined;

  const prepare = async (ctx: FaultContext): Promise<void> => {
    const approvals = client(SERVICE_URLS.registrationInmetro, tokenOf(ctx.profile, 'operator-inmetro'));
    await approvals.approveModel({ model: MODEL, manufacturer: MANUFACTURER }).catch((error: unknown) => {
      // Approved by an earlier run on this network: approvals are never withdrawn.
      if ((error as { code?: unknown }).code !== 'ALREADY_EXISTS') {
        throw error;
      }
    });
    meter = newMeter(`fault-reg-${Date.now().toString(36)}`, MODEL);
  };

  const run = async (ctx: FaultContext): Promise<void> => {
    const registering = required(meter);
    const inmetro = client(SERVICE_URLS.registrationInmetro, tokenOf(ctx.profile, MANUFACTURER));
    // A challenge asked for just before the peers die: its answer is the attestation itself, while they are down.
    const { meterId, model, publicKeyPem } = registering;
    const early = await inmetro.issueChallenge({ meterId, model, publicKeyPem });
    for (const name of INMETRO_PEERS) {
      await ctx.processes.kill(name);
    }
    const until = Date.now() + ctx.killHoldMs;
    whileDown.push(await attemptRegistration(inmetro, registering, early));
    do {
      const outcome = await attemptRegistration(inmetro, registering);
      whileDown.push(outcome);
      if (!retriable(outcome)) {
        break;
      }
      await delay(RETRY_PAUSE_MS);
    } while (Date.now() < until);
    // Nothing half-written: PTB's peers (up all along) know nothing of the meter unless it was attested.
    try {
      const ptbView = await meterOn(ctx.profile, 'PTB', registering.meterId);
      if (ptbView !== undefined && !whileDown.some((o) => o.kind === 'attested')) {
        problems.push(`PTB's peer shows the meter ${ptbView.status} after refusals only`);
      }
    } catch (error) {
      problems.push(`PTB's peer could not be read while Inmetro's were down: ${describeError(error)}`);
    }
    await delay(Math.max(0, until - Date.now()));
    for (const name of INMETRO_PEERS) {
      await ctx.processes.restart(name);
    }
    // The client retries from the moment the peers are back, while the runner waits for the load to recover.
    completion = completeRegistration(ctx.profile, registering, performance.now()).catch(
      (error: unknown): ScenarioOutcome => ({ problems: [`completing: ${describeError(error)}`], facts: {} }),
    );
  };

  const check = async (ctx: FaultContext): Promise<ScenarioOutcome> => {
    const registering = required(meter);
    const completed = await required(completion);
    problems.push(...whileDown.map(outageProblem).filter((p) => p !== undefined), ...completed.problems);
    const converged = await convergedRecords(ctx.profile, registering);
    problems.push(...converged.problems);
    const facts = {
      meterId: registering.meterId,
      attemptsWhileDown: whileDown.length,
      answersWhileDown: [...new Set(whileDown.map(describeOutcome))].join('; '),
      ...completed.facts,
      viewsConvergedMs: converged.afterMs,
    };
    return { problems, facts };
  };

  return {
    name: 'scenario: a registration attesting while both peers of Inmetro are down',
    component: 'peer',
    // About 30 s with its waits (15 s down, the meter active 9-13 s after healing): cheap enough for the subset.
    fast: true,
    prepare,
    run,
    check,
  };
}

/**
 * The records as both NMIs' peers show them, read again until they are right or the deadline passes: a peer just
 * restarted catches up on blocks through its own deliver stream, so it may show the meter a block behind the peer
 * that committed the last attestation. Eventual agreement is the promise; how long it took is reported.
 */
async function convergedRecords(
  profile: NetworkProfile,
  meter: Readonly<NewMeter>,
): Promise<{ problems: string[]; afterMs: number }> {
  const started = performance.now();
  for (;;) {
    const problems = judgeRecords(await ledgerViews(profile, meter.meterId), meter);
    const afterMs = Math.round(performance.now() - started);
    if (problems.length === 0 || afterMs > CONVERGENCE_DEADLINE_MS) {
      return { problems, afterMs };
    }
    await delay(RETRY_PAUSE_MS);
  }
}

/** The client's retries after healing, through Inmetro then PTB, until the meter is active; how long each took. */
async function completeRegistration(
  profile: NetworkProfile,
  meter: Readonly<NewMeter>,
  healedAt: number,
): Promise<ScenarioOutcome> {
  const facts: ScenarioOutcome['facts'] = {};
  let retries = 0;
  for (const nmi of NMIS) {
    const api = client(nmi.url, tokenOf(profile, MANUFACTURER));
    const outcome = await untilAttested(api, meter, () => {
      retries += 1;
    });
    facts['retriesAfterHealing'] = retries;
    if (outcome.kind !== 'attested') {
      return { problems: [`${nmi.org} never attested after healing: ${describeOutcome(outcome)}`], facts };
    }
    facts[`healedTo${nmi.org}AttestedMs`] = Math.round(performance.now() - healedAt);
  }
  return { problems: [], facts };
}

/** Attempts again while the answers are retriable, until attested, refused for good, or the deadline. */
async function untilAttested(
  api: RegistrationClient,
  meter: Readonly<NewMeter>,
  onRetry: () => void,
): Promise<AttemptOutcome> {
  const deadline = performance.now() + COMPLETION_DEADLINE_MS;
  for (;;) {
    const outcome = await attemptRegistration(api, meter).catch((error: unknown): AttemptOutcome => ({
      kind: 'unanswered',
      message: describeError(error),
    }));
    if (!retriable(outcome) || performance.now() > deadline) {
      return outcome;
    }
    onRetry();
    await delay(RETRY_PAUSE_MS);
  }
}
