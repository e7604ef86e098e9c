#pragma once
// The memory budget of reading a data file (README, "What the data get"): what a file declares
// (a dimension, a repeat count, a record count, a part's size) is a hint, never an allocation;
// what a read holds is bounded by what the file really contains.
//
//   held ≤ kPerInputByte × (bytes of the file read so far, inflated for workbooks) + kAllowance
//
// "Held" is what the reader keeps for the table it builds: its cells (8 bytes a number, a date,
// a text's offset or, for CSV, 16 bytes a cell's view into the text, padded rows included) and
// its text. Every cell the file really holds takes at least one byte of it (a delimiter, a
// digit, markup), so this is also at most 16 bytes and the cell's own text per cell really
// present. A read that would hold more stops with Msg::MemoryBudgetExceeded, at once for a
// declared repeat and within one row otherwise; a std::bad_alloc anywhere in a read becomes
// Msg::OutOfMemory (readTable). Both are exit code 2.
#include "core/error.h"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>

namespace vs::budget {

inline constexpr uint64_t kPerInputByte = 16;
#ifdef VALUESCOPE_FUZZ_ALLOWANCE_MB
// the fuzzing build (CMakeLists.txt, VALUESCOPE_FUZZ): a smaller allowance, so that what the
// budget allows a small input runs within libFuzzer's time limit under the sanitizers
inline constexpr uint64_t kAllowance = uint64_t(VALUESCOPE_FUZZ_ALLOWANCE_MB) << 20;
#else
inline constexpr uint64_t kAllowance = uint64_t(256) << 20;
#endif
// The most any reader sets aside in advance from a declared size (rows a dimension announces,
// text a sample suggests), in all columns together; beyond it the columns grow as cells come.
inline constexpr size_t kReserveBytes = size_t(128) << 20;
// The header is looked for in the first 1,000 rows, or fewer when they hold more than this
// (their cells and text as held while the header is found).
inline constexpr size_t kSampleBytes = size_t(16) << 20;
// Columns past this one (Excel's last, XFD) are not read.
inline constexpr size_t kMaxColumns = 16384;

inline uint64_t limit(uint64_t inputBytes)
{
    return kAllowance + kPerInputByte * std::min<uint64_t>(inputBytes, uint64_t(1) << 56);
}

inline bool allows(uint64_t heldBytes, uint64_t inputBytes)
{
    return heldBytes <= limit(inputBytes);
}

// How many rows of `bytesPerRow` to make room for, from a declared count.
inline size_t reserveRows(size_t declaredRows, size_t bytesPerRow)
{
    return std::min(declaredRows, kReserveBytes / std::max<size_t>(1, bytesPerRow));
}

// Msg::MemoryBudgetExceeded for a read of `inputBytes` so far.
inline Error exceeded(const std::string &file, uint64_t inputBytes)
{
    return makeError(ErrorKind::Format, Msg::MemoryBudgetExceeded,
                     {std::to_string(limit(inputBytes) >> 20), std::to_string((inputBytes + 1023) / 1024)}, file);
}

// Msg::OutOfMemory: what a std::bad_alloc (or a std::length_error from a size no vector can
// have) in a read becomes.
inline Error outOfMemory(const std::string &file)
{
    return makeError(ErrorKind::Format, Msg::OutOfMemory, {}, file);
}

} // namespace vs::budget
