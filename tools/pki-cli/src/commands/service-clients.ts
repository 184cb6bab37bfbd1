import type { PrincipalRole } from '@metrochain/contracts';
import { RegistrationClient, VerificationClient, findPrincipal, readNetworkFile } from '@metrochain/tool-kit';
import type { CommandContext } from '../command';
import { resolveEndpoint, type Endpoint, type ServiceName } from '../endpoints/endpoint';

interface EndpointOptions {
  registration?: string | undefined;
  verification?: string | undefined;
  org?: string | undefined;
  token?: string | undefined;
}

/** Whom a registration command acts as when no --token is given; reads need nobody. */
export type Acting = Extract<PrincipalRole, 'manufacturer' | 'nmi-operator'> | 'anyone';

export function endpointOf(service: ServiceName, values: EndpointOptions, context: CommandContext): Endpoint {
  return resolveEndpoint({
    service,
    option: values[service],
    org: values.org,
    env: context.env,
    readNetworkFile: () => readNetworkFile(context.env),
  });
}

export function registrationClient(
  values: EndpointOptions,
  context: CommandContext,
  acting: Acting,
): RegistrationClient {
  const endpoint = endpointOf('registration', values, context);
  const bearerToken = tokenFor(values, context, acting, endpoint.org ?? values.org);
  return new RegistrationClient({ baseUrl: endpoint.url, timeoutMs: context.httpTimeoutMs, bearerToken });
}

/**
 * --token, else $METROCHAIN_TOKEN, else the network file's manufacturer or the NMI's operator (PTB's by default);
 * without any, the request goes out anonymous and the service answers 401 UNAUTHENTICATED.
 */
function tokenFor(
  values: EndpointOptions,
  context: CommandContext,
  acting: Acting,
  org: string | undefined,
): string | undefined {
  const given = values.token ?? context.env['METROCHAIN_TOKEN'];
  if (given !== undefined && given !== '') {
    return given;
  }
  if (acting === 'anyone') {
    return undefined;
  }
  const networkFile = readNetworkFile(context.env);
  const wanted =
    acting === 'manufacturer'
      ? { role: acting }
      : { role: acting, name: `operator-${(org ?? 'PTB').toLowerCase()}` };
  return findPrincipal(networkFile, wanted)?.token;
}

export function verificationClient(values: EndpointOptions, context: CommandContext): VerificationClient {
  const { url } = endpointOf('verification', values, context);
  return new VerificationClient({ baseUrl: url, timeoutMs: context.httpTimeoutMs });
}
