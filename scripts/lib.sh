# shellcheck shell=bash
# Helpers shared by the scripts in this directory. Source it; do not run it.

# shellcheck disable=SC2034 # used by the scripts that source this file
SCHEMAC_REPO=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")/.." && pwd)
SCHEMAC_SCRIPT=$(basename -- "$0")
SCHEMAC_CACHE=${SCHEMAC_CACHE:-${HOME:-/root}/.cache/schemac}

# Messages go to stderr so that stdout stays usable (sidecar.sh prints a path, db.sh env prints exports).
log() { printf '%s: %s\n' "$SCHEMAC_SCRIPT" "$*" >&2; }
die() {
  printf '%s: error: %s\n' "$SCHEMAC_SCRIPT" "$*" >&2
  exit 1
}

is_root() { [[ $(id -u) -eq 0 ]]; }

# Seconds since the epoch with a fraction, for timings in messages.
now() { date +%s.%N; }
elapsed() { awk -v s="$1" -v e="$(now)" 'BEGIN { printf "%.1fs", e - s }'; }

# Runs "$@" and, when it fails, shows its captured output and dies with MESSAGE.
# Usage: run_quiet MESSAGE LOGFILE cmd args...
run_quiet() {
  local message=$1 logfile=$2
  shift 2
  if ! "$@" >"$logfile" 2>&1; then
    log "$message; last lines of $logfile:"
    tail -n 30 "$logfile" >&2 || true
    exit 1
  fi
}

# Configures (Ninja, warnings as errors) and builds schemac in BUILD_DIR (relative to the
# repository). Usage: build_schemac BUILD_DIR [extra cmake -D options...]
build_schemac() {
  local build_dir=$1 start
  shift
  start=$(now)
  log "configure $build_dir"
  cmake -S "$SCHEMAC_REPO" -B "$SCHEMAC_REPO/$build_dir" -G Ninja -DSCHEMAC_WERROR=ON "$@" >&2 ||
    die "cmake configure failed (see above)"
  log "build $build_dir"
  cmake --build "$SCHEMAC_REPO/$build_dir" >&2 || die "build failed (see above)"
  log "built in $(elapsed "$start")"
}
