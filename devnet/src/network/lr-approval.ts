import { copyFileSync, cpSync, mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import {
  GOVERNANCE_CONTRACT,
  GovernanceTransactions,
  SERVICE_ROLES,
  SOFTWARE_METER_KINDS,
  type SoftwareApprovalRequest,
} from '@metrochain/contracts';
import { exec } from '../exec';
import { fabricBinary } from '../install/fabric';
import { detail } from '../log';
import type { OrgSpec } from '../topology';
import { readBundleFingerprint } from './bundle-store';
import { endorserArgs } from './chaincode';
import { firstPeer, ordererArgs, peerAdminEnv, type NetworkContext } from './context';

/** The identity that approves: the audit service's (role auditor), acting for a notified body. */
const APPROVER_IDENTITY =
  Object.entries(SERVICE_ROLES).find(([, role]) => role === 'auditor')?.[0] ?? 'audit';

/**
 * A local MSP folder for the peer CLI signing as the org's audit service identity: the admin MSP (CA certificates,
 * NodeOU config) with the audit identity's certificate and key in place of the admin's.
 */
function approverMsp(ctx: NetworkContext, org: OrgSpec): string {
  const dir = path.join(ctx.paths.artifacts, `msp-${APPROVER_IDENTITY}-${org.name.toLowerCase()}`);
  const identity = ctx.material.identity(org, APPROVER_IDENTITY);
  rmSync(dir, { recursive: true, force: true });
  cpSync(ctx.material.orgAdminMsp(org), dir, { recursive: true });
  for (const sub of ['signcerts', 'keystore']) {
    rmSync(path.join(dir, sub), { recursive: true, force: true });
    mkdirSync(path.join(dir, sub), { recursive: true });
  }
  copyFileSync(identity.cert, path.join(dir, 'signcerts', 'cert.pem'));
  copyFileSync(identity.key, path.join(dir, 'keystore', 'key_sk'));
  return dir;
}

export interface SoftwareApprovalInput {
  /** The chaincode name on the channel (the network's, or a test's second one). */
  chaincode: string;
  /** The bundle whose fingerprint.json names the build to approve. */
  bundleDir: string;
  version?: string;
  notifiedBody?: string;
  meterKinds?: SoftwareApprovalRequest['meterKinds'];
  /** The NMI whose audit identity submits (default: the first). */
  org?: OrgSpec;
}

/**
 * Approves a built bundle's fingerprint for meter kinds through `governance.approveSoftwareVersion`, submitted by an
 * NMI's audit identity and endorsed by every NMI's first peer; waits for the commit. `up` approves the network's
 * chaincode for every kind, so that the fleet and the tests record; a real notified body would do this through the
 * audit service's /api/software-approvals. Returns the fingerprint.
 */
export async function approveSoftware(ctx: NetworkContext, input: SoftwareApprovalInput): Promise<string> {
  const built = readBundleFingerprint(input.bundleDir);
  const org = input.org ?? ctx.topology.orgs[0];
  if (org === undefined) {
    throw new Error('no organisation');
  }
  const request: SoftwareApprovalRequest = {
    version: input.version ?? built.chaincodeVersion,
    fingerprint: built.fingerprint,
    notifiedBody: input.notifiedBody ?? 'devnet notified body',
    meterKinds: input.meterKinds ?? [...SOFTWARE_METER_KINDS],
  };
  const call = {
    function: `${GOVERNANCE_CONTRACT}:${GovernanceTransactions.approveSoftwareVersion}`,
    Args: [JSON.stringify(request)],
  };
  await exec(
    fabricBinary('peer'),
    [
      'chaincode',
      'invoke',
      ...ordererArgs(ctx),
      '--channelID',
      ctx.topology.channel,
      '--name',
      input.chaincode,
      ...endorserArgs(ctx),
      '--ctor',
      JSON.stringify(call),
      '--waitForEvent',
    ],
    { env: { ...peerAdminEnv(ctx, org, firstPeer(org)), CORE_PEER_MSPCONFIGPATH: approverMsp(ctx, org) } },
  );
  detail(
    `LR software ${built.fingerprint.slice(0, 12)}… approved on ${input.chaincode} for ${request.meterKinds.join(', ')} (${org.name} ${APPROVER_IDENTITY} identity)`,
  );
  return built.fingerprint;
}
