#!/usr/bin/env bash
# Runs the aggregator benchmarks and prints Markdown table rows for
# docs/benchmarks/aggregator.md. Usage:
#   scripts/bench-aggregator.sh ingest sqlite|postgresql RECORDS
#   scripts/bench-aggregator.sh rapor RESPONSES
#   scripts/bench-aggregator.sh recovery sqlite|postgresql KIOSKS RECORDS_PER_KIOSK
set -euo pipefail
cd "$(dirname "$0")/.."
if [[ -z "${JAVA_HOME:-}" ]]; then
  for candidate in /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/java-21-openjdk-amd64; do
    if [[ -x "$candidate/bin/java" ]]; then
      export JAVA_HOME="$candidate"
      break
    fi
  done
fi
mvn -q -pl aggregator -am test-compile -DskipTests
classpath_file=aggregator/target/bench-classpath.txt
mvn -q -pl aggregator -am dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile="$PWD/$classpath_file" >/dev/null
classpath="aggregator/target/test-classes:aggregator/target/classes:kiosk-core/target/classes"
classpath="$classpath:$(cat "$classpath_file")"
exec "$JAVA_HOME/bin/java" -Xmx6g -Dlogback.configurationFile=aggregator/src/test/resources/logback-test.xml \
  -cp "$classpath" id.kypso.aggregator.bench.AggregatorBenchmark "$@"
