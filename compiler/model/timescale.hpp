#pragma once
// TimescaleDB facts every stage shares: the two editions (licenses) and the defaults a hypertable gets when
// the schema says nothing.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/model.hpp"

namespace schemac {

// The TimescaleDB license of a server (`timescaledb.license`) or of a migrations directory (schemac.edition);
// unknown is an offline plan with nothing recorded.
enum class Edition { unknown, apache, timescale };

// "apache", "timescale"; "" for unknown.
std::string_view edition_name(Edition e);
// "apache", "timescale": what --edition and schemac.edition accept.
std::vector<std::string> edition_names();
// The edition a name stands for; nullopt for anything else (including "").
std::optional<Edition> edition_from_name(std::string_view name);

// TimescaleDB's chunk interval for a time column when create_hypertable is given none.
Span default_chunk_interval();

// The hypertable's integer_now function as SQL names it (public.counters_now, quoted where needed); "" for none.
std::string integer_now_ref(const Hypertable& h);

}  // namespace schemac
