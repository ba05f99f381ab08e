#!/usr/bin/env bash
# Mints a token for a demo account with the dev signing key (src/dev), for benchmarks against a server
# started with the dev profile's keys. Usage: bench/dev-token.sh demo-anna
set -euo pipefail
subject=${1:?subject}
key=$(dirname "$0")/../src/dev/dev-signing-key.pem
b64() { openssl base64 -A | tr '+/' '-_' | tr -d '='; }
now=$(date +%s)
header=$(printf '{"alg":"RS256","typ":"JWT","kid":"dev"}' | b64)
payload=$(printf '{"iss":"ediary-dev","sub":"%s","aud":"ediary-api","iat":%d,"exp":%d}' "$subject" "$now" $((now + 43200)) | b64)
signature=$(printf '%s.%s' "$header" "$payload" | openssl dgst -sha256 -sign "$key" | b64)
printf '%s.%s.%s\n' "$header" "$payload" "$signature"
