#!/usr/bin/env bash
# Regenerates compiler/dsl/grammar/src/ (parser.c, grammar.json, node-types.json, tree_sitter/parser.h) from
# compiler/dsl/grammar/grammar.js with tree-sitter-cli 0.22.6 from the trixie sidecar, and records the sha256 of
# grammar.js in compiler/dsl/grammar/src/grammar.sha256 (compiler/dsl/grammar_test.cpp compares the two).
#
#   scripts/regen-grammar.sh           regenerate and overwrite src/
#   scripts/regen-grammar.sh --check   regenerate into a temporary directory; exit 1 if the committed
#                                      src/parser.c or src/grammar.sha256 differ from what grammar.js gives
#
# The generator runs inside the sidecar root with chroot; nothing is ever mounted into that root.
set -euo pipefail
# shellcheck source=scripts/lib.sh
source "$(dirname -- "${BASH_SOURCE[0]}")/lib.sh"

check=0
case ${1:-} in
  --check) check=1 ;;
  "") ;;
  *) die "usage: $SCHEMAC_SCRIPT [--check]" ;;
esac

grammar_dir=$SCHEMAC_REPO/compiler/dsl/grammar

# The sidecar root: scripts/sidecar.sh makes sure it exists and prints it.
if [[ -x $SCHEMAC_REPO/scripts/sidecar.sh ]]; then
  root=$("$SCHEMAC_REPO/scripts/sidecar.sh")
else
  root=$SCHEMAC_CACHE/trixie
fi
[[ -x $root/usr/bin/tree-sitter ]] || die "no tree-sitter in $root: run scripts/sidecar.sh"
is_root || die "generating the parser needs chroot, so root: run sudo $0"

# A private directory in the root's /tmp, so concurrent runs do not clobber each other.
work=$(mktemp -d "$root/tmp/grammar.XXXXXX")
trap 'rm -rf --one-file-system -- "$work"' EXIT
cp -- "$grammar_dir/grammar.js" "$work/"
[[ -f $grammar_dir/package.json ]] && cp -- "$grammar_dir/package.json" "$work/"
inside=/tmp/$(basename -- "$work")

run_quiet "tree-sitter generate failed" "$work.log" \
  chroot "$root" sh -c "cd '$inside' && tree-sitter generate --abi 14 --no-bindings"
rm -f -- "$work.log"

version=$(awk '/^#define LANGUAGE_VERSION/ { print $3 }' "$work/src/parser.c")
[[ $version == 14 ]] || die "the generated parser.c has LANGUAGE_VERSION $version; libtree-sitter 0.20.7 needs 14"

hash=$(sha256sum "$grammar_dir/grammar.js" | awk '{ print $1 }')
printf '%s\n' "$hash" >"$work/src/grammar.sha256"

if ((check)); then
  stale=()
  for file in parser.c grammar.sha256; do
    cmp -s -- "$work/src/$file" "$grammar_dir/src/$file" || stale+=("compiler/dsl/grammar/src/$file")
  done
  if ((${#stale[@]})); then
    die "out of date with compiler/dsl/grammar/grammar.js: ${stale[*]}; run scripts/regen-grammar.sh and commit compiler/dsl/grammar/src"
  fi
  log "compiler/dsl/grammar/src is up to date with grammar.js"
  exit 0
fi

mkdir -p -- "$grammar_dir/src/tree_sitter"
for file in parser.c grammar.json node-types.json grammar.sha256; do
  cp -- "$work/src/$file" "$grammar_dir/src/$file"
done
cp -- "$work/src/tree_sitter/parser.h" "$grammar_dir/src/tree_sitter/parser.h"
log "regenerated compiler/dsl/grammar/src (grammar.js sha256 $hash)"
