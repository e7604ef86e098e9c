// Delimited text as the CSV reader takes it (encoding, delimiter, header, quoting, typing).
// Seeds: tests/data/csv and the issue-20 reproducers; dictionary csv.dict.
#include "fuzz_util.h"

#include "core/io/csv_reader.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const std::string_view bytes(reinterpret_cast<const char *>(data), size);
    fuzz::checkRead(vs::readCsvBytes(bytes, "fuzz.csv", vs::ReadOptions{}));
    // a preview, as the import wizard reads one
    vs::ReadOptions preview;
    preview.maxRows = 20;
    fuzz::checkRead(vs::readCsvBytes(bytes, "fuzz.csv", preview));
    return 0;
}
