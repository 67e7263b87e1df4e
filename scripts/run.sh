#!/usr/bin/env bash
# THE first command for a newcomer: installs what is missing, builds schemac, and runs it on the
# project's own schema (schema.dsl): check, fmt --check, and an offline plan against the
# migrations already written. Stops at the first failing step with its exit status.
#
#   scripts/run.sh            (as root or with sudo on a fresh machine: it may install packages)
#
# SCHEMAC_BUILD_DIR overrides the build directory (default build/, shared with scripts/test.sh).
set -euo pipefail
# shellcheck source=scripts/lib.sh
source "$(dirname -- "${BASH_SOURCE[0]}")/lib.sh"

build_dir=${SCHEMAC_BUILD_DIR:-build}
"$SCHEMAC_REPO/scripts/deps.sh"
build_schemac "$build_dir"

schemac="$SCHEMAC_REPO/$build_dir/compiler/schemac"
[[ -x $schemac ]] || die "the build did not produce $schemac"
cd -- "$SCHEMAC_REPO"

step() {
  local status=0
  printf '\n==> schemac %s\n' "$*"
  "$schemac" "$@" || status=$?
  if ((status != 0)); then
    printf '\n' >&2
    log "FAILED: schemac $* exited with status $status"
    case $1 in
    fmt) log "schema.dsl is not in canonical form; '$build_dir/compiler/schemac fmt schema.dsl' formats it" ;;
    esac
    exit "$status"
  fi
}

step check schema.dsl
step fmt --check schema.dsl
step plan schema.dsl
printf '\n'
log "all steps passed"
