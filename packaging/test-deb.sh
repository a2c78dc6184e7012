#!/bin/bash
# Builds the .deb packages (unless --no-build) and checks them. dpkg-deb -I shows the control
# fields and dpkg-deb -c the file list with owners and modes. Then the packages are extracted
# to check that the bundled runtime runs the real work: the kiosk package's own provisioning
# launcher issues a slip, and the aggregator's launcher starts for --version.
#
# Usage: packaging/test-deb.sh [--no-build] [--out DIR]
# Run "mvn -DskipTests package" first. Takes about 1-2 minutes, most of it jlink and gzip.
set -euo pipefail

root=$(cd "$(dirname "$(readlink -f "$0")")/.." && pwd)
out=$root/packaging/target
build=1
while [ $# -gt 0 ]; do
    case $1 in
        --no-build) build=0; shift ;;
        --out) out=${2:?--out needs a folder}; shift 2 ;;
        *) echo "test-deb: unknown option $1" >&2; exit 2 ;;
    esac
done

failures=0
check() {
    local what=$1
    shift
    if "$@"; then
        echo "ok   $what"
    else
        echo "FAIL $what" >&2
        failures=$((failures + 1))
    fi
}

if [ "$build" = 1 ]; then
    "$root/packaging/build-deb.sh" --out "$out"
fi

jar=$(find "$root/provisioning/target" -maxdepth 1 -name 'provisioning-*.jar' \
    ! -name '*-tests.jar' | head -n 1)
version=$(basename "$jar" .jar)
version=${version#provisioning-}
deb_version=${version//-/\~}
kiosk=$(find "$out" -maxdepth 1 -name "kypso-kiosk_${deb_version}_*.deb" | head -n 1)
aggregator=$(find "$out" -maxdepth 1 -name "kypso-aggregator_${deb_version}_*.deb" | head -n 1)
if [ -z "$kiosk" ] || [ -z "$aggregator" ]; then
    echo "test-deb: no packages of version $deb_version in $out; run build-deb.sh" >&2
    exit 1
fi

field() {
    dpkg-deb -f "$1" "$2"
}

contains() {
    grep -qE "$2" <<<"$1"
}

lacks() {
    ! grep -qE "$2" <<<"$1"
}

echo "test-deb: $kiosk"
info=$(dpkg-deb -I "$kiosk")
check "kiosk package name" test "$(field "$kiosk" Package)" = kypso-kiosk
check "kiosk version is the pom version" test "$(field "$kiosk" Version)" = "$deb_version"
check "kiosk depends on cage" contains "$(field "$kiosk" Depends)" '(^|, )cage(,|$)'
check "kiosk depends on xwayland" contains "$(field "$kiosk" Depends)" 'xwayland'
check "kiosk has an executable postinst script" contains "$info" '\* +postinst '
check "kiosk has an executable prerm script" contains "$info" '\* +prerm '
check "kiosk /etc/default/kypso is a conffile" contains "$info" 'conffiles'

files=$(dpkg-deb -c "$kiosk")
for path in ./opt/kypso/runtime/bin/java ./opt/kypso/bin/kypso-kiosk \
        ./opt/kypso/bin/kypso-agent ./opt/kypso/bin/kypso-provisioning; do
    check "kiosk $path is executable" contains "$files" "^-rwxr-xr-x root/root .* ${path}\$"
done
for path in ./opt/kypso/app/kiosk-app.jar ./opt/kypso/kiosk-agent/kiosk-agent.jar \
        ./opt/kypso/provisioning/provisioning.jar ./opt/kypso/VERSION \
        ./usr/lib/systemd/system/kypso-kiosk.service \
        ./usr/lib/systemd/system/kypso-agent.service ./usr/lib/udev/rules.d/70-kypso.rules \
        ./usr/lib/sysusers.d/kypso.conf ./usr/lib/tmpfiles.d/kypso.conf ./etc/default/kypso; do
    check "kiosk contains $path" contains "$files" " ${path}\$"
done
check "kiosk provisioning on the PATH" contains "$files" \
    ' ./usr/bin/kypso-provisioning -> /opt/kypso/bin/kypso-provisioning$'
check "kiosk files all owned by root" lacks "$files" '^[^ ]+ [^r][^ ]*/|^[^ ]+ root/[^r]'
check "kiosk holds no keys, databases or test jars" lacks "$files" \
    '\.key$|kiosk\.db|-tests\.jar$|binding\.secret'

echo "test-deb: $aggregator"
check "aggregator version is the pom version" \
    test "$(field "$aggregator" Version)" = "$deb_version"
files=$(dpkg-deb -c "$aggregator")
for path in ./opt/kypso-aggregator/runtime/bin/java ./opt/kypso-aggregator/bin/kypso-aggregator; do
    check "aggregator $path is executable" contains "$files" \
        "^-rwxr-xr-x root/root .* ${path}\$"
done
for path in ./opt/kypso-aggregator/aggregator/aggregator.jar \
        ./usr/lib/systemd/system/kypso-aggregator.service ./etc/default/kypso-aggregator; do
    check "aggregator contains $path" contains "$files" " ${path}\$"
done

# The bundled runtime must be enough for the real work, not only for starting.
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
dpkg-deb -x "$kiosk" "$work/kiosk"
dpkg-deb -x "$aggregator" "$work/aggregator"
provisioning=$work/kiosk/opt/kypso/bin/kypso-provisioning
check "kiosk runtime has the locale data for Bahasa Indonesia" contains \
    "$("$work/kiosk/opt/kypso/runtime/bin/java" --list-modules)" '^jdk\.localedata@'
check "bundled provisioning prints the version" \
    contains "$(KYPSO_DATA_DIR=$work/none "$provisioning" --version)" "$version"
check "bundled provisioning creates an office" env KYPSO_DATA_DIR="$work/none" \
    "$provisioning" office create --office-dir "$work/office" --office 3273-01 \
    --name "Disdukcapil Kota Bandung"
check "bundled provisioning issues a slip PNG" env KYPSO_DATA_DIR="$work/none" \
    "$provisioning" slip issue --office-dir "$work/office" --nik 3273014506900001 \
    --registration 3273-20261204-0001 --officer PEREKAMAN=199001052015032002 \
    --out "$work/slip.png"
check "slip PNG written" test -s "$work/slip.png"
check "bundled kiosk app prints its help" env KYPSO_DATA_DIR="$work/none" \
    "$work/kiosk/opt/kypso/bin/kypso-kiosk" --help
check "bundled agent prints its help" env KYPSO_DATA_DIR="$work/none" \
    "$work/kiosk/opt/kypso/bin/kypso-agent" --help
check "bundled aggregator starts for --version" \
    "$work/aggregator/opt/kypso-aggregator/bin/kypso-aggregator" --version

if [ "$failures" -gt 0 ]; then
    echo "test-deb: $failures checks FAILED" >&2
    exit 1
fi
echo "test-deb: all checks passed"
