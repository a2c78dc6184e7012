#!/usr/bin/env bash
# Sourced by the other scripts: sets JAVA_HOME to a JDK of version 21 or newer, because the
# build targets Java 21 while Debian 12's default java is 17.

java_major() {
    "$1/bin/java" -XshowSettings:properties -version 2>&1 \
        | sed -n 's/^ *java.specification.version = \([0-9]*\).*/\1/p'
}

find_jdk() {
    local candidate
    if [[ -n "${JAVA_HOME:-}" && -x "$JAVA_HOME/bin/javac" ]] \
            && (( $(java_major "$JAVA_HOME") >= 21 )); then
        echo "$JAVA_HOME"
        return 0
    fi
    for candidate in /usr/lib/jvm/*; do
        if [[ -x "$candidate/bin/javac" ]] && (( $(java_major "$candidate") >= 21 )); then
            echo "$candidate"
            return 0
        fi
    done
    return 1
}

if ! JAVA_HOME="$(find_jdk)"; then
    echo "No JDK 21 or newer found in JAVA_HOME or under /usr/lib/jvm." >&2
    echo "Install one (for example the temurin-21-jdk or openjdk-21-jdk package) and retry." >&2
    exit 1
fi
export JAVA_HOME
export PATH="$JAVA_HOME/bin:$PATH"
