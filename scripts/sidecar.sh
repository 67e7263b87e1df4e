#!/usr/bin/env bash
# Ensures the Debian trixie root filesystem ("sidecar") that carries TimescaleDB 2.19 on
# PostgreSQL 17, pg_cron, pgvector and tree-sitter-cli, and prints its path on stdout.
#
#   root=$(scripts/sidecar.sh)
#
# It lives in ${SCHEMAC_CACHE:-$HOME/.cache/schemac}/trixie and is reused when complete. A new one
# is built with debootstrap in a temporary directory beside it and renamed into place only
# when debootstrap succeeded, so an interrupted run never leaves a half-built root behind.
# The Debian mirror is the one this machine's apt already uses (override: SCHEMAC_DEBIAN_MIRROR).
#
# Nothing is ever mounted into the root (no /proc, /dev or bind mounts): PostgreSQL does not
# need them, and deleting a directory with the host's /dev bound inside would destroy the host's.
set -euo pipefail
# shellcheck source=scripts/lib.sh
source "$(dirname -- "${BASH_SOURCE[0]}")/lib.sh"

root="$SCHEMAC_CACHE/trixie"
include=postgresql-17-timescaledb,postgresql-17-cron,postgresql-17-pgvector,tree-sitter-cli,nodejs

# Files whose presence proves a finished root (debootstrap ran to the end with our packages).
complete() {
  local dir=$1 file
  for file in usr/lib/postgresql/17/bin/postgres usr/lib/postgresql/17/bin/initdb \
    usr/lib/postgresql/17/lib/timescaledb.so usr/lib/postgresql/17/lib/pg_cron.so \
    usr/lib/postgresql/17/lib/vector.so usr/bin/tree-sitter usr/sbin/runuser; do
    [[ -e $dir/$file ]] || return 1
  done
}

# The first Debian archive URI in the machine's apt sources (deb822 *.sources or sources.list),
# skipping the security archive.
apt_mirror() {
  local file
  for file in /etc/apt/sources.list.d/*.sources; do
    [[ -f $file ]] || continue
    awk 'tolower($1) == "uris:" { for (i = 2; i <= NF; i++) print $i }' "$file"
  done
  for file in /etc/apt/sources.list /etc/apt/sources.list.d/*.list; do
    [[ -f $file ]] || continue
    # deb [options] URI suite components...
    awk '$1 == "deb" { i = 2; if ($i ~ /^\[/) { while ($i !~ /\]$/) i++; i++ } print $i }' "$file"
  done
}

mirror() {
  if [[ -n ${SCHEMAC_DEBIAN_MIRROR:-} ]]; then
    printf '%s\n' "$SCHEMAC_DEBIAN_MIRROR"
    return
  fi
  local uri
  while read -r uri; do
    [[ $uri == *security* || $uri == *updates* ]] && continue
    [[ $uri =~ ^(https?|file):// ]] || continue
    printf '%s\n' "$uri"
    return
  done < <(apt_mirror)
  return 1
}

# Refuses to delete anything that has a mount inside it (defence in depth: we never mount).
safe_remove() {
  local dir=$1
  [[ -e $dir ]] || return 0
  if findmnt -rn -o TARGET | awk -v d="$(realpath -- "$dir")" 'index($0, d) == 1 { found = 1 } END { exit !found }'; then
    die "$dir has something mounted inside it; unmount it by hand, then delete it (not done automatically)"
  fi
  rm -rf --one-file-system -- "$dir"
}

if complete "$root"; then
  # Its top directory is "/" for the chroot's users: they must be able to enter it.
  if [[ $(stat -c %a "$root") != 755 ]] && is_root; then chmod 755 "$root"; fi
  printf '%s\n' "$root"
  exit 0
fi

is_root || die "building the trixie root filesystem needs root (debootstrap and chroot). Run: sudo $0"
command -v debootstrap >/dev/null || die "debootstrap is missing: run scripts/deps.sh"

mkdir -p -- "$SCHEMAC_CACHE"
exec 9>"$SCHEMAC_CACHE/trixie.lock"
if ! flock -n 9; then
  log "another run is building the root; waiting for it (lock: $SCHEMAC_CACHE/trixie.lock)"
  flock 9
fi
# Another run may have finished it while we waited.
if complete "$root"; then
  printf '%s\n' "$root"
  exit 0
fi

# Leftovers of interrupted runs.
for stale in "$SCHEMAC_CACHE"/trixie.tmp.*; do
  [[ -e $stale ]] || continue
  log "removing the unfinished root $stale left by an interrupted run"
  safe_remove "$stale"
done
if [[ -e $root ]]; then
  log "$root is incomplete; building a new one"
fi

uri=$(mirror) || die "found no Debian mirror in /etc/apt/sources.list{,.d}; set SCHEMAC_DEBIAN_MIRROR=URI"
tmp=$(mktemp -d "$SCHEMAC_CACHE/trixie.tmp.XXXXXX")
trap 'safe_remove "$tmp"' EXIT
chmod 755 "$tmp" # it becomes "/" for the chroot's users (mktemp made it 0700)
log "debootstrap trixie from $uri into $tmp (about a minute, 800 MB; output in $tmp.log)"
start=$(now)
if ! debootstrap --variant=minbase --include="$include" trixie "$tmp" "$uri" >"$tmp.log" 2>&1; then
  log "debootstrap failed; last lines of $tmp.log:"
  tail -n 30 "$tmp.log" >&2
  exit 1
fi
complete "$tmp" || die "debootstrap finished but the root lacks PostgreSQL 17/TimescaleDB/tree-sitter (see $tmp.log)"
rm -f -- "$tmp"/var/cache/apt/archives/*.deb
if [[ -e $root ]]; then
  old=$(mktemp -d "$SCHEMAC_CACHE/trixie.tmp.XXXXXX")
  mv -T -- "$root" "$old/old"
  safe_remove "$old"
fi
mv -T -- "$tmp" "$root"
trap - EXIT
rm -f -- "$tmp.log"
log "trixie root ready in $(elapsed "$start"): $root"
printf '%s\n' "$root"
