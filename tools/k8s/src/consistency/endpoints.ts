import type { ClusterModel } from './cluster-model';
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
const ADDRESS = new RegExp(`((?:\\$\\([A-Z_]+\\)\\.)?${LABEL}(?:\\.${LABEL})*)\\.svc(?:\\.cluster\\.local)?:(\\d+)\\b`, 'g');
const VARIABLE = /^\$\([A-Z_]+\)$/;

function addressesIn(text: string, source: string): Endpoint[] {
  return [...text.matchAll(ADDRESS)].map((match) => ({ host: match[1] ?? '', port: Number(match[2]), source }));
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
      (container.env ?? []).flatMap((variable) => addressesIn(variable.value ?? '', `${where} env ${variable.name}`)),
    );
  });
}

/** Why an address leads nowhere in the install, or undefined when a Service (and pod) answers on its port. */
export function endpointProblem(model: ClusterModel, endpoint: Endpoint): string | undefined {
  const labels = endpoint.host.split('.');
  const [namespace, serviceName, podName] = [labels.at(-1), labels.at(-2), labels.length === 3 ? labels[0] : undefined];
  if (labels.length < 2 || labels.length > 3 || namespace === undefined || serviceName === undefined) {
    return `${endpoint.host}: not <service>.<namespace> or <pod>.<service>.<namespace>`;
  }
  const service = model.services.find((candidate) => candidate.namespace === namespace && candidate.name === serviceName);
  if (service === undefined) {
    return `no Service ${namespace}/${serviceName}`;
  }
  const pods = model.pods.filter(
    (pod) =>
      pod.namespace === namespace &&
      service.selector !== undefined &&
      selects({ matchLabels: service.selector }, pod.labels) &&
      (podName === undefined ||
        (pod.subdomain === serviceName &&
          (VARIABLE.test(podName) || pod.labels['statefulset.kubernetes.io/pod-name'] === podName))),
  );
  if (podName === undefined) {
    if (!service.ports.some((port) => port.port === endpoint.port)) {
      return `Service ${namespace}/${serviceName} has no port ${String(endpoint.port)}`;
    }
    return pods.length === 0 ? `Service ${namespace}/${serviceName} selects no pod` : undefined;
  }
  if (service.clusterIP !== 'None') {
    return `Service ${namespace}/${serviceName} is not headless, so ${podName} has no DNS name under it`;
  }
  if (pods.length === 0) {
    return `no pod ${podName} behind Service ${namespace}/${serviceName}`;
  }
  return pods.some((pod) => pod.ports.some((port) => port.containerPort === endpoint.port))
    ? undefined
    : `pod ${podName} listens on no port ${String(endpoint.port)}`;
}
