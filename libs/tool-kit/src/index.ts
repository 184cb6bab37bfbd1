export {
  ExitCode,
  ToolErrorCode,
  codedError,
  toolError,
  usageError,
  type ToolErrorOptions,
} from './tool-error';
export { apiUrl } from './http/api-url';
export { requestJson, type JsonRequest } from './http/request-json';
export { JsonClient, type CallOptions, type JsonClientOptions } from './http/json-client';
export { RegistrationClient } from './http/registration-client';
export { VerificationClient } from './http/verification-client';
export { MeasurementClient } from './http/measurement-client';
export { BillingApiClient } from './http/billing-api-client';
export { serviceBaseUrl } from './endpoints/base-url';
export { readNetworkFile, type NetworkFile } from './endpoints/network-file';
export {
  type WantedPrincipal,
  findPrincipal,
  networkPrincipals,
  principalToken,
} from './endpoints/principals';
export {
  findInstance,
  networkServices,
  type NetworkServices,
  type ServiceInstance,
} from './endpoints/network-services';
export { checked, exactlyOne, parseOptions, required } from './options/parse-options';
export {
  integerOption,
  positiveNumberOption,
  rangeOption,
  urlOption,
  type NumberRange,
} from './options/option-values';
export type { CliCommand, CliOutput, CliProgram, Environment, ToolIo } from './cli/command';
export { runProgram } from './cli/run-program';
export { runJsonProgram, type CommandResult, type JsonCommand, type JsonProgram } from './cli/json-program';
export { FileErrorCode, decodeUtf8, readTextFile, writeNewFile } from './io/files';
