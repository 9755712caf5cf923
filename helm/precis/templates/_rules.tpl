{{/*
The Prometheus rule groups of one release: recording rules, SLO alerts, quality and vLLM alerts.
Rendered into the PrometheusRule (prometheusrule.yaml) and, for prod and dev, checked in under
ops/prometheus/rules/ where promtool's unit tests exercise them (ops/prometheus/tests/).
*/}}
{{- define "precis.ruleGroups" -}}
{{- $ns := include "precis.namespace" . -}}
{{- $app := include "precis.appSelector" . -}}
{{- $vllm := include "precis.vllmSelector" . -}}
{{- $env := .Values.environment -}}
{{- $a := .Values.alerts -}}
{{- $runbooks := trimSuffix "/" $a.runbookBaseUrl -}}
{{- $budget := printf "(1 - %v)" $a.availability.objective -}}
{{- $burn := $a.availability.burnRates -}}
groups:
  - name: precis-api-recording
    rules:
      - record: precis:api_requests:rate5m
        expr: sum by (namespace, endpoint, method) (rate(api_requests_total{ {{- $app -}} }[5m]))
      {{- range list "5m" "10m" "30m" "1h" "2h" "6h" "1d" "3d" }}
      - record: precis:api_error_ratio:rate{{ . }}
        expr: >-
          (sum by (namespace) (rate(api_request_errors_total{ {{- $app -}}, status=~"5.."}[{{ . }}]))
          or 0 * sum by (namespace) (rate(api_requests_total{ {{- $app -}} }[{{ . }}])))
          /
          sum by (namespace) (rate(api_requests_total{ {{- $app -}} }[{{ . }}]))
      {{- end }}
      {{- range list "50" "95" "99" }}
      - record: precis:api_request_latency_seconds:p{{ . }}_5m
        expr: >-
          histogram_quantile(0.{{ . }}, sum by (namespace, endpoint, le)
          (rate(api_request_latency_seconds_bucket{ {{- $app -}} }[5m])))
      {{- end }}
  - name: precis-slo-alerts
    rules:
      - alert: PrecisApiDown
        expr: absent(up{namespace="{{ $ns }}", job="{{ include "precis.fullname" . }}-api-management"} == 1)
        for: 2m
        labels: {severity: critical, env: {{ $env }}, namespace: {{ $ns }}}
        annotations:
          summary: No Precis API pod in {{ $ns }} answers Prometheus' scrape.
          description: Every API pod of {{ $ns }} has been down or unscrapeable for 2 minutes.
          runbook_url: {{ $runbooks }}/PrecisApiDown.md
      - alert: PrecisErrorBudgetFastBurn
        expr: >-
          (precis:api_error_ratio:rate1h{namespace="{{ $ns }}"} > ({{ $burn.page1h }} * {{ $budget }})
          and precis:api_error_ratio:rate5m{namespace="{{ $ns }}"} > ({{ $burn.page1h }} * {{ $budget }}))
          or
          (precis:api_error_ratio:rate6h{namespace="{{ $ns }}"} > ({{ $burn.page6h }} * {{ $budget }})
          and precis:api_error_ratio:rate30m{namespace="{{ $ns }}"} > ({{ $burn.page6h }} * {{ $budget }}))
        for: 2m
        labels: {severity: critical, env: {{ $env }}, slo: availability}
        annotations:
          summary: Precis API in {{ $ns }} is burning its 7-day availability error budget fast.
          description: >-
            5xx ratio {{ "{{" }} $value | humanizePercentage {{ "}}" }}: at this rate the {{ $a.availability.objective }}
            availability objective's 7-day budget is gone in days ({{ $burn.page1h }}x over 1h/5m or
            {{ $burn.page6h }}x over 6h/30m).
          runbook_url: {{ $runbooks }}/PrecisErrorBudgetFastBurn.md
      - alert: PrecisErrorBudgetSlowBurn
        expr: >-
          (precis:api_error_ratio:rate1d{namespace="{{ $ns }}"} > ({{ $burn.ticket1d }} * {{ $budget }})
          and precis:api_error_ratio:rate2h{namespace="{{ $ns }}"} > ({{ $burn.ticket1d }} * {{ $budget }}))
          or
          (precis:api_error_ratio:rate3d{namespace="{{ $ns }}"} > ({{ $burn.ticket3d }} * {{ $budget }})
          and precis:api_error_ratio:rate6h{namespace="{{ $ns }}"} > ({{ $burn.ticket3d }} * {{ $budget }}))
        for: 15m
        labels: {severity: warning, env: {{ $env }}, slo: availability}
        annotations:
          summary: Precis API in {{ $ns }} is slowly burning its 7-day availability error budget.
          description: >-
            5xx ratio {{ "{{" }} $value | humanizePercentage {{ "}}" }} ({{ $burn.ticket1d }}x over 1d/2h or
            {{ $burn.ticket3d }}x over 3d/6h of the {{ $a.availability.objective }} objective's 7-day budget).
          runbook_url: {{ $runbooks }}/PrecisErrorBudgetSlowBurn.md
      - alert: PrecisHighErrorRate
        expr: precis:api_error_ratio:rate10m{namespace="{{ $ns }}"} > {{ $a.errorRate.threshold }}
        for: 2m
        labels: {severity: critical, env: {{ $env }}, slo: error-rate}
        annotations:
          summary: More than {{ $a.errorRate.threshold }} of Precis API requests in {{ $ns }} fail with 5xx.
          description: 5xx ratio over the last 10 minutes is {{ "{{" }} $value | humanizePercentage {{ "}}" }}.
          runbook_url: {{ $runbooks }}/PrecisHighErrorRate.md
      - alert: PrecisHighLatencyP95
        expr: >-
          precis:api_request_latency_seconds:p95_5m{namespace="{{ $ns }}", endpoint=~"{{ $a.latencyP95.endpointRegex }}"}
          > {{ $a.latencyP95.thresholdSeconds }}
        for: 10m
        labels: {severity: critical, env: {{ $env }}, slo: latency}
        annotations:
          summary: p95 latency of {{ "{{" }} $labels.endpoint {{ "}}" }} in {{ $ns }} is above {{ $a.latencyP95.thresholdSeconds }} s.
          description: p95 over 5 minutes is {{ "{{" }} $value | humanizeDuration {{ "}}" }} (objective {{ $a.latencyP95.thresholdSeconds }} s).
          runbook_url: {{ $runbooks }}/PrecisHighLatencyP95.md
      - alert: PrecisDbConnectionsExhausted
        expr: max by (namespace, pod) (hikaricp_connections_pending{ {{- $app -}} }) > 0
        for: 5m
        labels: {severity: warning, env: {{ $env }}}
        annotations:
          summary: Precis API pod {{ "{{" }} $labels.pod {{ "}}" }} waits for database connections.
          description: Threads have waited for a PostgreSQL connection from the pool for 5 minutes.
          runbook_url: {{ $runbooks }}/PrecisDbConnectionsExhausted.md
  - name: precis-quality-alerts
    rules:
      - alert: PrecisRougeLRegression
        expr: >-
          max by (namespace) (eval_rouge_l{ {{- $app -}} })
          < (1 - {{ $a.rougeL.maxRelativeDrop }}) * max by (namespace) (eval_rouge_l_previous_release{ {{- $app -}} })
        for: 5m
        labels: {severity: warning, env: {{ $env }}, slo: quality}
        annotations:
          summary: ROUGE-L in {{ $ns }} is more than {{ $a.rougeL.maxRelativeDrop }} below the previous release.
          description: The latest evaluation's ROUGE-L is {{ "{{" }} $value {{ "}}" }}.
          runbook_url: {{ $runbooks }}/PrecisRougeLRegression.md
      - alert: PrecisFactualConsistencyBelowBaseline
        expr: >-
          max by (namespace) (eval_factual_consistency{ {{- $app -}} })
          < max by (namespace) (eval_factual_consistency_baseline{ {{- $app -}} })
        for: 5m
        labels: {severity: warning, env: {{ $env }}, slo: quality}
        annotations:
          summary: Factual consistency in {{ $ns }} is below its baseline.
          description: The latest evaluation's factual consistency is {{ "{{" }} $value {{ "}}" }}.
          runbook_url: {{ $runbooks }}/PrecisFactualConsistencyBelowBaseline.md
      - alert: PrecisRagHitRateLow
        expr: avg by (namespace) (rag_retrieval_hit_rate{ {{- $app -}} }) < {{ $a.ragHitRate.min }}
        for: 30m
        labels: {severity: warning, env: {{ $env }}}
        annotations:
          summary: Fewer than {{ $a.ragHitRate.min }} of Library queries in {{ $ns }} retrieve a relevant passage.
          description: RAG retrieval hit rate is {{ "{{" }} $value | humanizePercentage {{ "}}" }}.
          runbook_url: {{ $runbooks }}/PrecisRagHitRateLow.md
      - alert: PrecisResearchQueueBacklog
        expr: max by (namespace) (research_jobs{ {{- $app -}}, status=~"(?i)queued"}) > {{ $a.researchQueue.maxQueued }}
        for: 15m
        labels: {severity: warning, env: {{ $env }}}
        annotations:
          summary: More than {{ $a.researchQueue.maxQueued }} research jobs in {{ $ns }} have waited for 15 minutes.
          description: '{{ "{{" }} $value {{ "}}" }} research jobs are queued.'
          runbook_url: {{ $runbooks }}/PrecisResearchQueueBacklog.md
  {{- if .Values.vllm.enabled }}
  - name: precis-vllm-alerts
    rules:
      - alert: VllmDown
        expr: absent(up{ {{- $vllm -}} } == 1)
        for: 5m
        labels: {severity: critical, env: {{ $env }}, namespace: {{ $ns }}}
        annotations:
          summary: No vLLM server in {{ $ns }} answers Prometheus' scrape.
          description: The model server has been down or unscrapeable for 5 minutes; summaries and research fail or fall back.
          runbook_url: {{ $runbooks }}/VllmDown.md
      - alert: VllmQueueDepthHigh
        expr: sum by (namespace, model_name) (vllm:num_requests_waiting{ {{- $vllm -}} }) > {{ $a.vllm.queueDepth }}
        for: 5m
        labels: {severity: warning, env: {{ $env }}}
        annotations:
          summary: More than {{ $a.vllm.queueDepth }} requests wait in vLLM's queue in {{ $ns }}.
          description: '{{ "{{" }} $value {{ "}}" }} requests waiting for model {{ "{{" }} $labels.model_name {{ "}}" }}.'
          runbook_url: {{ $runbooks }}/VllmQueueDepthHigh.md
      - alert: VllmTimeToFirstTokenHigh
        expr: >-
          histogram_quantile(0.95, sum by (namespace, model_name, le)
          (rate(vllm:time_to_first_token_seconds_bucket{ {{- $vllm -}} }[5m])))
          > {{ $a.vllm.ttftP95Seconds }}
        for: 10m
        labels: {severity: warning, env: {{ $env }}}
        annotations:
          summary: vLLM's p95 time to first token in {{ $ns }} is above {{ $a.vllm.ttftP95Seconds }} s.
          description: p95 time to first token is {{ "{{" }} $value | humanizeDuration {{ "}}" }}.
          runbook_url: {{ $runbooks }}/VllmTimeToFirstTokenHigh.md
  {{- end }}
{{- end -}}
