#pragma once

#include <string>

namespace vs {

// The program's own executable, which readers run in a separate process start again in a reader
// mode (the .xls reader: xls_reader.cpp). main() sets it from /proc/self/exe, a test to the
// built program (VS_BINARY); empty until set, and such a reader then says it cannot start.
void setHelperExecutable(std::string path);
std::string helperExecutable();
// The path /proc/self/exe names, or "" if it cannot be read.
std::string ownExecutable();

// Tunes glibc's allocator for tables of millions of rows, by starting the program once more with
// GLIBC_TUNABLES set (glibc reads it only at start-up):
//  - transparent huge pages: large tables fault their memory in 512 times less often;
//  - blocks up to 32 MB come from the heap and freed memory stays there (trim at 256 MB), so the
//    vectors a recompute allocates reuse pages instead of being mapped and zeroed afresh;
//  - one arena: results computed on a worker and freed on the UI thread go back to the pool the
//    next recompute draws from (with one arena per thread the first edits after an import
//    took ~110 ms instead of ~30 ms on a million customers).
// On a million customers a live recompute drops from ~76 ms to ~16 ms and an import from ~1.6 s
// to ~0.6 s on the benchmark machine (README). Returns only if nothing was restarted: the
// variable is already set (by the launcher, app/launcher.cpp, by the user or by the first start),
// VALUESCOPE_NO_REEXEC is set, or the exec failed.
void restartWithTunedAllocator(char *argv[]);

} // namespace vs
