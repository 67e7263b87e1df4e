#!/usr/bin/env bash
# Rewrites the expected files of the golden tests (tests/golden/<kind>/<case>/) from what the current
# schemac prints, then shows what changed. Review the diff before committing it.
#
#   scripts/update-golden.sh          (SCHEMAC_BUILD_DIR overrides the build directory, default build/)
set -euo pipefail
# shellcheck source=scripts/lib.sh
source "$(dirname -- "${BASH_SOURCE[0]}")/lib.sh"

build_dir=${SCHEMAC_BUILD_DIR:-build}
build_schemac "$build_dir"
# The offline golden cases are built into the unit test binary, the pull cases (tests/golden/pull/) into the live
# one; only these tests read SCHEMAC_UPDATE_GOLDEN. Each is run again without updating: it must pass now.
update() {
  local what=$1
  shift
  SCHEMAC_UPDATE_GOLDEN=1 "$@" -tc="golden:*" >&2 || true
  "$@" -tc="golden:*" >/dev/null || die "$what golden tests still fail after the update: run $* -tc='golden:*'"
}
update offline "$SCHEMAC_REPO/$build_dir/compiler/schemac_unit_tests"
if [[ -n ${SCHEMAC_TEST_PG_URL:-} ]] || "$SCHEMAC_REPO/scripts/db.sh" env pg15 >/dev/null 2>&1; then
  update pull "$SCHEMAC_REPO/scripts/db.sh" exec "$SCHEMAC_REPO/$build_dir/tests/schemac_live_tests"
else
  log "the pull cases are not updated: no PostgreSQL 15 server (scripts/db.sh start pg15)"
fi
git -C "$SCHEMAC_REPO" status --short -- tests/golden
