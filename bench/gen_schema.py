#!/usr/bin/env python3
"""Writes a deterministic schema.dsl of N tables to stdout, for the scaling benchmark.

Every table has what real schemas have: an identity key, a dozen columns over many types,
a foreign key to an earlier table, checks, a unique constraint, two indexes (one partial),
doc and ordinary comments and a query; every tenth table is a hypertable. The same N gives
the same bytes, so timings from different runs compare the same input.

    bench/gen_schema.py 5000 > /tmp/s5000.dsl
"""
import sys

TYPES = [
    "smallint", "int", "bigint", "real", "double precision", "numeric(20,8)", "text",
    "varchar(64)", "char(4)", "bool", "timestamptz", "date", "uuid", "jsonb",
]


def table(i: int) -> str:
    name = f"t{i:06d}"
    hyper = i % 10 == 9
    lines = [f"// table {i} of the generated schema", f"/// Generated table {i}."]
    lines.append(f"table {name} {{")
    if hyper:
        lines.append("  ts          timestamptz")
        lines.append("  id          bigint")
    else:
        lines.append("  id          bigint identity primary key")
    for c in range(12):
        kind = TYPES[(i + c) % len(TYPES)]
        nullable = "?" if c % 3 == 2 else ""
        lines.append(f"  c{c:02d}         {kind}{nullable}")
    if i > 0:
        lines.append(f"  parent_id   bigint? references t{(i - 1) // 2:06d}(id)" if (i - 1) // 2 % 10 != 9
                     else "  parent_id   bigint?")
    lines.append("  amount      numeric(20,8) check (amount >= 0)")
    lines.append("  code        varchar(32)")
    lines.append("")
    lines.append("  check (length(code) > 0)")
    if hyper:
        lines.append("  primary key (ts, id)")
        lines.append("  unique (code, ts)")
    else:
        lines.append("  unique (code)")
    lines.append("  /// Lookup by amount.")
    lines.append("  index (amount)")
    lines.append("  index (code, amount) where (amount > 0)")
    if hyper:
        lines.append("")
        lines.append("  hypertable on ts {")
        lines.append("    chunk_interval 1 day")
        lines.append("  }")
    lines.append("")
    lines.append("  query by_code(code) -> many {")
    lines.append("    where code = :code")
    lines.append("  }")
    lines.append("}")
    return "\n".join(lines)


def main() -> None:
    if len(sys.argv) != 2 or not sys.argv[1].isdigit():
        sys.exit("usage: gen_schema.py N")
    n = int(sys.argv[1])
    out = ["extension timescaledb", ""]
    out.extend(table(i) + "\n" for i in range(n))
    sys.stdout.write("\n".join(out))


if __name__ == "__main__":
    main()
