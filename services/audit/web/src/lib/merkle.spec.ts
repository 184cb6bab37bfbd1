import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { bytesOfHex, canonicalJson, hexOf, leafHash, nodeHash, rootFromProof } from './merkle';

// Certificate Transparency's RFC 6962 test leaves and the roots of their first 1..8 (as libs/pki/src/merkle.spec.ts).
const CT_LEAVES = [
  '',
  '00',
  '10',
  '2021',
  '3031',
  '40414243',
  '5051525354555657',
  '606162636465666768696a6b6c6d6e6f',
];
const CT_ROOTS = [
  '6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d',
  'fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125',
  'aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77',
  'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
  '4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4',
  '76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef',
  'ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c',
  '5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328',
];

const split = (n: number): number => 2 ** Math.floor(Math.log2(n - 1));

async function root(leaves: Uint8Array[]): Promise<Uint8Array> {
  const [only] = leaves;
  if (leaves.length === 1 && only !== undefined) {
    return only;
  }
  const k = split(leaves.length);
  return nodeHash(await root(leaves.slice(0, k)), await root(leaves.slice(k)));
}

/** RFC 6962 §2.1.1 PATH(m, D[n]), leaf first. */
async function auditPath(m: number, leaves: Uint8Array[]): Promise<Uint8Array[]> {
  if (leaves.length <= 1) {
    return [];
  }
  const k = split(leaves.length);
  return m < k
    ? [...(await auditPath(m, leaves.slice(0, k))), await root(leaves.slice(k))]
    : [...(await auditPath(m - k, leaves.slice(k))), await root(leaves.slice(0, k))];
}

describe('merkle (browser proof checker)', () => {
  it("matches Certificate Transparency's reference roots", async () => {
    const leaves = await Promise.all(CT_LEAVES.map((data) => leafHash(bytesOfHex(data))));
    for (let n = 1; n <= leaves.length; n++) {
      assert.equal(hexOf(await root(leaves.slice(0, n))), CT_ROOTS[n - 1]);
    }
  });

  it('accepts every proof of every tree of size 1 to 13 and refuses a tampered one', async () => {
    for (let size = 1; size <= 13; size++) {
      const leaves = await Promise.all(
        Array.from({ length: size }, (_, i) => leafHash(new TextEncoder().encode(`record-${i}`))),
      );
      const expected = hexOf(await root(leaves));
      for (let index = 0; index < size; index++) {
        const path = await auditPath(index, leaves);
        const leaf = leaves[index] ?? new Uint8Array();
        const got = await rootFromProof(index, size, leaf, path);
        assert.equal(got === undefined ? 'none' : hexOf(got), expected, `size ${size} index ${index}`);
        const wrong = await rootFromProof(index, size, leaves[(index + 1) % size] ?? leaf, path);
        if (size > 1) {
          assert.notEqual(wrong === undefined ? 'none' : hexOf(wrong), expected);
        }
      }
    }
    assert.equal(await rootFromProof(3, 3, new Uint8Array(32), []), undefined);
  });

  it('writes RFC 8785 canonical JSON for plain data', () => {
    assert.equal(
      canonicalJson({ b: 1, a: [true, null, 'x'], c: { z: 0.5, y: 'é' } }),
      '{"a":[true,null,"x"],"b":1,"c":{"y":"é","z":0.5}}',
    );
  });
});
