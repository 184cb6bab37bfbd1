import type { ClusterModel, PodModel, ServiceModel } from './cluster-model';
import { podTemplateOf } from './kube-types';
import { selects } from './label-selector';

/**
 * An in-cluster address a rendered object names: `<service>.<namespace>.svc…` or `<pod>.<service>.<namespace>.svc…`,
 * where the pod may be a variable the container expands (`$(POD_NAME)`: any pod behind the Service).
 */
export interface Endpoint {
  readonly host: string;
  readonly port: number;
  readonly source: string;
}

const LABEL = '[a-z0-9](?:[-a-z0-9]*[a-z0-9])?';
const ADDRESS = new RegExp(
  `((?:\\$\\([A-Z_]+\\)\\.)?${LABEL}(?:\\.${LABEL})*)\\.svc(?:\\.cluster\\.local)?:(\\d+)\\b`,
  'g',
);
const VARIABLE = /^\$\([A-Z_]+\)$/;

function addressesIn(text: string, source: string): Endpoint[] {
  return [...text.matchAll(ADDRESS)].map((match) => ({
    host: match[1] ?? '',
    port: Number(match[2]),
    source,
  }));
}

/** Addresses in ConfigMap data (the network profiles) and container environment values. */
export function endpointsOf(model: ClusterModel): Endpoint[] {
  return model.objects.flatMap((object) => {
    const where = `${object.kind} ${object.metadata.namespace ?? ''}/${object.metadata.name} (${object.source})`;
    if (object.kind === 'ConfigMap') {
      return Object.values(object.data ?? {}).flatMap((text) => addressesIn(text, where));
    }
    const template = podTemplateOf(object);
    const containers = [...(template?.spec.containers ?? []), ...(template?.spec.initContainers ?? [])];
    return containers.flatMap((container) =>
      (container.env ?? []).flatMap((variable) =>
        addressesIn(variable.value ?? '', `${where} env ${variable.name}`),
      ),
    );
  });
}

/** The pods behind a Service; with a pod label, those the address names (`$(VAR)`: any of them). */
function podsBehind(model: ClusterModel, service: ServiceModel, podName: string | undefined): PodModel[] {
  return model.pods.filter(
    (pod) =>
      pod.namespace === service.namespace &&
      service.selector !== undefined &&
      selects({ matchLabels: service.selector }, pod.labels) &&
      (podName === undefined ||
        (pod.subdomain === service.name &&
          (VARIABLE.test(podName) || pod.labels['statefulset.kubernetes.io/pod-name'] === podName))),
  );
}

/** A pod's own address resolves only under a headless Service that is its StatefulSet's serviceName. */
function podAddressProblem(
  model: ClusterModel,
  service: ServiceModel,
  podName: string,
  port: number,
): string | undefined {
  const where = `Service ${service.namespace}/${service.name}`;
  if (service.clusterIP !== 'None') {
    return `${where} is not headless, so ${podName} has no DNS name under it`;
  }
  const pods = podsBehind(model, service, podName);
  if (pods.length === 0) {
    return `no pod ${podName} behind ${where}`;
  }
  return pods.some((pod) => pod.ports.some((candidate) => candidate.containerPort === port))
    ? undefined
    : `pod ${podName} listens on no port ${String(port)}`;
}

/** Why an address leads nowhere in the install, or undefined when a Service (and pod) answers on its port. */
export function endpointProblem(model: ClusterModel, endpoint: Endpoint): string | undefined {
  const labels = endpoint.host.split('.');
  if (labels.length < 2 || labels.length > 3) {
    return `${endpoint.host}: not <service>.<namespace> or <pod>.<service>.<namespace>`;
  }
  const [namespace = '', serviceName = ''] = [labels.at(-1), labels.at(-2)];
  const service = model.services.find(
    (candidate) => candidate.namespace === namespace && candidate.name === serviceName,
  );
  if (service === undefined) {
    return `no Service ${namespace}/${serviceName}`;
  }
  if (labels.length === 3) {
    return podAddressProblem(model, service, labels[0] ?? '', endpoint.port);
  }
  if (!service.ports.some((port) => port.port === endpoint.port)) {
    return `Service ${namespace}/${serviceName} has no port ${String(endpoint.port)}`;
  }
  return podsBehind(model, service, undefined).length === 0
    ? `Service ${namespace}/${serviceName} selects no pod`
    : undefined;
}
