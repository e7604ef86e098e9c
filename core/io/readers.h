#pragma once
// One entry point for every data file: the reader is chosen from a table by content and extension.
#include "core/error.h"
#include "core/io/read_options.h"

#include <string>

namespace vs {

struct ReaderInfo {
    const char *format;     // "csv"
    const char *extensions; // ".csv .tsv .txt"
    Result<ReadResult> (*read)(const std::string &path, const ReadOptions &options);
};

// Which reader takes this file, from its first bytes and then its extension; nullptr if none.
// Whether the file's name says workbook (.xlsx, .xlsm, .ods, .xls), whatever it holds.
bool namedLikeWorkbook(const std::string &path);
const ReaderInfo *readerFor(const std::string &path, Msg *whyNot);

Result<ReadResult> readTable(const std::string &path, const ReadOptions &options);

} // namespace vs
