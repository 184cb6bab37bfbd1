import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { RistrettoPoint } from '../group';
import { type BabySteps, buildBabySteps, yWords } from './baby-steps';
import { batchToAffine, canonicalTimesFour } from './edwards';

/*
 * File layout (little-endian): magic "MCFEDLOG", u32 format version, u32 bits, then yLow[2^bits] (u32),
 * yHigh[2^bits] (u32), the x-parity bitset, and the SHA-256 of everything before it.
 */
const MAGIC = Buffer.from('MCFEDLOG', 'ascii');
export const TABLE_FORMAT_VERSION = 1;
const HEADER_BYTES = 16;
const DIGEST_BYTES = 32;

export type TableSource = 'built' | 'cache';

export function tableFileName(bits: number): string {
  return `fe-dlog-ristretto255-b${bits}-v${TABLE_FORMAT_VERSION}.bin`;
}

function asBuffer(view: Uint32Array | Uint8Array): Buffer {
  return Buffer.from(view.buffer, view.byteOffset, view.byteLength);
}

export function serialiseBabySteps(steps: BabySteps): Buffer {
  const header = Buffer.alloc(HEADER_BYTES);
  MAGIC.copy(header, 0);
  header.writeUInt32LE(TABLE_FORMAT_VERSION, 8);
  header.writeUInt32LE(steps.bits, 12);
  const body = Buffer.concat([header, asBuffer(steps.yLow), asBuffer(steps.yHigh), asBuffer(steps.xOdd)]);
  return Buffer.concat([body, createHash('sha256').update(body).digest()]);
}

function expectedBytes(bits: number): number {
  const count = 2 ** bits;
  return HEADER_BYTES + 8 * count + Math.ceil(count / 8) + DIGEST_BYTES;
}

/** The table in `bytes`, or undefined when the file is truncated, of another format or corrupt. */
export function parseBabySteps(bytes: Buffer, bits: number): BabySteps | undefined {
  if (bytes.length !== expectedBytes(bits) || !bytes.subarray(0, 8).equals(MAGIC)) return undefined;
  if (bytes.readUInt32LE(8) !== TABLE_FORMAT_VERSION || bytes.readUInt32LE(12) !== bits) return undefined;
  const body = bytes.subarray(0, bytes.length - DIGEST_BYTES);
  if (!createHash('sha256').update(body).digest().equals(bytes.subarray(body.length))) return undefined;
  const count = 2 ** bits;
  // Copies: the views must be aligned, and the file buffer may be pooled.
  const words = new Uint32Array(2 * count);
  asBuffer(words).set(bytes.subarray(HEADER_BYTES, HEADER_BYTES + 8 * count));
  const steps: BabySteps = {
    bits,
    yLow: words.subarray(0, count),
    yHigh: words.subarray(count),
    xOdd: new Uint8Array(bytes.subarray(HEADER_BYTES + 8 * count, body.length)),
  };
  return spotCheck(steps) ? steps : undefined;
}

/** Recomputes a few entries: a file of an older build with the same version number must not pass. */
function spotCheck(steps: BabySteps): boolean {
  const count = steps.yLow.length;
  return [1, count >> 1, count - 1].every((j) => {
    const [affine] = batchToAffine([canonicalTimesFour(RistrettoPoint.BASE.multiplyUnsafe(BigInt(j)))]);
    if (affine === undefined) return false;
    const [low, high] = yWords(affine.y);
    const odd = (((steps.xOdd[j >> 3] ?? 0) >> (j & 7)) & 1) === 1;
    return steps.yLow[j] === low && steps.yHigh[j] === high && odd === ((affine.x & 1n) === 1n);
  });
}

function readCached(file: string, bits: number): BabySteps | undefined {
  try {
    return parseBabySteps(readFileSync(file), bits);
  } catch {
    return undefined;
  }
}

/** Writes through a temporary file and a rename, so a reader never sees half a table. */
function writeCached(file: string, steps: BabySteps): void {
  const temporary = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(temporary, serialiseBabySteps(steps));
    renameSync(temporary, file);
  } catch {
    // A read-only or full disk costs the next process a rebuild, not this one its result.
    try {
      rmSync(temporary, { force: true });
    } catch {
      // Nothing was written.
    }
  }
}

export function loadOrBuildBabySteps(
  bits: number,
  cacheDir: string | undefined,
  onProgress?: (done: number, total: number) => void,
): { steps: BabySteps; source: TableSource } {
  const file = cacheDir === undefined ? undefined : path.join(cacheDir, tableFileName(bits));
  const cached = file === undefined ? undefined : readCached(file, bits);
  if (cached !== undefined) return { steps: cached, source: 'cache' };
  const steps = buildBabySteps(bits, onProgress);
  if (file !== undefined) writeCached(file, steps);
  return { steps, source: 'built' };
}
