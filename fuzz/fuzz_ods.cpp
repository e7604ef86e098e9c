// Structure-aware ODS: the input is content.xml, wrapped into a valid OpenDocument spreadsheet
// (mimetype first, as the format asks). Repeats, text:s, hidden sheets, value types. Seeds:
// content.xml of tests/data/workbooks/odfpy.ods and the issue-20 reproducers; dictionary ods.dict.
#include "fuzz_util.h"

#include "core/io/readers.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const std::string content(reinterpret_cast<const char *>(data), size);
    const std::string &path = fuzz::scratchFile(".ods");
    fuzz::writeScratch(path, fuzz::zipOf({{"mimetype", "application/vnd.oasis.opendocument.spreadsheet"},
                                          {"content.xml", content}}));
    fuzz::checkRead(vs::readTable(path, vs::ReadOptions{}));
    return 0;
}
