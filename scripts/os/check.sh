#!/bin/bash
# Checks the kiosk OS files and the packaging scripts without installing anything:
#   every shell script of scripts/os and packaging goes through shellcheck, and
#   the kiosk and aggregator units go through systemd-analyze verify, in a staged root that contains the
#   system's own units and stand-ins for the programs the units start.
# systemd-analyze reports unknown keys and bad values as warnings with exit code 0, so any
# output at all counts as a failure here.
#
# Usage: scripts/os/check.sh    (needs shellcheck and systemd-analyze, from systemd)
set -euo pipefail

root=$(cd "$(dirname "$(readlink -f "$0")")/../.." && pwd)
status=0

for tool in shellcheck systemd-analyze; do
    if ! command -v "$tool" >/dev/null; then
        echo "check: $tool is not installed; apt-get install ${tool/systemd-analyze/systemd}" >&2
        exit 1
    fi
done

scripts=(
    "$root"/scripts/os/*.sh
    "$root"/packaging/*.sh
    "$root"/packaging/bin/*
    "$root"/packaging/debian/kiosk/postinst "$root"/packaging/debian/kiosk/prerm
    "$root"/packaging/debian/kiosk/postrm
    "$root"/packaging/debian/aggregator/postinst "$root"/packaging/debian/aggregator/prerm
    "$root"/packaging/debian/aggregator/postrm
)
echo "check: shellcheck on ${#scripts[@]} scripts"
if ! shellcheck "${scripts[@]}"; then
    status=1
fi

units=(
    "$root"/scripts/os/systemd/kypso-agent.service
    "$root"/scripts/os/systemd/kypso-kiosk.service
    "$root"/packaging/systemd/kypso-aggregator.service
)
stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT
mkdir -p "$stage/usr/lib/systemd/system"
for system_units in /usr/lib/systemd/system /lib/systemd/system; do
    if [ -d "$system_units" ]; then
        cp -a "$system_units/." "$stage/usr/lib/systemd/system/"
        break
    fi
done
cp "${units[@]}" "$stage/usr/lib/systemd/system/"
# Stand-ins for the programs the units run, which only the packages install.
for program in /usr/bin/cage /opt/kypso/bin/kypso-agent /opt/kypso/bin/kypso-kiosk \
        /opt/kypso-aggregator/bin/kypso-aggregator; do
    mkdir -p "$stage$(dirname "$program")"
    printf '#!/bin/sh\n' >"$stage$program"
    chmod 755 "$stage$program"
done

echo "check: systemd-analyze verify on ${#units[@]} units"
staged=()
for unit in "${units[@]}"; do
    staged+=("$stage/usr/lib/systemd/system/$(basename "$unit")")
done
report=$(systemd-analyze verify --root="$stage" "${staged[@]}" 2>&1) || status=1
if [ -n "$report" ]; then
    echo "${report//$stage/}" >&2
    status=1
fi

if [ "$status" = 0 ]; then
    echo "check: all passed"
else
    echo "check: FAILED; fix what is listed above" >&2
fi
exit "$status"
