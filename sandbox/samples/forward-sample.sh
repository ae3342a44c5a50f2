#!/usr/bin/env bash
# Forwards the samples to a running sandbox the way OMi does (one XML event, a change to it, a JSON
# bulk), prints the gateway's answers, then shows what landed on the topic.
# Needs only curl and a JDK. Every address and credential can be overridden from the environment:
#   OPR_BASE_URL (default http://localhost:${GATEWAY_PORT:-8080}/opr)
#   OMI_CONNECTED_SERVER_NAME / OMI_CONNECTED_SERVER_PASSWORD (default omi / omi-sandbox)
#   KAFKA_BOOTSTRAP_SERVERS (default localhost:${KAFKA_PORT:-9092}), TOPIC (default opr.events)
#   SANDBOX_JAR (default sandbox/target/eventsync-sandbox.jar)
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
base_url="${OPR_BASE_URL:-http://localhost:${GATEWAY_PORT:-8080}/opr}"
user="${OMI_CONNECTED_SERVER_NAME:-omi}"
password="${OMI_CONNECTED_SERVER_PASSWORD:-omi-sandbox}"
bootstrap="${KAFKA_BOOTSTRAP_SERVERS:-localhost:${KAFKA_PORT:-9092}}"
topic="${TOPIC:-opr.events}"
jar="${SANDBOX_JAR:-$here/../target/eventsync-sandbox.jar}"

answer=""

# post PATH CONTENT-TYPE FILE: prints the status and the body, stops the script on anything but 200.
post() {
  local path="$1" type="$2" file="$3" out status
  echo "POST $base_url$path  <- $(basename "$file")"
  out="$(curl --silent --show-error --max-time 30 --user "$user:$password" \
    --header "Content-Type: $type" --data-binary "@$file" \
    --write-out '\n%{http_code}' "$base_url$path")"
  status="${out##*$'\n'}"
  answer="${out%$'\n'*}"
  echo "HTTP $status"
  echo "$answer"
  echo
  if [[ "$status" != "200" ]]; then
    echo "The gateway did not accept $(basename "$file"); is the sandbox running at $base_url?" >&2
    exit 1
  fi
}

post /event application/xml "$here/event.xml"
# The answer carries the id eventsync gave the event; OMi sends its changes to that id.
external_id="$(grep -o '<id>[^<]*</id>' <<<"$answer" | head -n 1 | sed -e 's/<id>//' -e 's/<\/id>//')"
post "/event_change/$external_id" application/xml "$here/event_change.xml"
post /event application/json "$here/event_list.json"

if [[ ! -f "$jar" ]]; then
  echo "No $jar to read the topic with; build it: mvn -pl sandbox -am package -DskipTests" >&2
  exit 1
fi
echo "Records on $topic at $bootstrap:"
java -cp "$jar" -Dloader.main=io.eventsync.sandbox.TopicTail \
  org.springframework.boot.loader.launch.PropertiesLauncher "$topic" "$bootstrap"
