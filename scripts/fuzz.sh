#!/usr/bin/env bash
# Builds the libFuzzer targets (fuzz/: the DSL front end, the migrations directory reader, the URL redactor)
# with clang, ASan and UBSan in build-fuzz/, and runs each for a bounded time from a seed corpus made of the
# repository's own files. Exits non-zero when a target finds a crash or a broken property; the input that
# broke it is left in build-fuzz/crashes/ (re-run it with: build-fuzz/fuzz/TARGET FILE).
#
#   scripts/fuzz.sh                    each target for 20 seconds
#   scripts/fuzz.sh --runs 2000        each target for 2,000 inputs from a fixed seed: the same inputs every
#                                      time for the same build (the bounded run of scripts/test.sh)
#   scripts/fuzz.sh --seconds 3600     a longer hunt; the corpus in build-fuzz/corpus/ grows across runs
#   scripts/fuzz.sh [...] TARGET ...   only these targets (fuzz_dsl, fuzz_migrations, fuzz_redact)
set -euo pipefail
# shellcheck source=scripts/lib.sh
source "$(dirname -- "${BASH_SOURCE[0]}")/lib.sh"

seconds=20
runs=""
targets=()
while (($#)); do
  case $1 in
  --seconds)
    seconds=${2:?--seconds needs a number}
    shift
    ;;
  --runs)
    runs=${2:?--runs needs a number}
    shift
    ;;
  -h | --help)
    awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "$0"
    exit 0
    ;;
  fuzz_dsl | fuzz_migrations | fuzz_redact) targets+=("$1") ;;
  *) die "unknown option or target '$1' (see $0 --help)" ;;
  esac
  shift
done
((${#targets[@]})) || targets=(fuzz_dsl fuzz_migrations fuzz_redact)

build=$SCHEMAC_REPO/build-fuzz
"$SCHEMAC_REPO/scripts/deps.sh"
launcher=()
command -v ccache > /dev/null && launcher=(-DCMAKE_C_COMPILER_LAUNCHER=ccache -DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
log "configure and build build-fuzz (clang, libFuzzer, ASan, UBSan)"
mkdir -p "$build"
CC=clang CXX=clang++ cmake -S "$SCHEMAC_REPO" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DSCHEMAC_FUZZ=ON "${launcher[@]}" > "$build/configure.log" 2>&1 || die "configure failed: see $build/configure.log"
cmake --build "$build" --target "${targets[@]}" >&2 || die "build failed (see above)"

# Seeds: every .dsl file of the repository; the bundled migrations directory as one input of the
# "name\ncontents\0name\ncontents" form fuzz_migrations reads; connection strings of every shape the redactor knows.
seed_corpora() {
  local dir=$build/corpus i=0 f
  mkdir -p "$dir/fuzz_dsl" "$dir/fuzz_migrations" "$dir/fuzz_redact"
  while IFS= read -r -d '' f; do
    cp "$SCHEMAC_REPO/$f" "$dir/fuzz_dsl/seed-$((i++)).dsl"
  done < <(git -C "$SCHEMAC_REPO" ls-files -z '*.dsl')
  for f in "$SCHEMAC_REPO"/migrations/*; do
    printf '%s\n' "$(basename "$f")"
    cat "$f"
    printf '\0'
  done > "$dir/fuzz_migrations/seed-bundled"
  i=0
  for f in 'postgresql://user:s3cr3t@host:5432/db' 'postgres://u:p%40ss@[::1]:5432/db?sslmode=disable' \
    'host=localhost user=u password=s3cr3t dbname=d' "host=h password='a b\\' c' dbname=d" \
    'postgresql:///db?password=s3cr3t&host=/tmp' 'POSTGRESQL://u:s3cr3t@h/d' ' postgresql://u:s3cr3t@h/d'; do
    printf '%s' "$f" > "$dir/fuzz_redact/seed-$i"
    i=$((i + 1))
  done
}
seed_corpora

mkdir -p "$build/crashes"
failed=()
limit=(-max_total_time="$seconds")
[[ -n $runs ]] && limit=(-runs="$runs" -seed=1)
for target in "${targets[@]}"; do
  log "$target: ${limit[*]}"
  if ! (cd "$build/crashes" && "$build/fuzz/$target" "${limit[@]}" -max_len=8192 -rss_limit_mb=2048 \
    -timeout=20 -print_final_stats=1 "$build/corpus/$target" > "$build/$target.log" 2>&1); then
    tail -n 40 "$build/$target.log" >&2
    failed+=("$target")
  else
    grep -E '^stat::number_of_executed_units' "$build/$target.log" | sed "s/^/$target: /" >&2 || true
  fi
done
((${#failed[@]} == 0)) || die "broken: ${failed[*]} (inputs in $build/crashes, logs in $build/<target>.log)"
log "no crash, every property held"
