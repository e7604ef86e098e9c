// Any bytes as a workbook file: the zip container (libzip, the inflater thread, the limits on
// parts), then XLSX or ODS by what the archive holds. Seeds: tests/data/workbooks/*.xlsx, .ods.
#include "fuzz_util.h"

#include "core/io/readers.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const std::string &path = fuzz::scratchFile(".xlsx");
    fuzz::writeScratch(path, std::string_view(reinterpret_cast<const char *>(data), size));
    fuzz::checkRead(vs::readTable(path, vs::ReadOptions{}));
    return 0;
}
