import { errorText, getJson } from '../lib/api';
import { byId, h, replace } from '../lib/dom';
import { bytesOfHex, canonicalJson, hexOf, leafHash, rootFromProof } from '../lib/merkle';

interface ProofView {
  verificationId: string;
  record: Record<string, unknown>;
  leafHash: string;
  proof: { index: number; treeSize: number; path: string[] } | null;
  ledgerAnchor: { batchId: string; merkleRoot: string; size: number; txId: string } | null;
}

interface Recomputed {
  leaf: Uint8Array;
  leafMatches: boolean;
  root: Uint8Array | undefined;
  verified: boolean;
}

/** Leaf from the record's canonical JSON, root from the proof; verified if that root is the ledger's, same size. */
async function recompute(view: ProofView): Promise<Recomputed> {
  const leaf = await leafHash(new TextEncoder().encode(canonicalJson(view.record)));
  const leafMatches = hexOf(leaf) === view.leafHash;
  const { proof, ledgerAnchor } = view;
  if (proof === null || ledgerAnchor === null) {
    return { leaf, leafMatches, root: undefined, verified: false };
  }
  const root = await rootFromProof(proof.index, proof.treeSize, leaf, proof.path.map(bytesOfHex));
  const verified =
    leafMatches &&
    root !== undefined &&
    hexOf(root) === ledgerAnchor.merkleRoot &&
    proof.treeSize === ledgerAnchor.size;
  return { leaf, leafMatches, root, verified };
}

/**
 * The proof checker: recomputes in this browser (WebCrypto) the record's leaf hash from its canonical JSON and the
 * root its inclusion proof leads to, and compares that with the root read from the ledger.
 */
export async function checkProof(verificationId: string): Promise<void> {
  const target = byId('proof-result');
  target.dataset['verified'] = '';
  replace(target, 'fetching…');
  const answer = await getJson<ProofView>(`/api/proofs/${encodeURIComponent(verificationId.trim())}`);
  if (!answer.ok) {
    target.dataset['verified'] = 'false';
    replace(target, h('p', { class: 'error' }, errorText(answer)));
    return;
  }
  const view = answer.body;
  const { leaf, leafMatches, root, verified } = await recompute(view);
  const ledgerRoot = view.ledgerAnchor?.merkleRoot;
  target.dataset['verified'] = String(verified);
  replace(
    target,
    h(
      'p',
      { class: verified ? 'verdict ok' : 'verdict bad' },
      verified ? 'Proof verified' : 'Proof NOT verified',
    ),
    h(
      'dl',
      {},
      h('dt', {}, 'leaf hash (computed here)'),
      h('dd', { 'data-testid': 'proof-leaf' }, `${hexOf(leaf)} ${leafMatches ? '= service' : '≠ service'}`),
      h('dt', {}, 'root from proof (computed here)'),
      h(
        'dd',
        { 'data-testid': 'proof-root' },
        root === undefined ? 'no proof yet (batch not anchored)' : hexOf(root),
      ),
      h('dt', {}, 'root anchored on the ledger'),
      h('dd', { 'data-testid': 'proof-ledger-root' }, ledgerRoot ?? 'not anchored'),
      h('dt', {}, 'anchor'),
      h(
        'dd',
        {},
        view.ledgerAnchor === null ? '' : `batch ${view.ledgerAnchor.batchId}, tx ${view.ledgerAnchor.txId}`,
      ),
    ),
    h('pre', { class: 'arg' }, JSON.stringify(view.record, null, 2)),
  );
}
