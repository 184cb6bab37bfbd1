{{- define "services.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{- define "services.fullname" -}}
{{- if .Values.fullnameOverride -}}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- $name := default .Chart.Name .Values.nameOverride -}}
{{- if contains $name .Release.Name -}}
{{- .Release.Name | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}
{{- end -}}

{{- define "services.chartLabels" -}}
app.kubernetes.io/name: {{ include "services.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
app.kubernetes.io/part-of: metrochain
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" }}
{{- end -}}

{{/* Context of every per-service define: dict "root" $ "name" <service> "svc" <its values>. */}}
{{- define "services.svcName" -}}
{{- printf "%s-%s" (include "services.fullname" .root) .name | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{- define "services.selectorLabels" -}}
app.kubernetes.io/name: {{ include "services.name" .root }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
app.kubernetes.io/component: {{ .name }}
{{- end -}}

{{- define "services.labels" -}}
{{ include "services.chartLabels" .root }}
app.kubernetes.io/component: {{ .name }}
app.kubernetes.io/version: {{ default .root.Values.image.tag .svc.image.tag | quote }}
{{- end -}}

{{- define "services.image" -}}
{{- $repo := .svc.image.repository -}}
{{- if .root.Values.image.registry -}}{{- $repo = printf "%s/%s" .root.Values.image.registry $repo -}}{{- end -}}
{{- $tag := default .root.Values.image.tag .svc.image.tag -}}
{{- if .svc.image.digest -}}
{{- printf "%s:%s@%s" $repo $tag .svc.image.digest -}}
{{- else -}}
{{- printf "%s:%s" $repo $tag -}}
{{- end -}}
{{- end -}}

{{- define "services.identitySecret" -}}
{{- default (printf "%s-%s-identity" (lower .root.Values.org) .name) .svc.identitySecret -}}
{{- end -}}

{{- define "services.tlsRootsConfigMap" -}}
{{- if .Values.network.tlsRoots.pems -}}
{{- printf "%s-tls-roots" (include "services.fullname" .) -}}
{{- else -}}
{{- .Values.network.tlsRoots.configMap -}}
{{- end -}}
{{- end -}}

{{/* Where the connection profile and the files it names are mounted in every service container. */}}
{{- define "services.paths" -}}
{{- dict "network" "/etc/metrochain/network" "identity" "/etc/metrochain/identity" "tls" "/etc/metrochain/tls" | toJson -}}
{{- end -}}

{{/* An environment value as the service's zod schema reads it: integers without exponent, strings as they are. */}}
{{- define "services.envValue" -}}
{{- if or (kindIs "float64" .) (kindIs "int" .) (kindIs "int64" .) -}}
{{- printf "%d" (int64 .) -}}
{{- else -}}
{{- toString . -}}
{{- end -}}
{{- end -}}

{{/* Checks values.schema.json cannot express. */}}
{{- define "services.validate" -}}
{{- if not (hasKey .Values.network.organizations .Values.org) -}}
{{- fail (printf "org %s is not a key of network.organizations (%s)" .Values.org (join ", " (keys .Values.network.organizations | sortAlpha))) -}}
{{- end -}}
{{- range $name, $svc := .Values.services -}}
{{- if and $svc.enabled $svc.autoscaling.enabled (gt (int $svc.autoscaling.minReplicas) (int $svc.autoscaling.maxReplicas)) -}}
{{- fail (printf "services.%s.autoscaling.minReplicas exceeds maxReplicas" $name) -}}
{{- end -}}
{{- /* verification's instance id <org>-<pod name>-<port> is cut at 64 characters: the ordinal must survive. */ -}}
{{- if and $svc.enabled (eq $svc.workload "StatefulSet") -}}
{{- $highest := sub (int (ternary $svc.autoscaling.maxReplicas $svc.replicas $svc.autoscaling.enabled)) 1 -}}
{{- $id := printf "%s-%s-%d-%d" $.Values.org (include "services.svcName" (dict "root" $ "name" $name)) $highest (int $svc.port) -}}
{{- if gt (len $id) 64 -}}
{{- fail (printf "instance id %s of services.%s is longer than 64 characters and would be cut, giving pods the same id; shorten the release name or set fullnameOverride" $id $name) -}}
{{- end -}}
{{- end -}}
{{- end -}}
{{- end -}}

{{- define "services.containerSecurityContext" -}}
runAsNonRoot: true
runAsUser: 65532
runAsGroup: 65532
allowPrivilegeEscalation: false
privileged: false
readOnlyRootFilesystem: true
capabilities:
  drop: [ALL]
seccompProfile:
  type: RuntimeDefault
{{- end -}}

{{- define "services.podSecurityContext" -}}
runAsNonRoot: true
runAsUser: 65532
runAsGroup: 65532
fsGroup: 65532
seccompProfile:
  type: RuntimeDefault
{{- end -}}

{{/* A NetworkPolicyPeer list item from {namespaceSelector?, podSelector}: no namespaceSelector = this namespace. */}}
{{- define "services.peer" -}}
{{- $peer := dict "podSelector" .podSelector -}}
{{- if .namespaceSelector -}}{{- $_ := set $peer "namespaceSelector" .namespaceSelector -}}{{- end -}}
{{- list $peer | toYaml -}}
{{- end -}}
