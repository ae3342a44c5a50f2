#!/usr/bin/env bash
# The sync-back loop in a running sandbox: OMi (the simulator) forwards an event to the gateway, a
# third party closes it through the gateway's /sync-back, egress synchronizes the change back to
# OMi, and OMi's view of the event is shown once it says closed.
# Needs only curl. Every address and credential can be overridden from the environment:
#   GATEWAY_URL (default http://localhost:${GATEWAY_PORT:-8080})
#   OMI_SIM_URL (default http://localhost:${OMI_SIM_PORT:-8092})
#   SYNC_BACK_CLIENT_NAME / SYNC_BACK_CLIENT_PASSWORD (default servicedesk / servicedesk-sandbox)
#   WAIT_SECONDS (default 30): how long to wait for the change to reach OMi
set -euo pipefail

gateway_url="${GATEWAY_URL:-http://localhost:${GATEWAY_PORT:-8080}}"
omi_url="${OMI_SIM_URL:-http://localhost:${OMI_SIM_PORT:-8092}}"
client="${SYNC_BACK_CLIENT_NAME:-servicedesk}"
password="${SYNC_BACK_CLIENT_PASSWORD:-servicedesk-sandbox}"
wait_seconds="${WAIT_SECONDS:-30}"
omi_id="sandbox-loop-$(date +%s)-$RANDOM"

# request METHOD URL [BODY] [CURL ARGS...]: prints the status and the body into $status and $answer.
request() {
  local method="$1" url="$2" body="${3:-}" out
  shift 3 || shift $#
  out="$(curl --silent --show-error --max-time 30 --request "$method" "$@" \
    ${body:+--header "Content-Type: application/json" --data-binary "$body"} \
    --write-out '\n%{http_code}' "$url")"
  status="${out##*$'\n'}"
  answer="${out%$'\n'*}"
}

echo "1. OMi forwards event $omi_id to the gateway (POST $omi_url/sim/forward)"
request POST "$omi_url/sim/forward" \
  "{\"id\": \"$omi_id\", \"title\": \"Disk full on db01\", \"severity\": \"major\", \"state\": \"open\"}"
echo "   HTTP $status $answer"
[[ "$status" == "200" ]] || { echo "OMi could not forward the event; is the sandbox running?" >&2; exit 1; }
external_id="$(sed -n 's/.*"external_id" *: *"\([^"]*\)".*/\1/p' <<<"$answer")"
echo "   the gateway answered external id $external_id"

echo "2. The third party closes it (POST $gateway_url/sync-back as $client)"
request POST "$gateway_url/sync-back" \
  "{\"external_id\": \"$external_id\", \"changes\": {\"state\": \"closed\", \"annotations\": [{\"author\": \"$client\", \"text\": \"closed in the service desk\"}]}}" \
  --user "$client:$password"
echo "   HTTP $status $answer"
[[ "$status" == "202" ]] || { echo "The gateway did not accept the change." >&2; exit 1; }

echo "3. Waiting for egress to synchronize it back to OMi (GET $omi_url/sim/events)"
for _ in $(seq 1 "$wait_seconds"); do
  request GET "$omi_url/sim/events"
  line="$(tr '}' '\n' <<<"$answer" | grep "\"$omi_id\"" || true)"
  if grep -q '"state" *: *"closed"' <<<"$line"; then
    echo "   OMi now has: $line}"
    echo "The loop is closed: OMi -> gateway -> Kafka -> third party -> gateway -> Kafka -> egress -> OMi."
    exit 0
  fi
  sleep 1
done
echo "OMi did not get the change within ${wait_seconds}s; see egress's log and egress.dlq." >&2
exit 1
