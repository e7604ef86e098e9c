#include "readers.h"

#include "core/io/csv_reader.h"

#include <algorithm>
#include <array>
#include <filesystem>
#include <fstream>

namespace vs {

namespace {

Result<ReadResult> notYet(const std::string &path, const ReadOptions &)
{
    return makeError(ErrorKind::Format,
                     "Excel and OpenDocument workbooks cannot be read by this version yet; save the sheet as CSV "
                     "(UTF-8) and open that",
                     path);
}

const std::array<ReaderInfo, 2> kReaders = {{
    {"csv", ".csv .tsv .txt .dat .tab", &readCsvFile},
    {"workbook", ".xlsx .xlsm .xls .ods", &notYet},
}};

std::string lowerExtension(const std::string &path)
{
    std::string ext = std::filesystem::path(path).extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return char(std::tolower(c)); });
    return ext;
}

} // namespace

const ReaderInfo *readerFor(const std::string &path, std::string *whyNot)
{
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        if (whyNot)
            *whyNot = std::filesystem::exists(path) ? "the file cannot be opened (may you read it?)"
                                                    : "the file does not exist";
        return nullptr;
    }
    char magic[4] = {};
    in.read(magic, 4);
    const std::string_view head(magic, size_t(in.gcount()));
    if (head == std::string_view("PK\x03\x04", 4) || head == std::string_view("\xD0\xCF\x11\xE0", 4))
        return &kReaders[1];
    const std::string ext = lowerExtension(path);
    for (const ReaderInfo &r : kReaders) {
        const std::string_view exts(r.extensions);
        if (!ext.empty() && exts.find(ext) != std::string_view::npos) {
            if (&r == &kReaders[1] && !head.empty())
                break; // a workbook extension but not a workbook inside: read it as text
            return &r;
        }
    }
    return &kReaders[0]; // anything else is tried as delimited text
}

Result<ReadResult> readTable(const std::string &path, const ReadOptions &options)
{
    std::string why;
    const ReaderInfo *r = readerFor(path, &why);
    if (!r)
        return makeError(ErrorKind::Io, why, path);
    return r->read(path, options);
}

} // namespace vs
