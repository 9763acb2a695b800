#!/bin/bash
# The broker's configuration from the environment, as the compose file writes it: each KAFKA_X_Y=v
# becomes x.y=v (KAFKA_NODE_ID -> node.id, KAFKA_LOG_RETENTION_HOURS -> log.retention.hours). The log
# directory (KAFKA_LOG_DIRS, default /var/lib/kafka/data) is formatted on the first start, with
# KAFKA_CLUSTER_ID or a random id; then the broker runs in the foreground.
set -euo pipefail
conf=/opt/kafka/server.properties
: "${KAFKA_LOG_DIRS:=/var/lib/kafka/data}"
export KAFKA_LOG_DIRS
: >"$conf"
while IFS='=' read -r name value; do
  case $name in
    KAFKA_CLUSTER_ID|KAFKA_HEAP_OPTS) continue ;;
    KAFKA_*) key=${name#KAFKA_}; key=${key,,}; printf '%s=%s\n' "${key//_/.}" "$value" >>"$conf" ;;
  esac
done < <(env)
classpath='/opt/kafka/libs/*'
java=(java ${KAFKA_HEAP_OPTS:--Xmx512m} -Dorg.slf4j.simpleLogger.defaultLogLevel=info -Dorg.slf4j.simpleLogger.showDateTime=true -cp "$classpath")
mkdir -p "$KAFKA_LOG_DIRS"
if [ ! -f "$KAFKA_LOG_DIRS/meta.properties" ]; then
  id=${KAFKA_CLUSTER_ID:-$("${java[@]}" kafka.tools.StorageTool random-uuid)}
  "${java[@]}" kafka.tools.StorageTool format -t "$id" -c "$conf"
fi
exec "${java[@]}" kafka.Kafka "$conf"
