#!/bin/bash
# Prepares a Debian 12/13 or Raspberry Pi OS machine as a KYPSO kiosk. It installs the
# packages the kiosk session needs (cage, Xwayland, GTK for JavaFX, fonts, time sync) and the
# kypso-kiosk package with its kiosk user, data folder, udev rules and systemd units. The
# machine then boots into the kiosk session, with no login prompts on other terminals.
#
# Usage: sudo scripts/os/setup-kiosk.sh --deb kypso-kiosk_VERSION_ARCH.deb [--dry-run]
#
# The kiosk still needs its identity afterwards (see the operator guide):
#   kypso-provisioning kiosk create --data-dir /var/lib/kypso --kiosk 3273-01-K01 ...
# The app and agent start once /var/lib/kypso/kiosk.key exists.
set -euo pipefail

here=$(dirname "$(readlink -f "$0")")
deb=""
dry_run=0

usage() {
    sed -n '2,12p' "$0" | sed 's/^# \{0,1\}//'
}

while [ $# -gt 0 ]; do
    case $1 in
        --deb) deb=${2:?--deb needs a file}; shift 2 ;;
        --dry-run) dry_run=1; shift ;;
        -h|--help) usage; exit 0 ;;
        *) echo "setup-kiosk: unknown option $1; see --help" >&2; exit 2 ;;
    esac
done

# Runs a command, or only prints it with --dry-run.
run() {
    if [ "$dry_run" = 1 ]; then
        echo "+ $*"
    else
        "$@"
    fi
}

fail() {
    echo "setup-kiosk: $1" >&2
    echo "setup-kiosk: what to do: $2" >&2
    exit 1
}

if [ -z "$deb" ]; then
    fail "no package given" "pass --deb with the kypso-kiosk .deb built by packaging/build-deb.sh"
fi
if [ "$dry_run" = 0 ] && [ ! -r "$deb" ]; then
    fail "package $deb cannot be read" "check the path of the .deb file"
fi
if [ "$dry_run" = 0 ] && [ "$(id -u)" -ne 0 ]; then
    fail "this script changes the system and must run as root" "run it with sudo"
fi

# Which system this is decides a few package names.
os_id=unknown
os_version=unknown
if [ -r /etc/os-release ]; then
    # shellcheck source=/dev/null
    . /etc/os-release
    os_id=${ID:-unknown}
    os_version=${VERSION_ID:-unknown}
fi
case "$os_id:$os_version" in
    debian:12|raspbian:12|debian:13|raspbian:13) ;;
    *)
        if [ "$dry_run" = 0 ]; then
            fail "$os_id $os_version is not Debian 12/13 or Raspberry Pi OS 12/13" \
                "install one of those, or continue by hand with the steps in this script"
        fi
        ;;
esac
is_raspberry_pi=0
if grep -qs "Raspberry Pi" /proc/device-tree/model; then
    is_raspberry_pi=1
fi
echo "setup-kiosk: $os_id $os_version, Raspberry Pi: $is_raspberry_pi"

# Debian 13 renamed the GTK 3 library package in the 64-bit time_t transition.
gtk=libgtk-3-0
if [ "$os_version" = 13 ]; then
    gtk=libgtk-3-0t64
fi

echo "setup-kiosk: installing the kiosk session packages"
run apt-get update
run env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
    cage xwayland "$gtk" fontconfig fonts-dejavu-core systemd-timesyncd udev

echo "setup-kiosk: installing $deb"
run env DEBIAN_FRONTEND=noninteractive apt-get install -y "$(readlink -f "$deb")"

echo "setup-kiosk: no login prompts on other virtual terminals, power key ignored"
run install -D -m 0644 "$here/logind/kypso-kiosk.conf" \
    /etc/systemd/logind.conf.d/kypso-kiosk.conf

echo "setup-kiosk: clock synchronisation on (signed requests fail beyond 5 minutes of skew)"
run timedatectl set-ntp true

echo "setup-kiosk: boot into the kiosk session"
run systemctl set-default graphical.target
run systemctl disable getty@tty1.service
run systemctl enable kypso-agent.service kypso-kiosk.service

if [ "$is_raspberry_pi" = 1 ]; then
    echo "setup-kiosk: Raspberry Pi: the kiosk user may use GPIO"
    run usermod -aG gpio kypso
fi

cat <<'NEXT'
setup-kiosk: done. Next steps (operator guide, "Enroll a kiosk"):
  sudo kypso-provisioning kiosk create --data-dir /var/lib/kypso --kiosk 3273-01-K01 --aggregator URL
  sudo kypso-provisioning kiosk enroll --data-dir /var/lib/kypso --scan stdin
  sudo kypso-provisioning pin set --data-dir /var/lib/kypso
  sudo kypso-provisioning selftest --data-dir /var/lib/kypso --printer file:/dev/kypso-printer
  sudo reboot
NEXT
