#!/usr/bin/env bash
# Prove the README's set-up on a stock Debian or Ubuntu: a minbase system of SUITE made with
# debootstrap, a clean clone of this repository's HEAD copied into it, and then, inside a chroot as
# root with only the system's PATH, exactly what a user does: `apt-get install make` (a stock system
# has no make), `make setup`, `make run`, and a small real subset of `make test`.
#
#   scripts/check-fresh-system.sh SUITE [DIR]     SUITE: trixie | noble | bookworm
#
# Needs root and debootstrap. DIR (default /var/tmp/polku-fresh-systems) keeps SUITE-base.tar.gz, the
# debootstrapped system as it was first made, so a second run only unpacks it; the system under test
# (DIR/SUITE-root) is made again from it on every run and left there for a look afterwards.
# MIRROR overrides debootstrap's default mirror for the suite. Every phase runs even after one failed,
# and the closing table gives each one's seconds and result; the exit code is 0 only when all passed.
set -euo pipefail

suite="${1:-}"
case "$suite" in
  trixie|bookworm) flavour=debian; components=main ;;
  noble) flavour=ubuntu; components=main,universe ;;
  *) echo "usage: $0 trixie|noble|bookworm [DIR]" >&2; exit 2 ;;
esac
[ "$(id -u)" -eq 0 ] || { echo "$0 must run as root (debootstrap, chroot, mount)" >&2; exit 2; }
command -v debootstrap >/dev/null || { echo "install debootstrap first: apt-get install debootstrap" >&2; exit 2; }

repo="$(cd "$(dirname "$0")/.." && pwd)"
dir="${2:-/var/tmp/polku-fresh-systems}"
base="$dir/$suite-base.tar.gz"
root="$dir/$suite-root"
mkdir -p "$dir"

started=$SECONDS
phase_start=$SECONDS

# Debootstrap 1.0.128 (Debian 12's) has no script for noble: every Ubuntu suite's script is gutsy's,
# so a copy of debootstrap's directory gets that link and debootstrap keeps its default mirror.
# Debian has no Ubuntu archive keyring package, so without /usr/share/keyrings/ubuntu-archive-keyring.gpg
# the Release file's signature cannot be checked (the packages' checksums still are, against it).
debootstrap_args() {
  local keyring=()
  if [ "$flavour" = ubuntu ] && [ ! -e /usr/share/keyrings/ubuntu-archive-keyring.gpg ]; then
    keyring=(--no-check-gpg)
  fi
  echo --variant=minbase --components="$components" "${keyring[@]}" "$suite" "$dir/$suite-base.tmp" ${MIRROR:-}
}

debootstrap_dir() {
  if [ -e "/usr/share/debootstrap/scripts/$suite" ]; then echo /usr/share/debootstrap; return; fi
  rm -rf "$dir/debootstrap" && cp -a /usr/share/debootstrap "$dir/debootstrap"
  ln -s gutsy "$dir/debootstrap/scripts/$suite"
  echo "$dir/debootstrap"
}

make_base() {
  rm -rf "$dir/$suite-base.tmp"
  # shellcheck disable=SC2046 - the arguments are words without spaces
  DEBOOTSTRAP_DIR="$(debootstrap_dir)" debootstrap $(debootstrap_args) >"$dir/$suite-debootstrap.log" 2>&1 \
    || { tail -30 "$dir/$suite-debootstrap.log" >&2; exit 1; }
  add_updates_and_security "$dir/$suite-base.tmp"
  rm -rf "$dir/$suite-base.tmp/var/cache/apt/archives/"*.deb
  tar -C "$dir/$suite-base.tmp" -czf "$base.part" . && mv "$base.part" "$base"
  rm -rf "$dir/$suite-base.tmp"
}

# A stock installation also reads SUITE-updates and SUITE-security; debootstrap writes only SUITE.
add_updates_and_security() {
  local list="$1/etc/apt/sources.list" mirror
  mirror="$(awk '/^deb /{print $2; exit}' "$list")"
  {
    echo "deb $mirror $suite ${components//,/ }"
    echo "deb $mirror $suite-updates ${components//,/ }"
    if [ "$flavour" = debian ]; then
      echo "deb $mirror-security $suite-security ${components//,/ }"
    else
      echo "deb $mirror $suite-security ${components//,/ }"
    fi
  } >"$list"
}

mounted=()
cleanup() {
  local status=$? i
  [ "$status" -eq 0 ] || [ -z "${current:-}" ] || echo "=== $suite: FAILED in phase '${current:-}' after $((SECONDS - phase_start))s" >&2
  for ((i = ${#mounted[@]} - 1; i >= 0; i--)); do
    umount "${mounted[i]}" 2>/dev/null || umount -l "${mounted[i]}" 2>/dev/null || true
  done
  mounted=()
}
trap cleanup EXIT INT TERM

mount_into_root() {
  mount -t proc proc "$root/proc" && mounted+=("$root/proc")
  mount -t sysfs sysfs "$root/sys" && mounted+=("$root/sys")
  mount --bind /dev "$root/dev" && mounted+=("$root/dev")
  mount --bind /dev/pts "$root/dev/pts" && mounted+=("$root/dev/pts")
  mkdir -p "$root/dev/shm"
}

# The host's DNS. And where the host's network inspects TLS with its own authority (certificates in
# /usr/local/share/ca-certificates and the variables that point pip and npm at the system's bundle),
# the same for the chroot: the ca-certificates package that `make setup` brings in adds them. A stock
# system on an open network needs neither; nothing else from the host goes in.
trusted=()
copy_network_settings() {
  cp -L /etc/resolv.conf "$root/etc/resolv.conf"
  compgen -G '/usr/local/share/ca-certificates/*.crt' >/dev/null || return 0
  mkdir -p "$root/usr/local/share/ca-certificates"
  cp /usr/local/share/ca-certificates/*.crt "$root/usr/local/share/ca-certificates/"
  local name
  for name in PIP_CERT NODE_EXTRA_CA_CERTS SSL_CERT_FILE REQUESTS_CA_BUNDLE; do
    [ -n "${!name:-}" ] && trusted+=("$name=${!name}")
  done
  echo "the host's own certificate authorities go in too: ${trusted[*]}"
}

copy_clean_clone() {
  local head
  head="$(git -C "$repo" rev-parse HEAD)"
  git clone --quiet --no-hardlinks "$repo" "$root/root/polku"
  git -C "$root/root/polku" checkout --quiet --detach "$head"
  git -C "$root/root/polku" remote remove origin
  echo "HEAD $head"
}

in_root() {  # in_root COMMAND...: run a shell command line in the chroot as a user's fresh root login
  chroot "$root" /usr/bin/env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/root LANG=C.UTF-8 \
    DEBIAN_FRONTEND=noninteractive "${trusted[@]}" /bin/bash -euo pipefail -c "cd /root/polku; $*"
}

# Every later phase runs even when an earlier one failed, so one run shows all that breaks.
summary=() failed=()
step() {  # step NAME COMMAND: one timed phase in the chroot
  local result=ok
  current="$1"; phase_start=$SECONDS
  echo "--- $suite: $1"
  in_root "$2" || { result=FAILED; failed+=("$1"); }
  summary+=("$suite:" "$1" "$((SECONDS - phase_start))  $result")
}

current="base system"; echo "--- $suite: base system"
[ -s "$base" ] || make_base
if grep -q " $root/" /proc/mounts; then echo "something is still mounted under $root: unmount it first" >&2; exit 1; fi
rm -rf "$root" && mkdir -p "$root" && tar -C "$root" -xzf "$base"
mount_into_root
copy_network_settings
copy_clean_clone
in_root 'grep -E "^(PRETTY_NAME)=" /etc/os-release; if command -v make; then echo "make is there"; else echo "no make: apt-get install make, as the README says"; fi'
summary+=("$suite:" "base system" "$((SECONDS - phase_start))  ok")

step "apt-get install make" 'command -v make >/dev/null || { apt-get update -q >/dev/null && apt-get install -y -q make >/dev/null; }; make --version | head -1'
step "make setup" 'make --no-print-directory setup'
step "venv imports" 'grep -q "^home = /usr/bin$" .venv/pyvenv.cfg && .venv/bin/python -c "import paths, streamlit; print(\"streamlit\", streamlit.__version__)"'
step "make run" "$(cat <<'RUN'
setsid make --no-print-directory run PORT=8599 >/tmp/run.log 2>&1 &
server=$!
answered=1
for _ in $(seq 120); do
  if .venv/bin/python - <<'PY' 2>/dev/null
import urllib.request
health = urllib.request.urlopen("http://127.0.0.1:8599/_stcore/health", timeout=5).read().decode()
page = urllib.request.urlopen("http://127.0.0.1:8599/", timeout=5).read().decode()
assert health.strip() == "ok", health
assert "<title>" in page and "static/js" in page, page[:200]
print("health:", health.strip(), "| / serves", len(page), "bytes")
PY
  then answered=0; break; fi
  sleep 1
done
kill -- -"$server" 2>/dev/null || true
wait "$server" 2>/dev/null || true
[ "$answered" -eq 0 ] || { tail -30 /tmp/run.log >&2; exit 1; }
RUN
)"
step "tests" 'dot -V && .venv/bin/python -m pytest -q -rs -p no:cacheprovider tests/model tests/render tests/test_layering.py'
step "browser test" '.venv/bin/python -m pytest -q -p no:cacheprovider tests/app/test_browser_library.py'

current=""
printf '=== %s %-22s %s\n' "$suite:" "phase" "seconds  result" "${summary[@]}"
if [ ${#failed[@]} -eq 0 ]; then
  echo "=== $suite: every phase passed in $((SECONDS - started))s"
else
  echo "=== $suite: FAILED: ${failed[*]} ($((SECONDS - started))s in all)"
  exit 1
fi
