#!/usr/bin/env bash
# Measures the kiosk device code outside the unit tests: bytes sent per printed ticket and
# slip QR decoding rates over a damaged corpus. Prints Markdown for docs/benchmarks/.
#
# Usage: scripts/bench-devices.sh [slips-per-damage-kind] [folder-for-ticket-images]
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
per_kind="${1:-100}"
image_dir="${2:-}"

# Java 21 or newer: prefer JAVA_HOME, then the newest JDK under /usr/lib/jvm.
if [[ -z "${JAVA_HOME:-}" ]]; then
    for candidate in /usr/lib/jvm/*; do
        if [[ -x "$candidate/bin/java" ]] \
            && "$candidate/bin/java" -version 2>&1 | grep -qE 'version "(2[1-9]|[3-9][0-9])'; then
            JAVA_HOME="$candidate"
        fi
    done
fi
if [[ -z "${JAVA_HOME:-}" ]]; then
    echo "bench-devices: no JDK 21 or newer found; set JAVA_HOME" >&2
    exit 1
fi
export JAVA_HOME

classpath_file="$(mktemp)"
trap 'rm -f "$classpath_file"' EXIT

cd "$root"
mvn -q -pl kiosk-app -am test-compile dependency:build-classpath \
    -Dmdep.includeScope=test -Dmdep.outputFile="$classpath_file"
classpath="kiosk-app/target/test-classes:kiosk-app/target/classes"
classpath="$classpath:kiosk-core/target/classes:$(cat "$classpath_file")"

java=("$JAVA_HOME/bin/java" -Djava.awt.headless=true -Dlogback.configurationFile=/dev/null
    -cp "$classpath")

echo "## Bytes per ticket"
"${java[@]}" id.kypso.kiosk.printer.PrintingBytesBenchmark ${image_dir:+"$image_dir"}
echo
echo "## Slip decoding"
"${java[@]}" id.kypso.kiosk.scan.SlipDecodingBenchmark "$per_kind"
