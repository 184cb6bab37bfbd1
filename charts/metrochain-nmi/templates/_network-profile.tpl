{{/*
The network profile (libs/config networkProfileSchema) the NMI's services read from METROCHAIN_NETWORK_FILE, as JSON.
Paths point at the mounts of the registration Deployment; the gateway peer is the peers' client Service, verified under
its own DNS name, which every peer's TLS certificate carries.
*/}}
{{- define "nmi.networkProfile" -}}
{{- $generated := include "nmi.generated" . | fromYaml }}
{{- $peers := list (dict
  "name" (include "nmi.peer.gatewayHost" .)
  "endpoint" (printf "%s:%s" (include "nmi.peer.gatewayHost" .) (include "nmi.port.peer" .))
  "tlsRootCertPath" "/etc/metrochain/identities/registration/tlscacert.pem") }}
{{- $identities := dict "registration" (dict
  "certPath" "/etc/metrochain/identities/registration/cert.pem"
  "keyPath" "/etc/metrochain/identities/registration/key.pem"
  "role" $generated.serviceRoles.registration) }}
{{- $orderers := list }}
{{- range .Values.network.orderers }}
{{- $orderers = append $orderers (dict "name" .name "endpoint" .endpoint "adminEndpoint" .adminEndpoint
  "tlsRootCertPath" "/etc/metrochain/orderer-tls/ca.crt") }}
{{- end }}
{{- $profile := dict
  "channel" $generated.channelName
  "chaincode" $generated.chaincode.name
  "organizations" (dict .Values.nmi.name (dict "mspId" .Values.nmi.mspId "peers" $peers "identities" $identities))
  "orderers" $orderers
  "kafka" (dict "brokers" .Values.network.kafka.brokers)
  "redis" (dict "url" .Values.network.redis.url)
  "identity" (dict "issuers" .Values.network.issuers "principals" (list)) }}
{{- $profile | toPrettyJson }}
{{- end -}}
