#!/usr/bin/env bash
# Installs the Debian bookworm packages schemac needs to build and test. Installs only what is
# missing: when everything is present it only checks (well under a second) and touches nothing.
# Needs root to install (CI runs as root); as another user it says what to run.
set -euo pipefail
# shellcheck source=scripts/lib.sh
source "$(dirname -- "${BASH_SOURCE[0]}")/lib.sh"

packages=(
  build-essential cmake ninja-build pkg-config # toolchain
  libtree-sitter-dev libpq-dev libcli11-dev libfmt-dev doctest-dev libkainjow-mustache-dev # libraries
  nlohmann-json3-dev libpg-query-dev # JSON output; the PostgreSQL parser (wrapped in compiler/sql/)
  libutf8proc-dev # UTF-8 decoding and display widths (compiler/model/text.cpp, diagnostic.cpp)
  postgresql-15 # PostgreSQL 15 test server
  debootstrap   # builds the Debian trixie sidecar with TimescaleDB (scripts/sidecar.sh)
  nodejs npm    # runs PGlite, the TimescaleDB test server with the Timescale license
  shellcheck    # checks these scripts (a CTest test)
  clang libclang-rt-14-dev # libFuzzer with ASan/UBSan for the fuzz targets (scripts/fuzz.sh)
)

installed() {
  local status
  status=$(dpkg-query -W -f='${Status}' "$1" 2>/dev/null) || return 1
  [[ $status == "install ok installed" ]]
}

missing=()
for package in "${packages[@]}"; do
  if installed "$package"; then
    continue
  fi
  # Some machines carry a nodejs build from another source that bundles npm; Debian's npm
  # package cannot be installed next to it, and is not needed.
  if [[ $package == npm ]] && command -v npm >/dev/null 2>&1; then
    continue
  fi
  missing+=("$package")
done

if ((${#missing[@]} == 0)); then
  log "all build and test dependencies are installed"
  exit 0
fi

log "missing Debian packages: ${missing[*]}"
if ! is_root; then
  die "installing packages needs root. Run: sudo $0   (or: sudo apt-get install ${missing[*]})"
fi

start=$(now)
export DEBIAN_FRONTEND=noninteractive
log "apt-get update"
apt-get update -qq >&2
log "apt-get install ${missing[*]}"
apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
log "installed ${#missing[@]} package(s) in $(elapsed "$start")"
