package dev.ferry.core.helm;

import java.util.Map;
import tools.jackson.databind.JsonNode;

/** The chart's fixed template texts: {@code _helpers.tpl}, the Ingress template and NOTES.txt. */
final class FixedTemplates {
  private FixedTemplates() {}

  static String helpers(ChartOwnership plan) {
    String c = plan.chartName;
    return """
        {{/* The chart's name. */}}
        {{- define "C.name" -}}
        {{- .Chart.Name | trunc 63 | trimSuffix "-" -}}
        {{- end -}}

        {{/*
        The name of one of the chart's objects, called as (list $ "name"): the name ferry convert gives
        it (the compose service name), behind .Values.namePrefix when one is set.
        */}}
        {{- define "C.fullname" -}}
        {{- $root := index . 0 -}}
        {{- $name := index . 1 -}}
        {{- if $root.Values.namePrefix -}}
        {{- printf "%s%s" $root.Values.namePrefix $name | trunc 63 | trimSuffix "-" -}}
        {{- else -}}
        {{- $name -}}
        {{- end -}}
        {{- end -}}

        {{/* The Secret behind secrets.<name>: its existingSecret, else the chart's own. (list $ "name") */}}
        {{- define "C.secretName" -}}
        {{- $root := index . 0 -}}
        {{- $name := index . 1 -}}
        {{- $s := index $root.Values.secrets $name | default dict -}}
        {{- $s.existingSecret | default (include "C.fullname" (list $root $name)) -}}
        {{- end -}}

        {{/* Labels Helm manages, added to every object's metadata (plus .Values.commonLabels). */}}
        {{- define "C.labels" -}}
        helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" | quote }}
        app.kubernetes.io/managed-by: {{ .Release.Service | quote }}
        app.kubernetes.io/instance: {{ .Release.Name | quote }}
        {{- with .Values.commonLabels }}
        {{ toYaml . }}
        {{- end }}
        {{- end -}}

        {{/* Labels Helm manages on Pod templates. */}}
        {{- define "C.podLabels" -}}
        app.kubernetes.io/managed-by: {{ .Release.Service | quote }}
        app.kubernetes.io/instance: {{ .Release.Name | quote }}
        {{- end -}}

        {{/*
        The labels that select a service's Pods, called as (list $ "name"): exactly those of ferry convert,
        plus the release when namePrefix is set (two installs in one namespace must not share Pods).
        */}}
        {{- define "C.selectorLabels" -}}
        {{- $root := index . 0 }}
        app.kubernetes.io/name: {{ index . 1 | toJson }}
        app.kubernetes.io/part-of: PARTOF
        {{- if $root.Values.namePrefix }}
        app.kubernetes.io/instance: {{ $root.Release.Name | quote }}
        {{- end }}
        {{- end -}}

        {{/* An image reference from repository, tag and digest, as a JSON string. */}}
        {{- define "C.image" -}}
        {{- $s := .repository -}}
        {{- if not (kindIs "invalid" .tag) }}{{ if ne (toString .tag) "" }}{{ $s = printf "%s:%v" $s .tag }}{{ end }}{{ end -}}
        {{- with .digest }}{{ $s = printf "%s@%s" $s . }}{{ end -}}
        {{- $s | toJson -}}
        {{- end -}}
        """.replace("\"C.", "\"" + c + ".").replace("PARTOF", Placeholders.quote(plan.partOf));
  }

  /** An Ingress for a service, on when {@code ingress.enabled}; its defaults reproduce convert's Ingress. */
  static String ingress(ChartOwnership plan, String svc, Map<String, String> labels) {
    String name = Placeholders.quote(plan.workloads.get(svc).getMetadata().getName());
    String full = "include \"" + plan.helper("fullname") + "\" (list $ " + name + ")";
    StringBuilder b = new StringBuilder();
    b.append("apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  labels:\n");
    labels.forEach((k, v) -> {
      if (!k.equals("app.kubernetes.io/managed-by")) b.append("    ").append(k).append(": ").append(Placeholders.quote(v)).append('\n');
    });
    b.append("    {{- include \"").append(plan.helper("labels")).append("\" $ | nindent 4 }}\n");
    b.append("  name: {{ ").append(full).append(" }}\n");
    String ns = plan.workloads.get(svc).getMetadata().getNamespace();
    if (ns != null) b.append("  namespace: ").append(Placeholders.quote(ns)).append('\n');
    b.append("""
        spec:
          {{- with $svc.ingress.className }}
          ingressClassName: {{ . | toJson }}
          {{- end }}
          rules:
          - {{- with $svc.ingress.host }}
            host: {{ . | toJson }}
            {{- end }}
            http:
              paths:
              - backend:
                  service:
                    name: {{ FULL }}
                    port:
                      number: {{ $svc.ingress.port | int }}
                path: {{ $svc.ingress.path | toJson }}
                pathType: Prefix
          {{- with $svc.ingress.tls }}
          tls:
            {{- toYaml . | nindent 2 }}
          {{- end }}
        """.replace("FULL", full));
    return b.toString();
  }

  static String notes(ChartOwnership plan, JsonNode services) {
    StringBuilder b = new StringBuilder("{{ .Chart.Name }} is installed as release {{ .Release.Name }} in namespace {{ .Release.Namespace }}.\n");
    b.append("It was generated by ferry from a compose project; `ferry convert` emits the same objects.\n");
    StringBuilder ing = new StringBuilder();
    StringBuilder pf = new StringBuilder();
    for (String svc : plan.workloads.keySet()) {
      JsonNode v = services.get(svc);
      if (v == null || !v.has("service") || !v.has("ingress")) continue; // a headless Service without ports
      String s = Templates.svc(svc).replace("$.Values", ".Values");
      String name = Placeholders.quote(plan.workloads.get(svc).getMetadata().getName());
      ing.append("{{- if and ").append(s).append(".enabled ").append(s).append(".ingress.enabled }}\n")
          .append("  ").append(svc).append(": http{{ if ").append(s).append(".ingress.tls }}s{{ end }}://{{ ")
          .append(s).append(".ingress.host | default \"<ingress address>\" }}{{ ").append(s).append(".ingress.path }}\n{{- end }}\n");
      pf.append("{{- if ").append(s).append(".enabled }}\n")
          .append("  kubectl --namespace {{ .Release.Namespace }} port-forward svc/{{ include \"").append(plan.helper("fullname"))
          .append("\" (list $ ").append(name).append(") }}{{ range ").append(s).append(".service.ports }} {{ int .port }}:{{ int .port }}{{ end }}\n{{- end }}\n");
    }
    if (ing.length() > 0) b.append("\nFrom outside the cluster, through the Ingress (when enabled):\n").append(ing);
    if (pf.length() > 0) b.append("\nFrom your machine, with a port-forward:\n").append(pf);
    b.append("\nSecrets default to the values in the compose project; see README.md (secrets.<name>.existingSecret).\n");
    return b.toString();
  }
}
