export { capturedOutput, type CapturedOutput } from './captured-output';
export { NO_NETWORK_ENV, runCaptured, type CliRun, type CliRunOptions } from './run-captured';
export { fakeRegistration, type FakeRegistrationOptions } from './fake-registration';
export { FakeService, coded, type Handler, type RecordedRequest, type Reply } from './fake-service';
export { freePort } from './free-port';
export { SAMPLE_NETWORK_PROFILE } from './sample-network';
