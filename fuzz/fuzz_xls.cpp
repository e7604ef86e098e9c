// Any bytes as an .xls file, read as the program reads one: freexl in a child process (this
// harness itself started again in the reader mode), its output checked and typed here. A crash
// of freexl in the child is "this .xls file is damaged"; anything wrong in this process is a
// finding. Inputs whose first byte is 'H' (the start of the reader's output) are also fed to the
// output reader directly, as a child gone wrong could send them. Seeds: tests/data/workbooks/*.xls,
// the issue-20 reproducers and outputs of the reader.
#include "fuzz_util.h"

#include "core/io/readers.h"
#include "core/io/workbook_readers.h"
#include "core/process.h"

#include <cstdlib>
#include <cstring>
#include <unistd.h>

extern "C" int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    if (vs::isXlsReaderMode(*argc, *argv))
        ::_exit(vs::xlsReaderMain(*argc, *argv)); // the child: no fuzzing here
    vs::setHelperExecutable(vs::ownExecutable());
    // the child has no address-space limit under AddressSanitizer: its allocator stands in
    std::string asan = std::getenv("ASAN_OPTIONS") ? std::getenv("ASAN_OPTIONS") : "";
    asan += std::string(asan.empty() ? "" : ":") + "allocator_may_return_null=1:malloc_limit_mb=1024:detect_leaks=0";
    ::setenv("ASAN_OPTIONS", asan.c_str(), 1);
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const std::string_view bytes(reinterpret_cast<const char *>(data), size);
    if (!bytes.empty() && bytes[0] == 'H')
        fuzz::checkRead(vs::readXlsOutput(bytes, "fuzz.xls", vs::ReadOptions{}));
    const std::string &path = fuzz::scratchFile(".xls");
    fuzz::writeScratch(path, bytes);
    fuzz::checkRead(vs::readTable(path, vs::ReadOptions{}));
    return 0;
}
