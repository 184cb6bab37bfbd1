export { type StreamConfig, loadStreamConfig, streamConfigSchema } from './stream.config';
export { StreamErrorCode } from './stream-error';
export { type StreamFilter, streamQuerySchema } from './stream-filter';
export { STREAM_CONFIG, StreamModule } from './stream.module';
export { VERIFICATION_FANOUT, type VerificationFanout } from './verification-fanout';
