#!/usr/bin/env bash
# Benchmarks the kiosk app's citizen mode headless: time from a scan to the first question
# drawn (median and p95), and heap and RSS after every 100 of 1,000 scripted sessions.
# Usage: scripts/bench-kiosk-app.sh [SESSIONS] [SAMPLE_INTERVAL]
# Extra JVM options go in BENCH_JAVA_OPTS, such as -XX:SoftRefLRUPolicyMSPerMB=0 to see the
# heap without JavaFX's soft-referenced caches.
set -euo pipefail

cd "$(dirname "$0")/.."
sessions="${1:-1000}"
interval="${2:-100}"

# Find a JDK 21 or newer when the default java is older.
if [[ -z "${JAVA_HOME:-}" ]]; then
    for candidate in /usr/lib/jvm/*; do
        if [[ -x "$candidate/bin/java" ]]; then
            version="$("$candidate/bin/java" -version 2>&1 | sed -n 's/.*version "\([0-9]*\).*/\1/p')"
            if [[ "${version:-0}" -ge 21 ]]; then
                export JAVA_HOME="$candidate"
            fi
        fi
    done
fi
: "${JAVA_HOME:?no JDK 21 or newer found under /usr/lib/jvm; set JAVA_HOME}"

mvn -q -pl kiosk-app -am test-compile
classpath_file="$(mktemp)"
trap 'rm -f "$classpath_file"' EXIT
mvn -q -pl kiosk-app dependency:build-classpath -Dmdep.outputFile="$classpath_file" \
    -Dmdep.includeScope=test
classpath="kiosk-app/target/test-classes:kiosk-app/target/classes:kiosk-core/target/classes"
classpath="$classpath:$(cat "$classpath_file")"

echo "java: $("$JAVA_HOME/bin/java" -version 2>&1 | head -1)"
echo "cpu: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
# shellcheck disable=SC2086 # BENCH_JAVA_OPTS holds several options
"$JAVA_HOME/bin/java" -Xmx512m ${BENCH_JAVA_OPTS:-} -Dprism.order=sw -Dglass.platform=Monocle \
    -Dmonocle.platform=Headless -Dheadless.geometry=1920x1080-32 -Djava.awt.headless=true \
    -Dlogback.configurationFile=kiosk-app/src/test/resources/logback-test.xml \
    --enable-native-access=ALL-UNNAMED \
    -cp "$classpath" id.kypso.kiosk.ui.KioskBenchmark "$sessions" "$interval"
