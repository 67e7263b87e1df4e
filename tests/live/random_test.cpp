// Property 5 of the live catalog: random schemas and random edits between them, on PostgreSQL 15.
//
// For each pair (A, B), B = a random edit of A: with A applied, plan B against the live catalog, apply its UP:
// the catalog equals B; apply its DOWN: the catalog equals A again. Pairs come in sequences that share one
// database: a sequence starts from an empty database with a fresh random A (applied from empty, so that
// "empty -> A" is checked too), and after each pair B is applied again and becomes the next A.
//
// Both texts go through print_dsl and load_dsl_text (parse + check), so A and B are exactly what a user
// would write and `schemac check` accepts.
//
//   SCHEMAC_RANDOM_SEED   base seed (default 20261121); sequence k uses seed + k
//   SCHEMAC_RANDOM_PAIRS  how many pairs (default 300)
//   SCHEMAC_RANDOM_ONLY   run only this sequence index (reproducing a failure)
// A failure prints the seed, the sequence and pair index, both DSL texts, the edits and the plan.
#include <doctest/doctest.h>
#include <fmt/format.h>

#include <chrono>
#include <cstdlib>
#include <optional>
#include <sstream>

#include "catalog/connect.hpp"
#include "live_util.hpp"
#include "dsl/load.hpp"
#include "random_schema.hpp"
#include "testdb.hpp"

using namespace schemac;
using schemac::test::RandomSchema;
using schemac::test::Server;
using schemac::test::TestDb;
using schemac::test::apply_plan;
using schemac::test::plan_live;

namespace {

uint64_t env_u64(const char* name, uint64_t fallback) {
  const char* v = std::getenv(name);
  return v && *v ? std::strtoull(v, nullptr, 10) : fallback;
}

constexpr int kPairsPerSequence = 15;

// The text as `schemac check` reads it; a text check refuses is a bug of the generator or of print/check.
std::optional<Schema> load(const std::string& name, const std::string& text, std::string& why) {
  Loaded l = load_dsl_text(name, text);
  if (l.ok()) return std::move(l.schema);
  std::ostringstream out;
  print_diagnostics(l, out);
  why = out.str();
  return std::nullopt;
}

struct Failure {
  std::string what;
};

std::string banner(uint64_t seed, int sequence, int pair) {
  return fmt::format("seed {} sequence {} pair {} (reproduce: SCHEMAC_RANDOM_SEED={} SCHEMAC_RANDOM_ONLY={})", seed,
                     sequence, pair, seed, sequence);
}

// Runs one sequence; returns the number of pairs checked. Throws Failure with everything needed to reproduce.
int run_sequence(uint64_t seed, int sequence, int pairs) {
  TestDb db(Server::pg15);
  Connection conn = connect(db.url());
  RandomSchema gen(seed + static_cast<uint64_t>(sequence));
  gen.randomize();
  std::string a_text = gen.dsl(), why;
  auto fail = [&](int pair, const std::string& what, const std::string& b_text, const std::vector<std::string>& edits,
                  const Plan* plan) {
    std::string msg = banner(seed, sequence, pair) + "\n" + what + "\n--- A ---\n" + a_text;
    if (!b_text.empty()) msg += "--- B ---\n" + b_text;
    if (!edits.empty()) {
      msg += "--- edits ---\n";
      for (auto& e : edits) msg += "  " + e + "\n";
    }
    if (plan) msg += "--- plan UP ---\n" + plan_up_sql(*plan) + "--- plan DOWN ---\n" + plan_down_sql(*plan);
    throw Failure{msg};
  };

  std::optional<Schema> a = load("A.dsl", a_text, why);
  if (!a) fail(-1, "check refuses A:\n" + why, "", {}, nullptr);
  {
    Schema target = *a;
    Plan p = plan_live(conn.get(), target);
    try {
      apply_plan(conn.get(), p, true);
    } catch (const std::exception& e) {
      fail(-1, std::string("applying empty -> A failed: ") + e.what(), "", {}, &p);
    }
    std::string m = test::catalog_mismatch(conn.get(), *a);
    if (!m.empty()) fail(-1, "after empty -> A the catalog differs from A:\n" + m, "", {}, &p);
  }

  for (int i = 0; i < pairs; ++i) {
    RandomSchema next = gen;
    std::vector<std::string> edits = next.edit();
    std::string b_text = next.dsl();
    std::optional<Schema> b = load("B.dsl", b_text, why);
    if (!b) fail(i, "check refuses B:\n" + why, b_text, edits, nullptr);
    Schema target = *b;
    Plan p;
    try {
      p = plan_live(conn.get(), target);
    } catch (const std::exception& e) {
      fail(i, std::string("planning B failed: ") + e.what(), b_text, edits, nullptr);
    }
    if (has_errors(p.diagnostics)) {
      std::string d;
      for (auto& x : p.diagnostics) d += "  " + x.message + "\n";
      fail(i, "the plan has errors:\n" + d, b_text, edits, &p);
    }
    try {
      apply_plan(conn.get(), p, true);
    } catch (const std::exception& e) {
      fail(i, std::string("UP failed: ") + e.what(), b_text, edits, &p);
    }
    std::string m = test::catalog_mismatch(conn.get(), *b, true);
    if (!m.empty()) fail(i, "after UP the catalog differs from B:\n" + m, b_text, edits, &p);
    try {
      apply_plan(conn.get(), p, false);
    } catch (const std::exception& e) {
      fail(i, std::string("DOWN failed: ") + e.what(), b_text, edits, &p);
    }
    // Constraints whose data UP dropped come back NOT VALID (the DOWN note says how to validate them); these
    // tables are empty, so validating them must succeed and give A exactly.
    try {
      test::exec_sql(conn.get(),
                     "DO $v$ DECLARE r record; BEGIN FOR r IN SELECT conrelid::regclass AS t, conname FROM "
                     "pg_constraint WHERE NOT convalidated LOOP EXECUTE format('ALTER TABLE %s VALIDATE "
                     "CONSTRAINT %I', r.t, r.conname); END LOOP; END $v$");
    } catch (const std::exception& e) {
      fail(i, std::string("validating after DOWN failed: ") + e.what(), b_text, edits, &p);
    }
    m = test::catalog_mismatch(conn.get(), *a, true);
    if (!m.empty()) fail(i, "after DOWN the catalog differs from A:\n" + m, b_text, edits, &p);
    // Forward again: B is the next pair's A.
    try {
      apply_plan(conn.get(), p, true);
    } catch (const std::exception& e) {
      fail(i, std::string("UP after DOWN failed: ") + e.what(), b_text, edits, &p);
    }
    next.settle();
    gen = next;
    a_text = gen.dsl();
    a = load("A.dsl", a_text, why);
    if (!a) fail(i, "check refuses the settled B:\n" + why, "", {}, nullptr);
  }
  return pairs;
}

}  // namespace

TEST_CASE("random schemas: plan B against A applied, UP gives B, DOWN gives A (PostgreSQL 15)") {
  uint64_t seed = env_u64("SCHEMAC_RANDOM_SEED", 20261121);
  int pairs = static_cast<int>(env_u64("SCHEMAC_RANDOM_PAIRS", 300));
  const char* only = std::getenv("SCHEMAC_RANDOM_ONLY");
  int sequences = (pairs + kPairsPerSequence - 1) / kPairsPerSequence;
  auto start = std::chrono::steady_clock::now();
  int checked = 0, failed = 0;
  for (int k = 0; k < sequences; ++k) {
    if (only && *only && std::atoi(only) != k) continue;
    int n = std::min(kPairsPerSequence, pairs - k * kPairsPerSequence);
    try {
      checked += run_sequence(seed, k, n);
    } catch (const Failure& f) {
      ++failed;
      FAIL_CHECK(f.what);
      if (failed >= 3) break;  // enough to work on
    }
  }
  double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  MESSAGE(fmt::format("random schemas: seed {}, {} pairs checked in {:.1f} s, {} sequence(s) failed", seed, checked,
                      secs, failed));
}

TEST_CASE("random schemas: the generator is deterministic and its texts pass check") {
  for (uint64_t seed : {1u, 2u, 3u, 42u}) {
    RandomSchema a(seed), b(seed);
    a.randomize();
    b.randomize();
    CHECK(a.dsl() == b.dsl());
    for (int i = 0; i < 30; ++i) {
      CHECK(a.edit() == b.edit());
      CHECK(a.dsl() == b.dsl());
      Loaded l = load_dsl_text("gen.dsl", a.dsl());
      std::ostringstream d;
      print_diagnostics(l, d);
      CHECK_MESSAGE(l.ok(), "seed " << seed << " edit " << i << ":\n" << a.dsl() << d.str());
      a.settle();
      b.settle();
    }
  }
}
