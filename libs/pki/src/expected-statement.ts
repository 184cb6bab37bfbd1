import type { DomainError } from '@metrochain/errors';
import { PkiErrorCode, pkiError } from './pki-error';
import {
  ATTESTATION_PURPOSE,
  ROTATION_PURPOSE,
  attestationStatement,
  rotationStatement,
  type AttestationInput,
  type RotationInput,
} from './statements';

// A meter signs only statements it can read as the one it agreed to: signing whatever a service sends would make
// the meter's key a signing oracle for anyone who can answer in the service's place. The check lives beside the
// statements so that every signer (the fleet's meters, the PKI CLI) refuses the same texts.

function fieldsOf(statement: string, purpose: string): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(statement);
  } catch {
    throw unexpected('the statement is not JSON');
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw unexpected('the statement is not a JSON object');
  }
  const { purpose: actual, ...fields } = value as Record<string, unknown>;
  if (actual !== purpose) {
    throw unexpected(`the statement's purpose is ${JSON.stringify(actual)}, expected ${purpose}`);
  }
  return fields;
}

/** The canonical text of these fields must be the statement itself, byte for byte. */
function canonicalOrThrow(statement: string, canonical: () => string): void {
  let text: string;
  try {
    text = canonical();
  } catch (error) {
    throw unexpected(`the statement is malformed: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (text !== statement) {
    throw unexpected('the statement is not in canonical form (RFC 8785)');
  }
}

function expectField(name: string, actual: unknown, expected: string | undefined): void {
  if (expected !== undefined && actual !== expected) {
    throw unexpected(`the statement names ${name} ${JSON.stringify(actual)}, expected ${expected}`);
  }
}

/**
 * Checks that `statement` is, byte for byte, the attestation challenge for this key (and this meter, when known)
 * as `attestationStatement` writes it; returns its fields, or throws STATEMENT_UNEXPECTED.
 */
export function expectAttestationStatement(
  statement: string,
  expected: Readonly<{ meterId?: string; keyFingerprint: string }>,
): AttestationInput {
  const fields = fieldsOf(statement, ATTESTATION_PURPOSE) as AttestationInput;
  canonicalOrThrow(statement, () => attestationStatement(fields));
  expectField('meter', fields.meterId, expected.meterId);
  expectField('key', fields.keyFingerprint, expected.keyFingerprint);
  return fields;
}

/** Checks that `statement` is the rotation statement of this meter from this old key to this new key. */
export function expectRotationStatement(
  statement: string,
  expected: Readonly<Omit<RotationInput, 'nonce'>>,
): RotationInput {
  const fields = fieldsOf(statement, ROTATION_PURPOSE) as RotationInput;
  canonicalOrThrow(statement, () => rotationStatement(fields));
  expectField('meter', fields.meterId, expected.meterId);
  expectField('old key', fields.oldKeyFingerprint, expected.oldKeyFingerprint);
  expectField('new key', fields.newKeyFingerprint, expected.newKeyFingerprint);
  return fields;
}

function unexpected(message: string): DomainError<PkiErrorCode> {
  return pkiError(PkiErrorCode.STATEMENT_UNEXPECTED, `refusing to sign: ${message}`);
}
