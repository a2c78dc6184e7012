#!/bin/bash
# Builds the two KYPSO Debian packages from the Maven build output.
#   kypso-kiosk_VERSION_ARCH.deb       kiosk app, agent and provisioning command, with a Java
#                                      runtime made by jlink, systemd units and udev rules
#   kypso-aggregator_VERSION_ARCH.deb  aggregator, with the same runtime and a systemd unit
# VERSION comes from the pom version (as stamped in the jar names); ARCH from the JDK.
#
# Usage: packaging/build-deb.sh [--jdk DIR] [--out DIR]
#   --jdk DIR   JDK whose jlink makes the runtime (default: $JAVA_HOME, else
#               /usr/lib/jvm/temurin-25-jdk-amd64); its architecture is the package's
#   --out DIR   where the .deb files go (default: packaging/target)
#
# Run "mvn -DskipTests package" first: every runnable module needs target/*.jar and
# target/lib/. Needs jlink (in the JDK), dpkg-deb and fakeroot.
set -euo pipefail

root=$(cd "$(dirname "$(readlink -f "$0")")/.." && pwd)
jdk=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
out=$root/packaging/target

while [ $# -gt 0 ]; do
    case $1 in
        --jdk) jdk=${2:?--jdk needs a folder}; shift 2 ;;
        --out) out=${2:?--out needs a folder}; shift 2 ;;
        -h|--help) sed -n '2,16p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) echo "build-deb: unknown option $1; see --help" >&2; exit 2 ;;
    esac
done

fail() {
    echo "build-deb: $1" >&2
    echo "build-deb: what to do: $2" >&2
    exit 1
}

# The modules the runtime holds: what the jars use (jdeps cannot see all of it through the
# class path), plus Indonesian locale data for dates on slips and screens.
runtime_modules=java.base,java.desktop,java.instrument,java.logging,java.management
runtime_modules+=,java.naming,java.net.http,java.prefs,java.scripting,java.security.jgss
runtime_modules+=,java.sql,java.xml,jdk.crypto.ec,jdk.httpserver,jdk.localedata
runtime_modules+=,jdk.management,jdk.unsupported,jdk.zipfs,jdk.charsets

for tool in dpkg-deb fakeroot; do
    command -v "$tool" >/dev/null || fail "$tool is not installed" "apt-get install $tool"
done
[ -x "$jdk/bin/jlink" ] || fail "no jlink in $jdk" "pass --jdk with a JDK 21 or newer"

# Finds the runnable jar of a module: target/<module>-<version>.jar, not tests or sources.
module_jar() {
    local module=$1 jar
    for jar in "$root/$module/target/$module"-*.jar; do
        case $jar in
            *-tests.jar|*-sources.jar|*-javadoc.jar) continue ;;
        esac
        if [ -f "$jar" ] && [ -d "$root/$module/target/lib" ]; then
            echo "$jar"
            return 0
        fi
    done
    fail "$module/target has no runnable jar and lib/ folder" \
        "run 'mvn -DskipTests package' in $root first"
}

provisioning_jar=$(module_jar provisioning)
version=$(basename "$provisioning_jar" .jar)
version=${version#provisioning-}
# Debian sorts '~' before anything, so 0.1.0~SNAPSHOT comes before the 0.1.0 release.
deb_version=${version//-/\~}

case $(sed -n 's/^OS_ARCH="\(.*\)"/\1/p' "$jdk/release") in
    x86_64|amd64) arch=amd64 ;;
    aarch64|arm64) arch=arm64 ;;
    *) fail "cannot tell the architecture of $jdk" "pass --jdk with an amd64 or arm64 JDK" ;;
esac

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$out"

echo "build-deb: jlink runtime ($arch) from $jdk"
"$jdk/bin/jlink" --add-modules "$runtime_modules" --include-locales=en,id \
    --strip-debug --no-header-files --no-man-pages --compress=zip-6 \
    --output "$work/runtime"

# Copies a module's jar (as <name>.jar) and its lib/ into $1/<name>.
install_module() {
    local destination=$1 module=$2 jar
    jar=$(module_jar "$module")
    mkdir -p "$destination/$module"
    cp "$jar" "$destination/$module/$module.jar"
    cp -r "$root/$module/target/lib" "$destination/$module/lib"
}

# Writes DEBIAN/control; $4 is the Depends line.
write_control() {
    local tree=$1 package=$2 description=$3 depends=$4 size
    size=$(du -sk --exclude=DEBIAN "$tree" | cut -f1)
    cat >"$tree/DEBIAN/control" <<CONTROL
Package: $package
Version: $deb_version
Architecture: $arch
Maintainer: KYPSO project <kypso@localhost>
Installed-Size: $size
Depends: $depends
Section: misc
Priority: optional
Description: $description
CONTROL
}

build_kiosk() {
    local tree=$work/kiosk opt
    opt=$tree/opt/kypso
    mkdir -p "$tree/DEBIAN" "$opt/bin" "$tree/usr/bin"
    cp -r "$work/runtime" "$opt/runtime"
    # The launchers expect each module in a folder named after it (the app in app/), with
    # its jar named without the version.
    install_module "$opt" kiosk-agent
    install_module "$opt" provisioning
    local app_jar
    app_jar=$(module_jar kiosk-app)
    mkdir -p "$opt/app"
    cp "$app_jar" "$opt/app/kiosk-app.jar"
    cp -r "$root/kiosk-app/target/lib" "$opt/app/lib"
    install -m 0755 "$root/packaging/bin/kypso-kiosk" "$root/packaging/bin/kypso-agent" \
        "$root/packaging/bin/kypso-provisioning" "$opt/bin/"
    ln -s /opt/kypso/bin/kypso-provisioning "$tree/usr/bin/kypso-provisioning"
    echo "$version" >"$opt/VERSION"

    install -D -m 0644 "$root/scripts/os/systemd/kypso-kiosk.service" \
        "$tree/usr/lib/systemd/system/kypso-kiosk.service"
    install -D -m 0644 "$root/scripts/os/systemd/kypso-agent.service" \
        "$tree/usr/lib/systemd/system/kypso-agent.service"
    install -D -m 0644 "$root/scripts/os/udev/70-kypso.rules" \
        "$tree/usr/lib/udev/rules.d/70-kypso.rules"
    install -D -m 0644 "$root/scripts/os/sysusers/kypso.conf" \
        "$tree/usr/lib/sysusers.d/kypso.conf"
    install -D -m 0644 "$root/scripts/os/tmpfiles/kypso.conf" \
        "$tree/usr/lib/tmpfiles.d/kypso.conf"
    install -D -m 0644 "$root/scripts/os/default/kypso" "$tree/etc/default/kypso"
    install_docs "$tree/usr/share/doc/kypso-kiosk"

    install -m 0755 "$root/packaging/debian/kiosk/postinst" "$root/packaging/debian/kiosk/prerm" \
        "$root/packaging/debian/kiosk/postrm" "$tree/DEBIAN/"
    echo /etc/default/kypso >"$tree/DEBIAN/conffiles"
    write_control "$tree" kypso-kiosk \
        "KYPSO kiosk: citizen survey app, sync agent and provisioning tools" \
        "cage, xwayland, libgtk-3-0t64 | libgtk-3-0, fontconfig, fonts-dejavu-core, systemd, udev, util-linux"
    package "$tree" kypso-kiosk
}

build_aggregator() {
    local tree=$work/aggregator opt
    opt=$tree/opt/kypso-aggregator
    mkdir -p "$tree/DEBIAN" "$opt/bin"
    cp -r "$work/runtime" "$opt/runtime"
    install_module "$opt" aggregator
    install -m 0755 "$root/packaging/bin/kypso-aggregator" "$opt/bin/"
    echo "$version" >"$opt/VERSION"
    install -D -m 0644 "$root/packaging/systemd/kypso-aggregator.service" \
        "$tree/usr/lib/systemd/system/kypso-aggregator.service"
    install -D -m 0644 "$root/packaging/debian/aggregator/kypso-aggregator.sysusers" \
        "$tree/usr/lib/sysusers.d/kypso-aggregator.conf"
    install -D -m 0644 "$root/packaging/debian/aggregator/kypso-aggregator.tmpfiles" \
        "$tree/usr/lib/tmpfiles.d/kypso-aggregator.conf"
    install -D -m 0640 "$root/packaging/default/kypso-aggregator" \
        "$tree/etc/default/kypso-aggregator"
    install_docs "$tree/usr/share/doc/kypso-aggregator"
    install -m 0755 "$root/packaging/debian/aggregator/postinst" \
        "$root/packaging/debian/aggregator/prerm" "$root/packaging/debian/aggregator/postrm" \
        "$tree/DEBIAN/"
    echo /etc/default/kypso-aggregator >"$tree/DEBIAN/conffiles"
    write_control "$tree" kypso-aggregator \
        "KYPSO aggregator: sync API, rapor-el and public pages" "systemd"
    package "$tree" kypso-aggregator
}

install_docs() {
    local folder=$1 guide
    mkdir -p "$folder"
    for guide in "$root"/docs/operator-guide.*.md; do
        if [ -f "$guide" ]; then
            install -m 0644 "$guide" "$folder/"
        fi
    done
}

package() {
    local tree=$1 name=$2 file
    file=$out/${name}_${deb_version}_${arch}.deb
    # fakeroot records root as the owner of every file, whichever user runs the build.
    fakeroot dpkg-deb --build -Zgzip -z6 "$tree" "$file" >/dev/null
    echo "build-deb: $file"
}

build_kiosk
build_aggregator
