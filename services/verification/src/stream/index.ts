export { type AuditorCredential, AuditorTokens, auditorTokensSchema } from './auditor-tokens';
export { type StreamConfig, loadStreamConfig, streamConfigSchema } from './stream.config';
export { StreamErrorCode, streamHttpStatus } from './stream-error';
export { type StreamFilter, streamQuerySchema } from './stream-filter';
export { STREAM_CONFIG, StreamModule } from './stream.module';
export { VERIFICATION_FANOUT, type VerificationFanout } from './verification-fanout';
