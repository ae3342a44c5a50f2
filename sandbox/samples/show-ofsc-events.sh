#!/usr/bin/env bash
# Shows the first records ingest-ofsc produced from the sandbox's simulated OFSC instance: the event
# as OFSC served it, its entity key and the envelope headers. The stream never pauses, so it stops
# after a number of records rather than at the end of the topic.
# Needs only a JDK. Overridable from the environment:
#   KAFKA_BOOTSTRAP_SERVERS (default localhost:${KAFKA_PORT:-9092}), TOPIC (default ofsc.events),
#   COUNT (default 5), SANDBOX_JAR (default sandbox/target/eventsync-sandbox.jar)
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
bootstrap="${KAFKA_BOOTSTRAP_SERVERS:-localhost:${KAFKA_PORT:-9092}}"
topic="${TOPIC:-ofsc.events}"
count="${COUNT:-5}"
jar="${SANDBOX_JAR:-$here/../target/eventsync-sandbox.jar}"

if [[ ! -f "$jar" ]]; then
  echo "No $jar to read the topic with; build it: ./mvnw -B -q -DskipTests install" >&2
  exit 1
fi
echo "Records on $topic at $bootstrap:"
java -cp "$jar" -Dloader.main=io.eventsync.sandbox.TopicTail \
  org.springframework.boot.loader.launch.PropertiesLauncher "$topic" "$bootstrap" "$count"
