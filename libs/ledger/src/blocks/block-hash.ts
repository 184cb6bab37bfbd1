import { createHash } from 'node:crypto';

/** The three header fields Fabric hashes to chain blocks. */
export interface BlockHeaderFields {
  number: number;
  previousHash: Uint8Array;
  dataHash: Uint8Array;
}

// Written by hand rather than with an ASN.1 library: the header is one fixed DER SEQUENCE of an INTEGER and two
// OCTET STRINGs (Fabric's protoutil.BlockHeaderBytes marshals exactly that with Go's encoding/asn1), 25 lines here.
function derLength(length: number): Buffer {
  if (length < 0x80) {
    return Buffer.from([length]);
  }
  const bytes: number[] = [];
  for (let rest = length; rest > 0; rest = Math.floor(rest / 256)) {
    bytes.unshift(rest % 256);
  }
  return Buffer.from([0x80 | bytes.length, ...bytes]);
}

function derElement(tag: number, content: Uint8Array): Buffer {
  return Buffer.concat([Buffer.from([tag]), derLength(content.length), content]);
}

/** A non-negative INTEGER: minimal big-endian bytes, with a leading zero when the top bit is set. */
function derUnsigned(value: number): Buffer {
  const bytes: number[] = [];
  for (let rest = value; rest > 0; rest = Math.floor(rest / 256)) {
    bytes.unshift(rest % 256);
  }
  if (bytes.length === 0 || (bytes[0] ?? 0) >= 0x80) {
    bytes.unshift(0);
  }
  return derElement(0x02, Buffer.from(bytes));
}

/** SHA-256 of the DER header, which the next block names as its previous hash. */
export function blockHeaderHash(header: BlockHeaderFields): Buffer {
  const der = derElement(
    0x30,
    Buffer.concat([
      derUnsigned(header.number),
      derElement(0x04, header.previousHash),
      derElement(0x04, header.dataHash),
    ]),
  );
  return createHash('sha256').update(der).digest();
}

/** SHA-256 over the block's data entries concatenated, as the header's data hash must be. */
export function blockDataHash(data: readonly Uint8Array[]): Buffer {
  const hash = createHash('sha256');
  for (const entry of data) {
    hash.update(entry);
  }
  return hash.digest();
}
