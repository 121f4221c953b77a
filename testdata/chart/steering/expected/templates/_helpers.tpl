{{/* The chart's name. */}}
{{- define "steered.name" -}}
{{- .Chart.Name | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{/*
The name of one of the chart's objects, called as (list $ "name"): the name ferry convert gives
it (the compose service name), behind .Values.namePrefix when one is set.
*/}}
{{- define "steered.fullname" -}}
{{- $root := index . 0 -}}
{{- $name := index . 1 -}}
{{- if $root.Values.namePrefix -}}
{{- printf "%s%s" $root.Values.namePrefix $name | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- $name -}}
{{- end -}}
{{- end -}}

{{/* The Secret behind secrets.<name>: its existingSecret, else the chart's own. (list $ "name") */}}
{{- define "steered.secretName" -}}
{{- $root := index . 0 -}}
{{- $name := index . 1 -}}
{{- $s := index $root.Values.secrets $name | default dict -}}
{{- $s.existingSecret | default (include "steered.fullname" (list $root $name)) -}}
{{- end -}}

{{/* Labels Helm manages, added to every object's metadata (plus .Values.commonLabels). */}}
{{- define "steered.labels" -}}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service | quote }}
app.kubernetes.io/instance: {{ .Release.Name | quote }}
{{- with .Values.commonLabels }}
{{ toYaml . }}
{{- end }}
{{- end -}}

{{/* Labels Helm manages on Pod templates. */}}
{{- define "steered.podLabels" -}}
app.kubernetes.io/managed-by: {{ .Release.Service | quote }}
app.kubernetes.io/instance: {{ .Release.Name | quote }}
{{- end -}}

{{/*
The labels that select a service's Pods, called as (list $ "name"): exactly those of ferry convert,
plus the release when namePrefix is set (two installs in one namespace must not share Pods).
*/}}
{{- define "steered.selectorLabels" -}}
{{- $root := index . 0 }}
app.kubernetes.io/name: {{ index . 1 | toJson }}
app.kubernetes.io/part-of: "steered"
{{- if $root.Values.namePrefix }}
app.kubernetes.io/instance: {{ $root.Release.Name | quote }}
{{- end }}
{{- end -}}

{{/* An image reference from repository, tag and digest, as a JSON string. */}}
{{- define "steered.image" -}}
{{- $s := .repository -}}
{{- if not (kindIs "invalid" .tag) }}{{ if ne (toString .tag) "" }}{{ $s = printf "%s:%v" $s .tag }}{{ end }}{{ end -}}
{{- with .digest }}{{ $s = printf "%s@%s" $s . }}{{ end -}}
{{- $s | toJson -}}
{{- end -}}
