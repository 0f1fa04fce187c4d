#!/usr/bin/env bash
# Send one signed submission to jianyi from any JSON-capable form service (or by hand).
# Usage: JIANYI_URL=http://127.0.0.1:8787/hooks/forms/suggestion JIANYI_SECRET=local-suggestion-secret ./curl-example.sh
set -euo pipefail
url="${JIANYI_URL:-http://127.0.0.1:8787/hooks/forms/suggestion}"
secret="${JIANYI_SECRET:-local-suggestion-secret}"
body=$(cat <<JSON
{"submissionId":"example-$(date +%s)","submittedAt":"$(date -u +%Y-%m-%dT%H:%M:%SZ)",
 "answers":{"标题":"关于增设城关路口公交站点的建议","领衔代表":"王建国","内容摘要":"建议在城关路口增设公交站点","类别":"城乡建设"}}
JSON
)
timestamp=$(date +%s)
# HMAC-SHA256 over "<timestamp>.<raw body>", hex, sent as "sha256=<hex>".
signature=$(printf '%s.%s' "$timestamp" "$body" | openssl dgst -sha256 -hmac "$secret" -hex | sed 's/^.*= //')
curl -sS -X POST "$url" \
  -H "Content-Type: application/json" \
  -H "X-Jianyi-Timestamp: $timestamp" \
  -H "X-Jianyi-Signature: sha256=$signature" \
  --data-binary "$body"
echo
