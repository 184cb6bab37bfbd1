import type { Command } from '../command';
import { decryptCommand } from './decrypt.command';
import { keyCommand } from './key.command';
import { seedCommand } from './seed.command';
import { statementsCommand } from './statements.command';

/** In the order a customer needs them: the seed at installation, a key per tariff, then readings and bills. */
export const COMMANDS: readonly Command[] = [seedCommand, keyCommand, decryptCommand, statementsCommand];
