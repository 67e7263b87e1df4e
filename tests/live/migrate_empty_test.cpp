// `schemac migrate new NAME --empty` on the real server: a hand-written migration (a data backfill) filled into
// the templates is applied by `up` and reverted by `down`; its snapshot is the previous one, so `plan` (offline
// and against the database) still has nothing to do after it.
#include <doctest/doctest.h>

#include "migrate_project.hpp"

using namespace schemac::test;

namespace {

const std::string kNotes = "table a {\n  id bigint primary key\n  note text?\n}\n";

// The snapshot after its lineage line (which names the snapshot before it, so it always differs).
std::string declared_state(const fs::path& snapshot) {
  std::string text = slurp(snapshot);
  return text.substr(text.find('\n') + 1);
}

void fill(const fs::path& script, const std::string& statement) {
  std::string text = slurp(script);
  auto at = text.find("BEGIN;\n\nCOMMIT;\n");
  REQUIRE_MESSAGE(at != std::string::npos, text);
  text.replace(at, 16, "BEGIN;\n" + statement + "\nCOMMIT;\n");
  spit(script, text);
}

}  // namespace

TEST_CASE("migrate new --empty: a filled-in backfill is applied by up, reverted by down, and plan stays empty") {
  TestDb db(Server::pg15);
  Project p(db);
  p.add("add_a", kNotes);
  REQUIRE(p.migrate("up").exit_code == 0);
  db.exec("INSERT INTO a SELECT g, NULL FROM generate_series(1, 50) g");

  RunResult made = p.run({"migrate", "new", "backfill notes", "--empty"});
  REQUIRE_MESSAGE(made.exit_code == 0, describe(made));
  CHECK(made.out.find("to fill in by hand, then run `schemac migrate hash") != std::string::npos);
  CHECK(declared_state(p.file("0002_backfill_notes.snapshot.dsl")) == declared_state(p.file("0001_add_a.snapshot.dsl")));
  CHECK(slurp(p.file("schemac.sum")).find("0002_backfill_notes.up.sql h1:") != std::string::npos);
  RunResult as_written = p.migrate("up", {"--dry-run"});
  CHECK_MESSAGE(as_written.out == "would apply 0002_backfill_notes\n", describe(as_written));

  fill(p.file("0002_backfill_notes.up.sql"), "UPDATE a SET note = 'n' || id WHERE note IS NULL;");
  fill(p.file("0002_backfill_notes.down.sql"), "UPDATE a SET note = NULL WHERE note = 'n' || id;");
  RunResult unhashed = p.migrate("up");
  CHECK(unhashed.exit_code == 1);
  CHECK_MESSAGE(unhashed.err.find("0002_backfill_notes.up.sql: error: this migration was edited") != std::string::npos,
                describe(unhashed));
  p.rehash();

  RunResult up = p.migrate("up");
  REQUIRE_MESSAGE(up.exit_code == 0, describe(up));
  CHECK(up.out.find("applied 0002_backfill_notes (") == 0);
  CHECK(db.query_value("SELECT count(*) FROM a WHERE note = 'n' || id") == "50");
  CHECK(p.versions() == "1,2");
  RunResult offline = p.run({"plan", "--exit-code"});
  CHECK_MESSAGE(offline.exit_code == 0, describe(offline));
  RunResult live = p.run({"plan", "--db", db.url(), "--exit-code"});
  CHECK_MESSAGE(live.exit_code == 0, describe(live));
  RunResult nothing_new = p.run({"migrate", "new", "again"});
  CHECK(nothing_new.out.find("no changes") == 0);

  RunResult down = p.migrate("down");
  REQUIRE_MESSAGE(down.exit_code == 0, describe(down));
  CHECK(down.out.find("reverted 0002_backfill_notes (") == 0);
  CHECK(db.query_value("SELECT count(*) FROM a WHERE note IS NULL") == "50");
  CHECK(p.versions() == "1");
}
