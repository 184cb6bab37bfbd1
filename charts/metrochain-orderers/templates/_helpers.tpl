{{/* Names. */}}
{{- define "orderers.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{- define "orderers.fullname" -}}
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

{{- define "orderers.headless" -}}
{{- printf "%s-headless" (include "orderers.fullname" .) | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{- define "orderers.labels" -}}
app.kubernetes.io/name: {{ include "orderers.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
app.kubernetes.io/part-of: metrochain
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" }}
{{- end -}}

{{- define "orderers.selectorLabels" -}}
app.kubernetes.io/name: {{ include "orderers.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/component: orderer
{{- end -}}

{{- define "orderers.joinSelectorLabels" -}}
app.kubernetes.io/name: {{ include "orderers.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/component: channel-join
{{- end -}}

{{- define "orderers.image" -}}
{{- $repo := .Values.image.repository -}}
{{- if .Values.image.registry -}}{{- $repo = printf "%s/%s" .Values.image.registry $repo -}}{{- end -}}
{{- if .Values.image.digest -}}
{{- printf "%s:%s@%s" $repo .Values.image.tag .Values.image.digest -}}
{{- else -}}
{{- printf "%s:%s" $repo .Values.image.tag -}}
{{- end -}}
{{- end -}}

{{/* The identity (orderer<n+1>) of ordinal n. */}}
{{- define "orderers.identityName" -}}
{{- printf "orderer%d" (add1 .) -}}
{{- end -}}

{{/* <secretPrefix>-orderer: ordinal n's identity is the Secret <secretPrefix>-orderer-<n> (the NMI chart's layout). */}}
{{- define "orderers.identitySecretPrefix" -}}
{{- printf "%s-orderer" .Values.orderer.identity.secretPrefix -}}
{{- end -}}

{{/* The identity Secret of ordinal .ordinal: include with (dict "root" $ "ordinal" n). */}}
{{- define "orderers.identitySecret" -}}
{{- printf "%s-%d" (include "orderers.identitySecretPrefix" .root) (int .ordinal) -}}
{{- end -}}

{{/* DNS name of ordinal .ordinal: <fullname>-<n>.<headless>.<namespace>.svc.<clusterDomain>. */}}
{{- define "orderers.podHost" -}}
{{- $root := .root -}}
{{- printf "%s-%d.%s.%s.svc.%s" (include "orderers.fullname" $root) (int .ordinal) (include "orderers.headless" $root) $root.Release.Namespace $root.Values.clusterDomain -}}
{{- end -}}

{{/*
Checks that cannot be said in values.schema.json: PDB keeps a Raft majority; scale-up only with provisioned identities.
*/}}
{{- define "orderers.validate" -}}
{{- $replicas := int .Values.orderer.replicas -}}
{{- $quorum := add1 (div $replicas 2) -}}
{{- $maxUnavailable := int .Values.pdb.maxUnavailable -}}
{{- if lt (sub $replicas $maxUnavailable) $quorum -}}
{{- fail (printf "pdb.maxUnavailable=%d would leave %d of %d orderers up, below the Raft quorum of %d" $maxUnavailable (sub $replicas $maxUnavailable) $replicas $quorum) -}}
{{- end -}}
{{- $provisioned := int .Values.orderer.identity.provisioned -}}
{{- if and (gt $provisioned 0) (gt $replicas $provisioned) -}}
{{- $missing := list -}}
{{- range $n := untilStep $provisioned $replicas 1 -}}
{{- $missing = append $missing (printf "%s (%s)" (include "orderers.identitySecret" (dict "root" $ "ordinal" $n)) (include "orderers.identityName" $n)) -}}
{{- end -}}
{{- fail (printf "orderer.replicas=%d but identities are provisioned for orderer1..orderer%d only; create the Secrets %s first (README: adding an orderer)" $replicas $provisioned (join ", " $missing)) -}}
{{- end -}}
{{- end -}}

{{/* Container securityContext of every container of the chart: non-root, read-only, no capabilities. */}}
{{- define "orderers.containerSecurityContext" -}}
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

{{- define "orderers.podSecurityContext" -}}
runAsNonRoot: true
runAsUser: 65532
runAsGroup: 65532
fsGroup: 65532
fsGroupChangePolicy: OnRootMismatch
seccompProfile:
  type: RuntimeDefault
{{- end -}}
