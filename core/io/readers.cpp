#include "readers.h"

#include "core/io/budget.h"
#include "core/io/csv_reader.h"
#include "core/io/workbook_readers.h"
#include "core/io/zip_archive.h"

#include <algorithm>
#include <array>
#include <filesystem>
#include <fstream>
#include <new>
#include <stdexcept>

namespace vs {

namespace {

// A zip container: an Excel workbook or an OpenDocument spreadsheet, by what it holds.
Result<ReadResult> readZipWorkbook(const std::string &path, const ReadOptions &options)
{
    VS_TRY_ASSIGN(auto zip, ZipArchive::open(path));
    if (zip->has("xl/workbook.xml"))
        return readXlsxFile(path, options);
    if (zip->has("content.xml"))
        return readOdsFile(path, options);
    return makeError(ErrorKind::Format, Msg::ZipNotWorkbook, {}, path);
}

const std::array<ReaderInfo, 3> kReaders = {{
    {"csv", ".csv .tsv .txt .dat .tab", &readCsvFile},
    {"workbook", ".xlsx .xlsm .ods", &readZipWorkbook},
    {"xls", ".xls", &readXlsFile},
}};

std::string lowerExtension(const std::string &path)
{
    std::string ext = std::filesystem::path(path).extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return char(std::tolower(c)); });
    return ext;
}

} // namespace

bool namedLikeWorkbook(const std::string &path)
{
    const std::string ext = lowerExtension(path);
    return ext == ".xlsx" || ext == ".xlsm" || ext == ".ods" || ext == ".xls";
}

const ReaderInfo *readerFor(const std::string &path, Msg *whyNot)
{
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        if (whyNot)
            *whyNot = std::filesystem::exists(path) ? Msg::FileCannotBeOpenedMayRead : Msg::FileDoesNotExist;
        return nullptr;
    }
    char magic[4] = {};
    in.read(magic, 4);
    const std::string_view head(magic, size_t(in.gcount()));
    if (head == std::string_view("PK\x03\x04", 4))
        return &kReaders[1];
    if (head == std::string_view("\xD0\xCF\x11\xE0", 4))
        return &kReaders[2];
    if (namedLikeWorkbook(path)) {
        // a workbook's name but not a workbook inside: text is read as text, anything else is refused
        if (!head.empty() && head.find('\0') == std::string_view::npos)
            return &kReaders[0];
        if (whyNot)
            *whyNot = head.empty() ? Msg::FileEmpty : Msg::NamedLikeWorkbook;
        return nullptr;
    }
    return &kReaders[0]; // anything else is tried as delimited text
}

Result<ReadResult> readTable(const std::string &path, const ReadOptions &options)
{
    Msg why = Msg::FileCannotBeOpened;
    const ReaderInfo *r = readerFor(path, &why);
    if (!r) {
        const bool io = why == Msg::FileDoesNotExist || why == Msg::FileCannotBeOpenedMayRead;
        return makeError(io ? ErrorKind::Io : ErrorKind::Format, why, {}, path);
    }
    // the memory budget (budget.h) keeps any file within bounds; a file that is simply larger
    // than this computer's memory is said so, on whichever thread it is read
    try {
        auto read = r->read(path, options);
        if (read && std::string_view(r->format) == "csv" && namedLikeWorkbook(path)) // said, never silent
            read->report.warnings.insert(read->report.warnings.begin(),
                                         [&] {
                                             Diagnostic d(Msg::TextNamedLikeWorkbook, {lowerExtension(path)});
                                             d.file = path;
                                             return d;
                                         }());
        return read;
    } catch (const std::bad_alloc &) {
        return budget::outOfMemory(path);
    } catch (const std::length_error &) {
        return budget::outOfMemory(path);
    }
}

} // namespace vs
