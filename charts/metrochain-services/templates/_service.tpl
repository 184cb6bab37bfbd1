{{/*
The one shape of every service. Each define takes dict "root" $ "name" <service> "svc" <its values>; the files
next to this one range over .Values.services and render each enabled service through these defines.
*/}}

{{- define "services.configmap" -}}
{{- $paths := include "services.paths" . | fromJson -}}
apiVersion: v1
kind: ConfigMap
metadata:
  name: {{ include "services.svcName" . }}-env
  labels:
    {{- include "services.labels" . | nindent 4 }}
data:
  # Owned by the chart: the address and port the Service and probes use, the NMI, the mounted connection profile.
  HOST: "0.0.0.0"
  PORT: {{ .svc.port | quote }}
  METROCHAIN_ORG: {{ .root.Values.org | quote }}
  METROCHAIN_NETWORK_FILE: {{ printf "%s/network.json" $paths.network | quote }}
  {{- range $key, $value := .svc.env }}
  {{ $key }}: {{ include "services.envValue" $value | quote }}
  {{- end }}
{{- end -}}

{{- define "services.workload" -}}
{{- $paths := include "services.paths" . | fromJson -}}
{{- $defaults := .root.Values.defaults -}}
{{- $resources := default $defaults.resources .svc.resources -}}
apiVersion: apps/v1
kind: {{ .svc.workload }}
metadata:
  name: {{ include "services.svcName" . }}
  labels:
    {{- include "services.labels" . | nindent 4 }}
spec:
  {{- if not .svc.autoscaling.enabled }}
  replicas: {{ .svc.replicas }}
  {{- end }}
  {{- if eq .svc.workload "StatefulSet" }}
  serviceName: {{ include "services.svcName" . }}-headless
  podManagementPolicy: Parallel
  {{- end }}
  selector:
    matchLabels:
      {{- include "services.selectorLabels" . | nindent 6 }}
  template:
    metadata:
      labels:
        {{- include "services.labels" . | nindent 8 }}
      annotations:
        checksum/env: {{ include "services.configmap" . | sha256sum }}
        checksum/network: {{ include "services.networkProfile" .root | sha256sum }}
        {{- with .svc.podAnnotations }}
        {{- toYaml . | nindent 8 }}
        {{- end }}
    spec:
      serviceAccountName: {{ include "services.fullname" .root }}
      automountServiceAccountToken: false
      enableServiceLinks: false
      terminationGracePeriodSeconds: {{ $defaults.terminationGracePeriodSeconds }}
      securityContext:
        {{- include "services.podSecurityContext" . | nindent 8 }}
      {{- with .root.Values.imagePullSecrets }}
      imagePullSecrets:
        {{- toYaml . | nindent 8 }}
      {{- end }}
      {{- with $defaults.nodeSelector }}
      nodeSelector:
        {{- toYaml . | nindent 8 }}
      {{- end }}
      {{- with $defaults.tolerations }}
      tolerations:
        {{- toYaml . | nindent 8 }}
      {{- end }}
      affinity:
        podAntiAffinity:
          preferredDuringSchedulingIgnoredDuringExecution:
            - weight: 100
              podAffinityTerm:
                topologyKey: kubernetes.io/hostname
                labelSelector:
                  matchLabels:
                    {{- include "services.selectorLabels" . | nindent 20 }}
      topologySpreadConstraints:
        - maxSkew: {{ $defaults.topologySpread.maxSkew }}
          topologyKey: kubernetes.io/hostname
          whenUnsatisfiable: {{ $defaults.topologySpread.whenUnsatisfiable }}
          labelSelector:
            matchLabels:
              {{- include "services.selectorLabels" . | nindent 14 }}
        - maxSkew: {{ $defaults.topologySpread.maxSkew }}
          topologyKey: {{ $defaults.topologySpread.zoneKey }}
          whenUnsatisfiable: {{ $defaults.topologySpread.whenUnsatisfiable }}
          labelSelector:
            matchLabels:
              {{- include "services.selectorLabels" . | nindent 14 }}
      containers:
        - name: {{ .name }}
          image: {{ include "services.image" . }}
          imagePullPolicy: {{ .root.Values.image.pullPolicy }}
          envFrom:
            - configMapRef:
                name: {{ include "services.svcName" . }}-env
          ports:
            - name: http
              containerPort: {{ .svc.port }}
              protocol: TCP
          # Start-up connects Kafka, Redis and the gateway before the port opens; give it two minutes.
          startupProbe:
            httpGet:
              path: /health/live
              port: http
            periodSeconds: 5
            failureThreshold: 24
          livenessProbe:
            httpGet:
              path: /health/live
              port: http
            periodSeconds: 15
            timeoutSeconds: 3
            failureThreshold: 3
          # Ready only while Kafka, Redis and the ledger answer (the service's own readiness report).
          readinessProbe:
            httpGet:
              path: /health/ready
              port: http
            periodSeconds: 10
            timeoutSeconds: 5
            failureThreshold: 3
          securityContext:
            {{- include "services.containerSecurityContext" . | nindent 12 }}
          resources:
            {{- toYaml $resources | nindent 12 }}
          volumeMounts:
            - name: network
              mountPath: {{ $paths.network }}
              readOnly: true
            - name: identity
              mountPath: {{ $paths.identity }}
              readOnly: true
            - name: tls-roots
              mountPath: {{ $paths.tls }}
              readOnly: true
            - name: tmp
              mountPath: /tmp
      volumes:
        - name: network
          configMap:
            name: {{ include "services.fullname" .root }}-network
        # This service's own Fabric identity only; the other services' keys are never mounted here.
        - name: identity
          secret:
            secretName: {{ include "services.identitySecret" . }}
            defaultMode: 0440
            items:
              - { key: cert.pem, path: cert.pem }
              - { key: key.pem, path: key.pem }
        - name: tls-roots
          configMap:
            name: {{ include "services.tlsRootsConfigMap" .root }}
        - name: tmp
          emptyDir:
            sizeLimit: 64Mi
{{- end -}}

{{- define "services.service" -}}
apiVersion: v1
kind: Service
metadata:
  name: {{ include "services.svcName" . }}
  labels:
    {{- include "services.labels" . | nindent 4 }}
    metrochain.io/metrics: "true"
spec:
  type: ClusterIP
  selector:
    {{- include "services.selectorLabels" . | nindent 4 }}
  ports:
    - name: http
      port: {{ .svc.port }}
      targetPort: http
      protocol: TCP
{{- if eq .svc.workload "StatefulSet" }}
---
# Stable names for the StatefulSet's pods (instance ids survive restarts).
apiVersion: v1
kind: Service
metadata:
  name: {{ include "services.svcName" . }}-headless
  labels:
    {{- include "services.labels" . | nindent 4 }}
spec:
  clusterIP: None
  selector:
    {{- include "services.selectorLabels" . | nindent 4 }}
  ports:
    - name: http
      port: {{ .svc.port }}
      targetPort: http
      protocol: TCP
{{- end }}
{{- end -}}

{{- define "services.hpa" -}}
apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata:
  name: {{ include "services.svcName" . }}
  labels:
    {{- include "services.labels" . | nindent 4 }}
spec:
  scaleTargetRef:
    apiVersion: apps/v1
    kind: {{ .svc.workload }}
    name: {{ include "services.svcName" . }}
  minReplicas: {{ .svc.autoscaling.minReplicas }}
  maxReplicas: {{ .svc.autoscaling.maxReplicas }}
  metrics:
    - type: Resource
      resource:
        name: cpu
        target:
          type: Utilization
          averageUtilization: {{ .svc.autoscaling.targetCPUUtilizationPercentage }}
{{- end -}}

{{- define "services.pdb" -}}
apiVersion: policy/v1
kind: PodDisruptionBudget
metadata:
  name: {{ include "services.svcName" . }}
  labels:
    {{- include "services.labels" . | nindent 4 }}
spec:
  maxUnavailable: {{ .svc.pdb.maxUnavailable }}
  selector:
    matchLabels:
      {{- include "services.selectorLabels" . | nindent 6 }}
{{- end -}}

{{- define "services.networkpolicy" -}}
{{- $np := .root.Values.networkPolicy -}}
{{- $published := or .svc.ingress.enabled (and (hasKey .svc "dashboard") .svc.dashboard.enabled) -}}
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: {{ include "services.svcName" . }}
  labels:
    {{- include "services.labels" . | nindent 4 }}
spec:
  podSelector:
    matchLabels:
      {{- include "services.selectorLabels" . | nindent 6 }}
  policyTypes:
    - Ingress
    - Egress
  ingress:
    {{- if $published }}
    # Clients of the HTTP API through the ingress controller.
    - from:
        {{- include "services.peer" $np.ingressController | nindent 8 }}
      ports:
        - { port: {{ .svc.port }}, protocol: TCP }
    {{- end }}
    {{- with $np.httpClients }}
    - from:
        {{- toYaml . | nindent 8 }}
      ports:
        - { port: {{ $.svc.port }}, protocol: TCP }
    {{- end }}
    # Prometheus scraping the service's metrics on its HTTP port.
    - from:
        {{- include "services.peer" $np.monitoring | nindent 8 }}
      ports:
        - { port: {{ .svc.port }}, protocol: TCP }
  egress:
    - to:
        {{- include "services.peer" $np.kafka | nindent 8 }}
      ports:
        {{- range $np.kafka.ports }}
        - { port: {{ . }}, protocol: TCP }
        {{- end }}
    - to:
        {{- include "services.peer" $np.redis | nindent 8 }}
      ports:
        {{- range $np.redis.ports }}
        - { port: {{ . }}, protocol: TCP }
        {{- end }}
    - to:
        {{- include "services.peer" $np.peers | nindent 8 }}
      ports:
        {{- range $np.peers.ports }}
        - { port: {{ . }}, protocol: TCP }
        {{- end }}
    - to:
        {{- include "services.peer" $np.dns | nindent 8 }}
      ports:
        - { port: 53, protocol: UDP }
        - { port: 53, protocol: TCP }
    {{- if and (eq .name "audit") $np.networkHealth.to }}
    # Network health (docs/audit-network.md): every NMI's peers (deliver, qscc) and the peers' and orderers'
    # operations endpoints (/metrics).
    - to:
        {{- toYaml $np.networkHealth.to | nindent 8 }}
      ports:
        {{- range $np.networkHealth.ports }}
        - { port: {{ . }}, protocol: TCP }
        {{- end }}
    {{- end }}
    {{- with $np.extraEgress }}
    {{- toYaml . | nindent 4 }}
    {{- end }}
{{- end -}}

{{- define "services.servicemonitor" -}}
apiVersion: monitoring.coreos.com/v1
kind: ServiceMonitor
metadata:
  name: {{ include "services.svcName" . }}
  labels:
    {{- include "services.labels" . | nindent 4 }}
    {{- with .root.Values.serviceMonitor.labels }}
    {{- toYaml . | nindent 4 }}
    {{- end }}
spec:
  selector:
    matchLabels:
      {{- include "services.selectorLabels" . | nindent 6 }}
      metrochain.io/metrics: "true"
  endpoints:
    - port: http
      path: {{ .root.Values.serviceMonitor.path }}
      scheme: http
      interval: {{ .root.Values.serviceMonitor.interval }}
{{- end -}}

{{/* An Ingress for .ing (ingress or dashboard values) named .ingName. */}}
{{- define "services.ingress" -}}
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: {{ .ingName }}
  labels:
    {{- include "services.labels" . | nindent 4 }}
  {{- with .ing.annotations }}
  annotations:
    {{- toYaml . | nindent 4 }}
  {{- end }}
spec:
  {{- with .ing.className }}
  ingressClassName: {{ . }}
  {{- end }}
  {{- if .ing.tlsSecret }}
  tls:
    - hosts: [{{ .ing.host | quote }}]
      secretName: {{ .ing.tlsSecret }}
  {{- end }}
  rules:
    - host: {{ .ing.host | quote }}
      http:
        paths:
          {{- range .ing.paths }}
          - path: {{ . }}
            pathType: Prefix
            backend:
              service:
                name: {{ include "services.svcName" $ }}
                port:
                  name: http
          {{- end }}
{{- end -}}
