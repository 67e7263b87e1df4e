#pragma once
// Runtime for generated access code; filled in by the code generation work (roadmap item 2).
namespace schemac::runtime {
const char* version();
}
