{{/* Names, labels and the values shared with libs/deployment (files/deployment.generated.yaml). */}}

{{/* <release>-metrochain-nmi, or the release name alone when it already holds the chart name; at most 40 characters
so that the longest suffix (-peer-headless) keeps Service names within 63. */}}
{{- define "nmi.fullname" -}}
{{- if .Values.fullnameOverride -}}
{{- .Values.fullnameOverride | trunc 40 | trimSuffix "-" -}}
{{- else if contains .Chart.Name .Release.Name -}}
{{- .Release.Name | trunc 40 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-%s" .Release.Name .Chart.Name | trunc 40 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}

{{/* The settings generated from libs/deployment and libs/contracts: channel, chaincode, CCaaS variables, roles. */}}
{{- define "nmi.generated" -}}
{{- .Files.Get "files/deployment.generated.yaml" -}}
{{- end -}}

{{- define "nmi.secretPrefix" -}}
{{- default (lower .Values.nmi.name) .Values.nmi.secretPrefix -}}
{{- end -}}

{{- define "nmi.labels" -}}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
app.kubernetes.io/part-of: metrochain
metrochain.io/nmi: {{ lower .Values.nmi.name }}
{{- end -}}

{{/* Selector labels of one component: include with (dict "root" $ "component" "peer"). */}}
{{- define "nmi.selectorLabels" -}}
app.kubernetes.io/name: {{ .root.Chart.Name }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
app.kubernetes.io/component: {{ .component }}
{{- end -}}

{{- define "nmi.componentLabels" -}}
{{ include "nmi.labels" .root }}
{{ include "nmi.selectorLabels" . }}
app.kubernetes.io/version: {{ .root.Chart.AppVersion | quote }}
{{- end -}}

{{/* registry + repository, then @digest if given, else :tag. */}}
{{- define "nmi.image" -}}
{{- $ref := printf "%s%s" .root.Values.image.registry .image.repository -}}
{{- if .image.digest -}}
{{- printf "%s@%s" $ref .image.digest -}}
{{- else -}}
{{- printf "%s:%s" $ref .image.tag -}}
{{- end -}}
{{- end -}}

{{/* The pod-level security baseline of every pod of the chart (uid 65532 is the images' user). */}}
{{- define "nmi.podSecurityContext" -}}
runAsNonRoot: true
runAsUser: 65532
runAsGroup: 65532
fsGroup: 65532
fsGroupChangePolicy: OnRootMismatch
seccompProfile:
  type: RuntimeDefault
{{- end -}}

{{/* The container-level baseline: no root, no privilege escalation, no capabilities, read-only root. */}}
{{- define "nmi.containerSecurityContext" -}}
runAsNonRoot: true
runAsUser: 65532
runAsGroup: 65532
privileged: false
allowPrivilegeEscalation: false
readOnlyRootFilesystem: true
capabilities:
  drop: [ALL]
seccompProfile:
  type: RuntimeDefault
{{- end -}}

{{- define "nmi.imagePullSecrets" -}}
{{- with .Values.image.pullSecrets }}
imagePullSecrets:
{{- range . }}
  - name: {{ . }}
{{- end }}
{{- end }}
{{- end -}}

{{/* Peers: StatefulSet, headless Service (pod DNS names), gateway Service (clients), ports of the peer image. */}}
{{- define "nmi.peer.statefulset" -}}{{ include "nmi.fullname" . }}-peer{{- end -}}
{{- define "nmi.peer.headless" -}}{{ include "nmi.fullname" . }}-peer-headless{{- end -}}
{{- define "nmi.peer.gateway" -}}{{ include "nmi.fullname" . }}-peer{{- end -}}
{{- define "nmi.peer.subdomain" -}}
{{- printf "%s.%s.svc.%s" (include "nmi.peer.headless" .) .Release.Namespace .Values.clusterDomain -}}
{{- end -}}
{{- define "nmi.peer.gatewayHost" -}}
{{- printf "%s.%s.svc.%s" (include "nmi.peer.gateway" .) .Release.Namespace .Values.clusterDomain -}}
{{- end -}}
{{- define "nmi.port.peer" -}}7051{{- end -}}
{{- define "nmi.port.chaincode" -}}7052{{- end -}}
{{- define "nmi.port.operations" -}}9443{{- end -}}
{{- define "nmi.port.ccserver" -}}9999{{- end -}}
{{- define "nmi.port.orderer" -}}7050{{- end -}}
{{- define "nmi.port.registration" -}}3001{{- end -}}

{{- define "nmi.ccserver.name" -}}{{ include "nmi.fullname" . }}-ccserver{{- end -}}
{{- define "nmi.registration.name" -}}{{ include "nmi.fullname" . }}-registration{{- end -}}
{{- define "nmi.scripts.name" -}}{{ include "nmi.fullname" . }}-scripts{{- end -}}
{{- define "nmi.network.name" -}}{{ include "nmi.fullname" . }}-network{{- end -}}

{{/* Secret names: the value if set, else <prefix>-<suffix>. */}}
{{- define "nmi.secret.peerPrefix" -}}{{ include "nmi.secretPrefix" . }}-peer{{- end -}}
{{- define "nmi.secret.enrollmentPrefix" -}}{{ include "nmi.secretPrefix" . }}-peer-enrollment{{- end -}}
{{- define "nmi.secret.admin" -}}
{{- default (printf "%s-admin" (include "nmi.secretPrefix" .)) .Values.channel.join.adminSecret -}}
{{- end -}}
{{- define "nmi.secret.registration" -}}
{{- default (printf "%s-registration-identity" (include "nmi.secretPrefix" .)) .Values.registration.identitySecret -}}
{{- end -}}
{{- define "nmi.secret.ccserverTls" -}}
{{- default (printf "%s-ccserver-tls" (include "nmi.secretPrefix" .)) .Values.chaincode.tlsSecret -}}
{{- end -}}
{{- define "nmi.channelBlock.name" -}}
{{- default (printf "%s-channel-block" (include "nmi.secretPrefix" .)) .Values.channel.block.name -}}
{{- end -}}

{{/* Preferred anti-affinity by node and zone, or required by node: include with (dict "root" $ "component" …). */}}
{{- define "nmi.antiAffinity" -}}
podAntiAffinity:
  {{- if eq (default "preferred" .mode) "required" }}
  requiredDuringSchedulingIgnoredDuringExecution:
    - topologyKey: kubernetes.io/hostname
      labelSelector:
        matchLabels:
          {{- include "nmi.selectorLabels" . | nindent 10 }}
  {{- end }}
  preferredDuringSchedulingIgnoredDuringExecution:
    {{- if ne (default "preferred" .mode) "required" }}
    - weight: 100
      podAffinityTerm:
        topologyKey: kubernetes.io/hostname
        labelSelector:
          matchLabels:
            {{- include "nmi.selectorLabels" . | nindent 12 }}
    {{- end }}
    - weight: 50
      podAffinityTerm:
        topologyKey: topology.kubernetes.io/zone
        labelSelector:
          matchLabels:
            {{- include "nmi.selectorLabels" . | nindent 12 }}
{{- end -}}

{{/* What the peer scripts need to know about this pod and its siblings (init and peer container alike). */}}
{{- define "nmi.peer.podEnv" -}}
- name: POD_NAME
  valueFrom:
    fieldRef: { fieldPath: metadata.name }
- name: SCRIPTS_DIR
  value: /opt/metrochain/scripts
- name: PEER_DOMAIN
  value: {{ .Values.nmi.domain | quote }}
- name: PEER_STATEFULSET
  value: {{ include "nmi.peer.statefulset" . }}
- name: PEER_SUBDOMAIN
  value: {{ include "nmi.peer.subdomain" . }}
- name: PEER_GATEWAY_HOST
  value: {{ include "nmi.peer.gatewayHost" . }}
- name: PEER_EXTERNAL_ENDPOINT_TEMPLATE
  value: {{ .Values.peer.externalEndpointTemplate | quote }}
{{- end -}}

{{/* A CPU HorizontalPodAutoscaler for a Deployment: include with (dict "root" $ "component" … "name" … "hpa" …). */}}
{{- define "nmi.hpa" }}
apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata:
  name: {{ .name }}
  labels:
    {{- include "nmi.componentLabels" . | nindent 4 }}
spec:
  scaleTargetRef:
    apiVersion: apps/v1
    kind: Deployment
    name: {{ .name }}
  minReplicas: {{ .hpa.minReplicas }}
  maxReplicas: {{ .hpa.maxReplicas }}
  metrics:
    - type: Resource
      resource:
        name: cpu
        target:
          type: Utilization
          averageUtilization: {{ .hpa.targetCPUUtilizationPercentage }}
{{- end -}}

{{/* Egress to the cluster DNS. */}}
{{- define "nmi.netpol.dns" -}}
- to:
    - namespaceSelector:
        {{- toYaml .Values.networkPolicy.dns.namespaceSelector | nindent 8 }}
      podSelector:
        {{- toYaml .Values.networkPolicy.dns.podSelector | nindent 8 }}
  ports:
    - { port: 53, protocol: UDP }
    - { port: 53, protocol: TCP }
{{- end -}}
