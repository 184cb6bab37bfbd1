import { createHash } from 'node:crypto';
import { seededRandom } from '@metrochain/sensor-signals';

const WIDTH = 96;
const HEIGHT = 24;

/**
 * A small synthetic number-plate picture (binary PGM, grey noise from `seed`): the image stays with the operator and
 * only its SHA-256 goes into the signed payload (paper 002's choice), so any distinct bytes serve.
 */
export function plateImage(seed: number): Buffer {
  const header = Buffer.from(`P5\n${WIDTH} ${HEIGHT}\n255\n`, 'ascii');
  const random = seededRandom(seed);
  const pixels = Buffer.alloc(WIDTH * HEIGHT);
  for (let index = 0; index < pixels.length; index += 1) {
    pixels[index] = Math.floor(random() * 256);
  }
  return Buffer.concat([header, pixels]);
}

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}
