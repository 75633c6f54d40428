{{/*
Name of the chart, shortened to the 63 characters a label value allows.
*/}}
{{- define "tidewatch.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/*
Base name of every object: the release name, prefixed with the chart name unless it already contains it.
*/}}
{{- define "tidewatch.fullname" -}}
{{- if .Values.fullnameOverride }}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- $name := default .Chart.Name .Values.nameOverride }}
{{- if contains $name .Release.Name }}
{{- .Release.Name | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" }}
{{- end }}
{{- end }}
{{- end }}

{{/*
Labels that select the pods; they never change across upgrades.
*/}}
{{- define "tidewatch.selectorLabels" -}}
app.kubernetes.io/name: {{ include "tidewatch.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end }}

{{/*
Labels for every object.
*/}}
{{- define "tidewatch.labels" -}}
{{ include "tidewatch.selectorLabels" . }}
app.kubernetes.io/part-of: tidewatch
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/*
The container image, tagged with the chart's appVersion unless image.tag says otherwise.
*/}}
{{- define "tidewatch.image" -}}
{{- printf "%s:%s" .Values.image.repository (default .Chart.AppVersion .Values.image.tag) }}
{{- end }}

{{/*
Secret names: a specific Secret when one is named, else the common one.
*/}}
{{- define "tidewatch.databaseSecret" -}}
{{- default .Values.secrets.existingSecret .Values.database.existingSecret }}
{{- end }}

{{- define "tidewatch.encryptionSecret" -}}
{{- default .Values.secrets.existingSecret .Values.encryption.existingSecret }}
{{- end }}

{{/*
The absolute base URL of the admin door, written into links and e-mails.
*/}}
{{- define "tidewatch.scheme" -}}
{{- ternary "https" "http" .Values.tls.enabled }}
{{- end }}

{{- define "tidewatch.publicBaseUrl" -}}
{{- default (printf "%s://%s" (include "tidewatch.scheme" .) .Values.hosts.admin) .Values.config.publicBaseUrl }}
{{- end }}
