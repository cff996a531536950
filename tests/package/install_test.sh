#!/usr/bin/env bash
# The Debian package, installed as a commune's IT person would: into a clean Debian 12 root
# (mmdebstrap, then chroot), with apt resolving the dependencies the package declares.
# Then it checks the files, the kiosk user, the units (systemd-analyze verify and security),
# the secrets' permissions, and that `kiosk content check` and `kiosk screenshot` work from
# the installed paths. lintian runs on the package too.
#
#   tests/package/install_test.sh BUILD_DIR     (as root; `.ci/setup test` runs it)
#
# The clean root is made once and kept as a tarball in $KIOSK_PACKAGE_TEST_CACHE
# (/var/cache/kiosk-mot-cua-ci), renewed after 30 days (--format=tar: mmdebstrap would guess
# a directory from the ".new" suffix); downloaded packages are kept there
# too. Without root, mmdebstrap or the network it says why and skips (exit 0).
set -euo pipefail

build_dir="$(cd "${1:?usage: install_test.sh BUILD_DIR}" && pwd)"
source_dir="$(cd "$(dirname "$0")/../.." && pwd)"
cache="${KIOSK_PACKAGE_TEST_CACHE:-/var/cache/kiosk-mot-cua-ci}"
root_tarball="$cache/bookworm-root.tar"

skip() {
    echo "package test: SKIPPED: $*"
    exit 0
}
passed=0
failed=0
check() {  # check "what" command...
    local what="$1"
    shift
    if "$@" >/tmp/kiosk-package-check.log 2>&1; then
        passed=$((passed + 1))
        echo "  ok: $what"
    else
        failed=$((failed + 1))
        echo "  FAILED: $what"
        sed 's/^/      /' /tmp/kiosk-package-check.log | tail -20
    fi
}

[ "$(id -u)" -eq 0 ] || skip "needs root (chroot and mounts)"
for tool in mmdebstrap lintian chroot mount dpkg-deb; do
    command -v "$tool" >/dev/null || skip "$tool is missing (apt-get install mmdebstrap lintian, or run .ci/setup test)"
done

deb="$(ls "$build_dir"/kiosk-mot-cua_*_"$(dpkg --print-architecture)".deb 2>/dev/null | head -1 || true)"
[ -n "$deb" ] || { echo "package test: no kiosk-mot-cua_*.deb in $build_dir (run .ci/setup deb)"; exit 1; }
echo "package test: $deb"

# ---- the clean Debian 12 root, cached ----------------------------------------------------
mkdir -p "$cache/archives/partial"
if [ -z "$(find "$root_tarball" -mtime -30 2>/dev/null)" ]; then
    echo "package test: making a clean Debian 12 root (once; kept in $root_tarball)"
    if ! mmdebstrap --quiet --variant=apt --format=tar bookworm "$root_tarball.new" >"$cache/mmdebstrap.log" 2>&1; then
        tail -5 "$cache/mmdebstrap.log"
        rm -rf "$root_tarball.new"
        skip "mmdebstrap could not make a Debian 12 root (no network to the Debian archive?)"
    fi
    mv "$root_tarball.new" "$root_tarball"
fi

work="$(mktemp -d "$build_dir/package-root.XXXXXX")"
root="$work/root"
mounted=()
cleanup() {
    for ((index = ${#mounted[@]} - 1; index >= 0; index--)); do umount -l "${mounted[$index]}" 2>/dev/null || true; done
    rm -rf "$work"
}
trap cleanup EXIT
mkdir "$root"
tar -xf "$root_tarball" -C "$root"
for point in proc dev sys; do
    case "$point" in
        proc) mount -t proc proc "$root/proc" ;;
        dev) mount --rbind /dev "$root/dev" ;;
        sys) mount --rbind /sys "$root/sys" ;;
    esac
    mounted+=("$root/$point")
done
mount --bind "$cache/archives" "$root/var/cache/apt/archives"
mounted+=("$root/var/cache/apt/archives")
cp /etc/resolv.conf "$root/etc/resolv.conf" 2>/dev/null || true
cp "$deb" "$root/tmp/"
in_root() { chroot "$root" env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin LANG=C.UTF-8 "$@"; }

# ---- install, as `apt install ./kiosk-mot-cua_*.deb` -----------------------------------
echo "package test: installing into the clean root"
if ! in_root apt-get update -qq >"$work/apt.log" 2>&1; then
    tail -5 "$work/apt.log"
    skip "apt-get update failed in the clean root (no network to the Debian archive?)"
fi
if ! in_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
        "/tmp/$(basename "$deb")" >>"$work/apt.log" 2>&1; then
    tail -30 "$work/apt.log"
    echo "package test: FAILED: apt could not install the package into a clean Debian 12 root"
    exit 1
fi

# ---- what was installed -------------------------------------------------------------
echo "package test: checks"
for file in /usr/bin/kiosk /usr/bin/kiosk-server; do
    check "$file is an executable" test -x "$root$file"
done
for file in /usr/share/kiosk-mot-cua/content/manifest.json /usr/share/kiosk-mot-cua/content/procedures.jsonl \
        /usr/share/kiosk-mot-cua/fonts/fonts.json /etc/kiosk-mot-cua/kiosk.json \
        /lib/systemd/system/kiosk.service /lib/systemd/system/kiosk-server.service \
        /usr/lib/sysusers.d/kiosk-mot-cua.conf /usr/lib/systemd/journald.conf.d/kiosk-mot-cua.conf \
        /usr/share/doc/kiosk-mot-cua/copyright; do
    check "$file is there" test -s "$root$file"
done
check "the configuration is a conffile" grep -qx /etc/kiosk-mot-cua/kiosk.json "$root/var/lib/dpkg/info/kiosk-mot-cua.conffiles"
check "the kiosk user exists, without login, at home in the state directory" \
    bash -c "in_root() { chroot '$root' \"\$@\"; }; in_root getent passwd kiosk | grep -q ':/var/lib/kiosk-mot-cua:/usr/sbin/nologin\$'"
check "the kiosk user is a system user with its own group" \
    bash -c "uid=\$(chroot '$root' id -u kiosk); [ \"\$uid\" -lt 1000 ] && chroot '$root' getent group kiosk"
check "every device group kiosk.service joins exists" chroot "$root" getent group video input render

# ---- the units --------------------------------------------------------------------
check "systemd-analyze verify finds nothing to say about the units" \
    bash -c "out=\$(chroot '$root' systemd-analyze verify /lib/systemd/system/kiosk.service /lib/systemd/system/kiosk-server.service 2>&1); echo \"\$out\"; [ -z \"\$out\" ]"
exposure() {  # the overall exposure level systemd-analyze gives a unit, times ten
    chroot "$root" systemd-analyze security --offline=true "/lib/systemd/system/$1" 2>/dev/null |
        sed -n 's/.*Overall exposure level for [^:]*: \([0-9]*\)\.\([0-9]\).*/\1\2/p'
}
kiosk_exposure="$(exposure kiosk.service)"
server_exposure="$(exposure kiosk-server.service)"
echo "  systemd-analyze security: kiosk.service ${kiosk_exposure:0:-1}.${kiosk_exposure: -1}," \
     "kiosk-server.service ${server_exposure:0:-1}.${server_exposure: -1}"
check "kiosk.service is rated at most 5.0" test "${kiosk_exposure:-999}" -le 50
check "kiosk-server.service is rated lower than kiosk.service" test "${server_exposure:-999}" -lt "${kiosk_exposure:-0}"

# ---- the kiosk from the installed paths, as its user ---------------------------------
install -d -o "$(chroot "$root" id -u kiosk)" -g "$(chroot "$root" id -g kiosk)" -m 0750 "$root/var/lib/kiosk-mot-cua"
as_kiosk() {
    chroot --userspec=kiosk:kiosk "$root" env -i PATH=/usr/bin:/bin LANG=C.UTF-8 HOME=/var/lib/kiosk-mot-cua \
        STATE_DIRECTORY=/var/lib/kiosk-mot-cua SDL_VIDEODRIVER=dummy SDL_AUDIODRIVER=dummy "$@"
}
check "kiosk content check reads the installed demo content" \
    bash -c "$(declare -f as_kiosk); root='$root'; as_kiosk kiosk --config /etc/kiosk-mot-cua/kiosk.json content check | tee /dev/stderr | grep -q '^Content /usr/share/kiosk-mot-cua/content: OK'"
check "kiosk screenshot renders with the installed content and fonts" \
    bash -c "$(declare -f as_kiosk); root='$root'; as_kiosk kiosk --config /etc/kiosk-mot-cua/kiosk.json screenshot --screen hotline --out /var/lib/kiosk-mot-cua/hotline.png"
"$build_dir/kiosk" screenshot --screen hotline --out "$work/hotline-build-tree.png" >/dev/null 2>&1 || true
check "the installed kiosk draws the same picture as the build tree's" \
    cmp "$root/var/lib/kiosk-mot-cua/hotline.png" "$work/hotline-build-tree.png"

# ---- secrets: readable by the kiosk's user, by no one else ------------------------------
printf '%s\n' 'tok-package-test' >"$root/etc/kiosk-mot-cua/server-token"
chroot "$root" chown root:kiosk /etc/kiosk-mot-cua/server-token
chmod 0640 "$root/etc/kiosk-mot-cua/server-token"
cat >"$root/etc/kiosk-mot-cua/with-token.json" <<'EOF'
{ "kiosk_id": "package-test", "server": { "url": "https://127.0.0.1:9", "token_file": "server-token" } }
EOF
check "the kiosk's user reads the 0640 root:kiosk token file" \
    bash -c "$(declare -f as_kiosk); root='$root'; as_kiosk kiosk --config /etc/kiosk-mot-cua/with-token.json votes status"
check "another user cannot, and is told which file" \
    bash -c "out=\$(chroot --userspec=nobody:nogroup '$root' env -i PATH=/usr/bin:/bin HOME=/tmp kiosk --config /etc/kiosk-mot-cua/with-token.json votes status 2>&1); echo \"\$out\"; echo \"\$out\" | grep -q 'cannot read /etc/kiosk-mot-cua/server-token'"

# ---- lintian ----------------------------------------------------------------------
check "lintian: no tag beyond the justified overrides (packaging/lintian-overrides)" \
    bash -c "lintian --fail-on error,warning,info '$deb' | tee /dev/stderr | { ! grep -q '^[EWI]:'; }"

# ---- remove and purge -------------------------------------------------------------
check "the package purges cleanly" \
    bash -c "chroot '$root' env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin DEBIAN_FRONTEND=noninteractive apt-get purge -y -qq kiosk-mot-cua && [ ! -e '$root/usr/bin/kiosk' ] && [ ! -e '$root/var/lib/kiosk-mot-cua' ] && [ ! -e '$root/etc/kiosk-mot-cua/server-token' ]"

echo "package: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
