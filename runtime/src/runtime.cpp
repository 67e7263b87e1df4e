#include "schemac/runtime.hpp"

namespace schemac::runtime {
const char* version() { return "0.1.0"; }
}
