import { randomBytes } from 'node:crypto';

/**
 * 32 random bytes, base64url: a challenge nonce, and the id the registration API gives a challenge. Never starts
 * with '-': such an id is read as an option on a command line (`--registration-id -x…` fails to parse), one id in 64
 * before; the draw is repeated instead. Kept apart from the statements because it is not deterministic.
 */
export function newNonce(random: (size: number) => Buffer = randomBytes): string {
  for (;;) {
    const nonce = random(32).toString('base64url');
    if (!nonce.startsWith('-')) {
      return nonce;
    }
  }
}
