// Delimited text as the CSV reader takes it (encoding, delimiter, header, quoting, typing).
// Seeds: tests/data/csv and the issue-20 reproducers; dictionary csv.dict.
#include "fuzz_util.h"

#include "core/io/csv_reader.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const std::string_view bytes(reinterpret_cast<const char *>(data), size);
    const auto whole = vs::readCsvBytes(bytes, "fuzz.csv", vs::ReadOptions{});
    fuzz::checkRead(whole);
    // read in three pieces on every core (as a large file is): the same table or error (not for
    // thousands of columns: a third read of those took over libFuzzer's 10 s under ASan, and a
    // wide row is cut into pieces like a narrow one)
    if (!whole || whole->table.columns.size() <= 1024) {
        vs::ReadOptions pieces;
        pieces.splitBytes = 0;
        pieces.pieces = 3;
        fuzz::checkSameRead(whole, vs::readCsvBytes(bytes, "fuzz.csv", pieces));
    }
    // a preview, as the import wizard reads one
    vs::ReadOptions preview;
    preview.maxRows = 20;
    fuzz::checkRead(vs::readCsvBytes(bytes, "fuzz.csv", preview));
    return 0;
}
