{{/*
network.json, the connection profile of libs/config (networkProfileSchema). Every enabled service of this release
finds its own Fabric identity under the NMI's organisation at the same paths: each pod mounts only its own Secret
there. Other organisations carry their peers (for their TLS names) and no identities.
*/}}
{{- define "services.networkProfile" -}}
{{- $paths := include "services.paths" . | fromJson -}}
{{- $n := .Values.network -}}
{{- $organizations := dict -}}
{{- range $orgName, $org := $n.organizations -}}
{{- $peers := list -}}
{{- range $org.peers -}}
{{- $peers = append $peers (dict "name" .name "endpoint" .endpoint "tlsRootCertPath" (printf "%s/%s.pem" $paths.tls $orgName)) -}}
{{- end -}}
{{- $identities := dict -}}
{{- if eq $orgName $.Values.org -}}
{{- range $name, $svc := $.Values.services -}}
{{- if $svc.enabled -}}
{{- $_ := set $identities $name (dict "certPath" (printf "%s/cert.pem" $paths.identity) "keyPath" (printf "%s/key.pem" $paths.identity) "role" $svc.role) -}}
{{- end -}}
{{- end -}}
{{- end -}}
{{- $_ := set $organizations $orgName (dict "mspId" $org.mspId "peers" $peers "identities" $identities) -}}
{{- end -}}
{{- $orderers := list -}}
{{- range $n.orderers -}}
{{- $orderers = append $orderers (dict "name" .name "endpoint" .endpoint "adminEndpoint" .adminEndpoint "tlsRootCertPath" (printf "%s/orderers.pem" $paths.tls)) -}}
{{- end -}}
{{- dict "channel" $n.channel "chaincode" $n.chaincode "organizations" $organizations "orderers" $orderers "kafka" $n.kafka "redis" $n.redis "identity" (dict "issuers" $n.identity.issuers "principals" list) | toPrettyJson -}}
{{- end -}}
