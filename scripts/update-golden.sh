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
# The golden cases are built into the unit test binary; only they read SCHEMAC_UPDATE_GOLDEN.
SCHEMAC_UPDATE_GOLDEN=1 "$SCHEMAC_REPO/$build_dir/compiler/schemac_unit_tests" -tc="golden:*" >&2 || true
# Run again without updating: everything must pass now.
"$SCHEMAC_REPO/$build_dir/compiler/schemac_unit_tests" -tc="golden:*" >/dev/null ||
  die "golden tests still fail after the update: run $build_dir/compiler/schemac_unit_tests -tc='golden:*'"
git -C "$SCHEMAC_REPO" status --short -- tests/golden
