import { ATTESTATION_PURPOSE, attestationStatement, type AttestationInput } from '@metrochain/pki';
import type { DomainError } from '@metrochain/errors';
import { FleetErrorCode, fleetError } from '../fleet-error';

// A meter signs only the attestation challenge for itself and its own key: signing whatever a service sends would
// make the meter's key a signing oracle for anyone who can answer in the service's place.

/** Checks that `statement` is, byte for byte, libs/pki's attestation statement for this meter and key. */
export function expectAttestationStatement(
  statement: string,
  expected: Readonly<{ meterId: string; keyFingerprint: string }>,
): AttestationInput {
  const { purpose, ...fields } = parseObject(statement);
  if (purpose !== ATTESTATION_PURPOSE) {
    throw unexpected(`the statement's purpose is ${JSON.stringify(purpose)}`);
  }
  const input = fields as unknown as AttestationInput;
  if (input.meterId !== expected.meterId || input.keyFingerprint !== expected.keyFingerprint) {
    throw unexpected(`the statement names meter ${JSON.stringify(input.meterId)} and another key`);
  }
  let canonical: string;
  try {
    canonical = attestationStatement(input);
  } catch (error) {
    throw unexpected(`the statement is malformed: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (canonical !== statement) {
    throw unexpected('the statement is not in canonical form (RFC 8785)');
  }
  return input;
}

function parseObject(statement: string): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(statement);
  } catch {
    throw unexpected('the statement is not JSON');
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw unexpected('the statement is not a JSON object');
  }
  return value as Record<string, unknown>;
}

function unexpected(message: string): DomainError {
  return fleetError(FleetErrorCode.STATEMENT_UNEXPECTED, `refusing to sign: ${message}`);
}
