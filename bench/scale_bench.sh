#!/usr/bin/env bash
# Scaling benchmark (issue 7): check, fmt and offline plan on generated schemas of 1,000 / 5,000 / 20,000
# tables (bench/gen_schema.py: a dozen columns, a foreign key, checks, two indexes, comments and a query per
# table; every tenth a hypertable). Prints seconds and peak memory for each size and how each grows against
# the smallest size, next to what linear growth would be: 1,000 -> 20,000 tables is 20x when linear.
#
#   bench/scale_bench.sh [--sizes "1000 5000 20000"] [--runs N]
#
# Each time is the best of --runs runs (default 3; 1 for sizes past 10,000). plan is offline: `plan --from`
# an empty declaration (every table created) and `plan --from` itself (nothing to do: every lookup, no SQL).
# The schemac binary is $SCHEMAC_BIN (default: build/compiler/schemac).
set -euo pipefail

here=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")/.." && pwd)
sizes="1000 5000 20000"
runs=3
while (($#)); do
  case $1 in
  --sizes) sizes=$2; shift 2 ;;
  --runs) runs=$2; shift 2 ;;
  *) sed -n '2,11p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//' >&2; exit 2 ;;
  esac
done
bin=${SCHEMAC_BIN:-$here/build/compiler/schemac}
[[ -x $bin ]] || { echo "scale_bench: no schemac at $bin (build first, or set SCHEMAC_BIN)" >&2; exit 2; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
: > "$work/empty.dsl"

# best_of N CMD...: prints "seconds peak_MB" of the fastest of N runs (peak memory of that run).
best_of() {
  local n=$1 best="" i out
  shift
  for ((i = 0; i < n; i++)); do
    # fmt --check exits 2 on a file it would change: the status is not the measurement.
    /usr/bin/time -o "$work/time" -f '%e %M' "$@" > /dev/null 2>&1 || true
    out=$(tail -n 1 "$work/time")
    if [[ -z $best ]] || awk -v a="${out% *}" -v b="${best% *}" 'BEGIN { exit !(a < b) }'; then best=$out; fi
  done
  awk -v s="${best% *}" -v k="${best#* }" 'BEGIN { printf "%.2f %.0f", s, k / 1024 }'
}

declare -A secs
printf '%-8s %-16s %9s %8s\n' tables command seconds peak_MB
for n in $sizes; do
  python3 "$here/bench/gen_schema.py" "$n" > "$work/s$n.dsl"
  r=$runs
  ((n > 10000)) && r=1
  for cmd in check fmt plan-create plan-same; do
    case $cmd in
    check) args=(check "$work/s$n.dsl") ;;
    fmt) args=(fmt --check "$work/s$n.dsl") ;;
    plan-create) args=(plan "$work/s$n.dsl" --from "$work/empty.dsl") ;;
    plan-same) args=(plan "$work/s$n.dsl" --from "$work/s$n.dsl") ;;
    esac
    res=$(best_of "$r" "$bin" "${args[@]}")
    secs[$cmd,$n]=${res% *}
    printf '%-8s %-16s %9s %8s\n' "$n" "$cmd" "${res% *}" "${res#* }"
  done
done

first=${sizes%% *}
echo
echo "growth against $first tables (linear growth is the size ratio):"
for n in $sizes; do
  [[ $n == "$first" ]] && continue
  line=$(printf '%-8s linear %5.1fx' "$n" "$(awk -v a="$n" -v b="$first" 'BEGIN { print a / b }')")
  for cmd in check fmt plan-create plan-same; do
    line+=$(awk -v c="$cmd" -v a="${secs[$cmd,$n]}" -v b="${secs[$cmd,$first]}" \
      'BEGIN { if (b > 0) printf "  %s %.1fx", c, a / b; else printf "  %s -", c }')
  done
  echo "$line"
done
