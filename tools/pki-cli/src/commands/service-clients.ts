import { RegistrationClient, VerificationClient, readNetworkFile } from '@metrochain/tool-kit';
import type { CommandContext } from '../command';
import { resolveEndpoint, type Endpoint, type ServiceName } from '../endpoints/endpoint';

interface EndpointOptions {
  registration?: string | undefined;
  verification?: string | undefined;
  org?: string | undefined;
}

export function endpointOf(service: ServiceName, values: EndpointOptions, context: CommandContext): Endpoint {
  return resolveEndpoint({
    service,
    option: values[service],
    org: values.org,
    env: context.env,
    readNetworkFile: () => readNetworkFile(context.env),
  });
}

export function registrationClient(values: EndpointOptions, context: CommandContext): RegistrationClient {
  const { url } = endpointOf('registration', values, context);
  return new RegistrationClient({ baseUrl: url, timeoutMs: context.httpTimeoutMs });
}

export function verificationClient(values: EndpointOptions, context: CommandContext): VerificationClient {
  const { url } = endpointOf('verification', values, context);
  return new VerificationClient({ baseUrl: url, timeoutMs: context.httpTimeoutMs });
}
