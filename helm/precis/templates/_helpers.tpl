{{/* Base name of every object: the release name unless fullnameOverride. */}}
{{- define "precis.fullname" -}}
{{- default .Release.Name .Values.fullnameOverride | trunc 50 | trimSuffix "-" -}}
{{- end -}}

{{/* Namespace of every object: .Values.namespace (templated) or the release namespace. */}}
{{- define "precis.namespace" -}}
{{- $ns := tpl (toString .Values.namespace) . | trim -}}
{{- default .Release.Namespace $ns -}}
{{- end -}}

{{- define "precis.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{/* Labels on every object. */}}
{{- define "precis.labels" -}}
helm.sh/chart: {{ include "precis.chart" . }}
app.kubernetes.io/part-of: precis
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
env: {{ .Values.environment | quote }}
{{- with .Values.commonLabels }}
{{ toYaml . }}
{{- end }}
{{- end -}}

{{/* Selector labels of one component: include "precis.selectorLabels" (dict "ctx" . "component" "api"). */}}
{{- define "precis.selectorLabels" -}}
app.kubernetes.io/name: precis
app.kubernetes.io/instance: {{ .ctx.Release.Name }}
app.kubernetes.io/component: {{ .component }}
{{- end -}}

{{- define "precis.componentLabels" -}}
{{ include "precis.labels" .ctx }}
{{ include "precis.selectorLabels" . }}
{{- end -}}

{{- define "precis.serviceAccountName" -}}
{{- if .Values.serviceAccount.create -}}
{{- default (include "precis.fullname" .) .Values.serviceAccount.name -}}
{{- else -}}
{{- default "default" .Values.serviceAccount.name -}}
{{- end -}}
{{- end -}}

{{/* Name of the Secret the pods read. */}}
{{- define "precis.secretName" -}}
{{- default (printf "%s-secrets" (include "precis.fullname" .)) .Values.secrets.existingSecret -}}
{{- end -}}

{{- define "precis.apiImage" -}}
{{- if .Values.api.image.digest -}}
{{- printf "%s@%s" .Values.api.image.repository .Values.api.image.digest -}}
{{- else -}}
{{- printf "%s:%s" .Values.api.image.repository (default .Chart.AppVersion .Values.api.image.tag) -}}
{{- end -}}
{{- end -}}

{{- define "precis.host" -}}
{{- tpl (toString .Values.ingress.host) . | trim -}}
{{- end -}}

{{/* In-cluster vLLM base URL. */}}
{{- define "precis.vllmUrl" -}}
{{- printf "http://%s-vllm:%v/v1" (include "precis.fullname" .) .Values.vllm.port -}}
{{- end -}}

{{/* PromQL label matchers of this release's app metrics. */}}
{{- define "precis.appSelector" -}}
application="precis", namespace="{{ include "precis.namespace" . }}"
{{- end -}}

{{- define "precis.vllmSelector" -}}
namespace="{{ include "precis.namespace" . }}", job="{{ include "precis.fullname" . }}-vllm"
{{- end -}}

{{/* Env vars from the Secret. */}}
{{- define "precis.secretEnv" -}}
{{- $secret := include "precis.secretName" .ctx -}}
{{- range .keys }}
- name: {{ .name }}
  valueFrom:
    secretKeyRef:
      name: {{ $secret }}
      key: {{ .name }}
      {{- if .optional }}
      optional: true
      {{- end }}
{{- end }}
{{- end -}}

{{/* A NetworkPolicy peer from {podSelector, namespaceSelector} label maps (empty: nothing). */}}
{{- define "precis.networkPeer" -}}
{{- if or .podSelector .namespaceSelector -}}
- {{- with .namespaceSelector }}
  namespaceSelector:
    matchLabels:
      {{- toYaml . | nindent 6 }}
  {{- end }}
  {{- with .podSelector }}
  podSelector:
    matchLabels:
      {{- toYaml . | nindent 6 }}
  {{- end }}
{{- end -}}
{{- end -}}

{{/* Egress to the cluster DNS (kube-dns in kube-system), as a NetworkPolicy egress rule list item. */}}
{{- define "precis.dnsEgress" -}}
- ports:
    - {port: 53, protocol: UDP}
    - {port: 53, protocol: TCP}
  to:
    - namespaceSelector:
        matchLabels: {kubernetes.io/metadata.name: kube-system}
      podSelector:
        matchLabels: {k8s-app: kube-dns}
{{- end }}

{{/* Egress to PostgreSQL (networkPolicy.postgres: selectors or CIDRs) on PGPORT; nothing when none is set. */}}
{{- define "precis.postgresEgress" -}}
{{- with .Values.networkPolicy.postgres }}
{{- if or .podSelector .namespaceSelector .cidrs }}
- to:
    {{- include "precis.networkPeer" . | nindent 4 }}
    {{- range .cidrs }}
    - ipBlock: {cidr: {{ . }}}
    {{- end }}
  ports:
    - {port: {{ $.Values.api.env.PGPORT | int }}, protocol: TCP}
{{- end }}
{{- end }}
{{- end }}
