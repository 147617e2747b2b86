#!/usr/bin/env bash
# Install the system packages of scripts/system-packages.txt that are missing.
#
#   scripts/setup-system.sh [run|test]    (default: test = every line; run = what the app itself needs)
#
# As root, or through sudo when it works without a password, the missing packages are installed with
# apt-get. Otherwise the script prints the one `apt-get install ...` line to run and exits with 1, so
# that `make test` stops there instead of failing later in a confusing way. Nothing is done (exit 0)
# when every package is present. A line with a fourth word (chromium's: playwright) is left out where
# the distribution has no such package, because `make setup` brings that instead (Ubuntu 24.04 has no
# chromium deb). POLKU_SYSTEM_PACKAGES names another list (used by the tests).
set -euo pipefail

use="${1:-test}"
case "$use" in run|test) ;; *) echo "usage: $0 [run|test]" >&2; exit 2 ;; esac
list="${POLKU_SYSTEM_PACKAGES:-$(dirname "$0")/system-packages.txt}"

installed() {
  dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q 'install ok installed'
}

# A candidate that apt could install; Ubuntu's snap stubs (version 2:1snap1-…) do not count.
has_candidate() {
  apt-cache policy "$1" 2>/dev/null | grep 'Candidate: [^(]' | grep -vq 'snap'
}

# Package lists (perhaps compressed) are there (apt-get update has run): only then can "no candidate" be believed.
lists_known() {
  compgen -G '/var/lib/apt/lists/*_Packages*' >/dev/null
}

missing=()
declare -A fallback_of=()
while read -r spec purpose command fallback _; do
  case "$spec" in ''|'#'*) continue ;; esac
  if [ "$use" = run ] && [ "$purpose" != run ]; then continue; fi
  present=no
  if [ -n "${command:-}" ] && PATH="$PATH:/usr/sbin:/sbin" command -v "$command" >/dev/null; then present=yes; fi
  for alternative in ${spec//|/ }; do
    [ "$present" = yes ] && break
    if installed "$alternative"; then present=yes; break; fi
  done
  [ -n "${fallback:-}" ] && fallback_of[$spec]=$fallback
  # Known to be absent from the distribution: not missing (and no apt-get update on every set-up).
  if [ "$present" = no ] && [ -n "${fallback:-}" ] && lists_known && ! has_candidate "$spec"; then present=yes; fi
  [ "$present" = yes ] || missing+=("$spec")
done < "$list"

[ ${#missing[@]} -eq 0 ] && exit 0

if ! command -v apt-get >/dev/null || ! command -v dpkg-query >/dev/null; then
  echo "Polku needs these system packages (Debian names); install them with your package manager:" >&2
  echo "  ${missing[*]//|/ or }" >&2
  exit 1
fi

# The first alternative that the distribution has a candidate for (the first one when none is known yet).
choose() {
  local alternative
  for alternative in ${1//|/ }; do
    if apt-cache policy "$alternative" 2>/dev/null | grep -q 'Candidate: [^(]'; then
      echo "$alternative"; return
    fi
  done
  echo "${1%%|*}"
}

sudo=()
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null && sudo -n true 2>/dev/null; then
    sudo=(sudo)
  else
    packages=()
    for spec in "${missing[@]}"; do packages+=("$(choose "$spec")"); done
    [ ${#packages[@]} -eq 0 ] && exit 0
    echo "Polku needs system packages that are not installed. Run this once, then try again:" >&2
    echo "  sudo apt-get install ${packages[*]}" >&2
    exit 1
  fi
fi

export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" apt-get update -q
packages=()
for spec in "${missing[@]}"; do
  if [ -n "${fallback_of[$spec]:-}" ] && ! has_candidate "$spec"; then
    echo "This distribution has no $spec package: make setup installs ${fallback_of[$spec]}'s $spec instead."
    continue
  fi
  packages+=("$(choose "$spec")")
done
[ ${#packages[@]} -eq 0 ] && exit 0
echo "Installing system packages: ${packages[*]}"
# shellcheck disable=SC2086 - POLKU_APT_OPTIONS is a list of words (the Dockerfile passes --no-install-recommends)
"${sudo[@]}" apt-get install -y -q ${POLKU_APT_OPTIONS:-} "${packages[@]}"
