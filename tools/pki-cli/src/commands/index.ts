import type { Command } from '../command';
import { endpointsCommand } from './endpoints.command';
import { fingerprintCommand } from './fingerprint.command';
import { keygenCommand } from './keygen.command';
import { revokeCommand, rotateCommand, statusCommand } from './meter-changes.commands';
import { answerCommand, challengeCommand, registerCommand } from './registration.commands';
import { signCommand } from './sign.command';
import { proofCommand, verifyCommand } from './verification.commands';
import { verifyLocalCommand } from './verify-local.command';

/** In the order the overview lists them: local key work, registration, changes, verification. */
export const COMMANDS: readonly Command[] = [
  keygenCommand,
  fingerprintCommand,
  signCommand,
  verifyLocalCommand,
  registerCommand,
  challengeCommand,
  answerCommand,
  statusCommand,
  revokeCommand,
  rotateCommand,
  verifyCommand,
  proofCommand,
  endpointsCommand,
];
