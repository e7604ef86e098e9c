// Structure-aware XLSX: the input is a worksheet's XML and, after a line "====", the shared
// strings' XML; they are wrapped into a valid workbook (with a date style and the 1900 date
// system) so that every input reaches the sheet scanner and the table builder. Seeds: the sheets
// and shared strings of tests/data/workbooks; dictionary xml.dict.
#include "fuzz_util.h"

#include "core/io/readers.h"

namespace {
const char *kStyles =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?><styleSheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
    "<numFmts count=\"1\"><numFmt numFmtId=\"164\" formatCode=\"yyyy-mm-dd\"/></numFmts>"
    "<cellXfs count=\"3\"><xf numFmtId=\"0\"/><xf numFmtId=\"164\"/><xf numFmtId=\"14\"/></cellXfs></styleSheet>";
} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const auto [sheet, shared] = fuzz::split(std::string_view(reinterpret_cast<const char *>(data), size), "\n====\n");
    const std::string &path = fuzz::scratchFile(".xlsx");
    fuzz::writeScratch(path, fuzz::oneSheetXlsx(kStyles, std::string(sheet), std::string(shared)));
    fuzz::checkRead(vs::readTable(path, vs::ReadOptions{}));
    return 0;
}
