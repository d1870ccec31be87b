#!/bin/sh
# The kiosk's systemd unit (docs/kiosk/alternance-kiosk.service) under a real
# systemd, on a machine whose PID 1 is not systemd (a container): a fresh
# Debian 12 made with debootstrap, its systemd booted as PID 1 of new PID and
# mount namespaces, with its own /dev (no device of the host: tty1 is a
# pseudo-terminal there, read by kiosk_tty1.py), the app installed as
# docs/kiosk.md says, the unit enabled, then killed by every signal, sent an
# invalid byte, and left with the staff code. Prints one line per way out:
# the way, the old and new main PID, seconds until the new welcome screen.
#
# Run as root from the repository: sh tests/manual/kiosk_systemd.sh [ROOT]
# (ROOT: a folder for the Debian root, default /tmp/kiosk-debian; about 400 MB,
# kept for the next run). Needs debootstrap and the Debian and PyPI registries.
set -eu
ROOT=${1:-/tmp/kiosk-debian}
HERE=$(cd "$(dirname "$0")" && pwd)
REPO=$(cd "$HERE/../.." && pwd)
if [ ! -x "$ROOT/lib/systemd/systemd" ]; then
    debootstrap --variant=minbase \
        --include=systemd,systemd-sysv,dbus,python3,python3-venv,procps \
        bookworm "$ROOT" http://deb.debian.org/debian
fi
# The project, as a person would copy it onto the machine.
rm -rf "$ROOT/root/alternance-tui" && mkdir -p "$ROOT/root/alternance-tui"
(cd "$REPO" && git ls-files -co --exclude-standard | grep -v '^\.venv' | tar -cf - -T -) |
    tar -xf - -C "$ROOT/root/alternance-tui"
cp "$HERE/kiosk_tty1.py" "$ROOT/root/"
rm -f "$ROOT/root/tty1.log" "$ROOT/root/tty1.keys"
# A registry reached through a proxy with its own certificate: give pip the host's.
cp /etc/ssl/certs/ca-certificates.crt "$ROOT/root/host-ca.crt"

unshare --pid --fork --mount --uts --ipc --propagation private sh -c '
set -e
R='"$ROOT"'
mount --bind $R $R
mount -t proc proc $R/proc
mount -t sysfs sysfs $R/sys || true
mount -t cgroup2 cgroup2 $R/sys/fs/cgroup
mount -t tmpfs -o mode=755 tmpfs $R/dev
for n in "null 1 3" "zero 1 5" "full 1 7" "random 1 8" "urandom 1 9" "tty 5 0"; do
    set -- $n; mknod -m 666 $R/dev/$1 c $2 $3
done
mkdir $R/dev/pts $R/dev/shm
mount -t devpts -o newinstance,ptmxmode=666,mode=620 devpts $R/dev/pts
ln -s pts/ptmx $R/dev/ptmx
mount -t tmpfs tmpfs $R/run
mount -t tmpfs tmpfs $R/tmp
exec chroot $R /usr/bin/env -i container=other TERM=linux /lib/systemd/systemd --system
' >/dev/null 2>&1 </dev/null &
sleep 5
PID1=$(pgrep -f -n "^/lib/systemd/systemd --system$")
inside() {
    nsenter -t "$PID1" -m -p -r -w env -i \
        PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin HOME=/root "$@"
}
trap 'kill -KILL "$PID1" 2>/dev/null || true' EXIT
inside sh -c 'setsid python3 /root/kiosk_tty1.py </dev/null >/dev/null 2>&1 &'
# docs/kiosk.md, "Install", as root.
inside sh -ex -c '
python3 -m venv /opt/alternance
PIP_CERT=/root/host-ca.crt /opt/alternance/bin/pip install -q /root/alternance-tui
ln -sf /opt/alternance/bin/alternance /usr/local/bin/alternance
id kiosk 2>/dev/null || useradd --system --create-home --shell /usr/sbin/nologin kiosk
runuser -u kiosk -- alternance check
install -d -m 755 /etc/alternance
install -m 600 /dev/null /etc/alternance/kiosk.env
echo ALTERNANCE_KIOSK_PIN=2468 > /etc/alternance/kiosk.env
cp /root/alternance-tui/docs/kiosk/alternance-kiosk.service /etc/systemd/system/
systemctl daemon-reload
systemctl enable --now alternance-kiosk
'
python3 "$HERE/kiosk_systemd_trial.py" "$ROOT" "$PID1"
