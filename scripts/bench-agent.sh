#!/usr/bin/env bash
# Measures the kiosk agent as a whole process: backlog drain rate into a real aggregator on
# loopback, and the agent's VmRSS (from /proc/PID/status) while draining and idle.
#
# Usage: scripts/bench-agent.sh [records] [batch-size] [max-heap] [agent JVM option...]
#   defaults: 20000 records, batch size 200, -Xmx64m, -XX:+UseSerialGC
# Results go to standard output; copy them to docs/benchmarks/agent.md with the machine used.
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"

# The project targets Java 21; use a JDK 21 or newer from /usr/lib/jvm when java is older.
if [[ -z "${JAVA_HOME:-}" ]]; then
    for candidate in /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/*; do
        if [[ -x "$candidate/bin/javac" ]] \
            && "$candidate/bin/java" -version 2>&1 | grep -qE 'version "(2[1-9]|[3-9][0-9])'; then
            export JAVA_HOME="$candidate"
            break
        fi
    done
fi
java="${JAVA_HOME:?no JDK 21 or newer found; set JAVA_HOME}/bin/java"

classpath_file="$(mktemp)"
trap 'rm -f "$classpath_file"' EXIT
mvn -q -pl kiosk-agent -am test-compile dependency:build-classpath \
    -Dmdep.includeScope=test -Dmdep.outputFile="$classpath_file" >/dev/null

classpath="kiosk-agent/target/test-classes:kiosk-agent/target/classes:$(cat "$classpath_file")"
echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%d MiB", $2/1024}' /proc/meminfo)," \
    "load average $(cut -d' ' -f1-3 /proc/loadavg), $("$java" -version 2>&1 | head -1)"
exec "$java" --enable-native-access=ALL-UNNAMED -cp "$classpath" \
    id.kypso.agent.bench.AgentBenchmark "$@"
