#include "csv_reader.h"

#include "core/io/budget.h"
#include "core/io/csv_tokenizer.h"
#include "core/io/encoding.h"
#include "core/io/mapped_file.h"
#include "core/io/rows.h"
#include "core/parallel.h"

#include <algorithm>
#include <cctype>
#include <array>
#include <cstring>
#include <deque>
#include <map>
#include <memory>
#include <span>

namespace vs {

namespace {

struct DelimiterScore {
    char delim = ',';
    int fields = 1;     // modal number of fields
    int consistent = 0; // records with that many fields
};

DelimiterScore scoreDelimiter(std::string_view text, char delim, int sampleRecords)
{
    Tokenizer tok(text, delim);
    Record rec;
    std::map<int, int> counts;
    for (int n = 0; n < sampleRecords && tok.next(rec);) {
        if (rec.blank())
            continue;
        ++counts[int(rec.fields.size())];
        ++n;
    }
    DelimiterScore s{delim, 1, 0};
    for (auto [fields, count] : counts)
        if (count > s.consistent || (count == s.consistent && fields > s.fields))
            s = {delim, fields, count};
    return s;
}

} // namespace

char sniffDelimiter(std::string_view text)
{
    DelimiterScore best{',', 1, 0};
    for (char d : {',', ';', '\t', '|'}) {
        DelimiterScore s = scoreDelimiter(text, d, 200);
        if (s.fields > 1 && (best.fields <= 1 || s.consistent > best.consistent ||
                             (s.consistent == best.consistent && s.fields > best.fields)))
            best = s;
    }
    if (best.fields <= 1) {
        DelimiterScore s = scoreDelimiter(text, ' ', 200);
        if (s.fields > 1)
            best = s;
    }
    return best.delim;
}

namespace {

// Keeps the part of a cell that decides its number format: digits, separators and the sign.
// Rows of a delimited text.
class CsvCursor : public RowCursor {
public:
    CsvCursor(std::string_view text, char delimiter, int64_t firstLine)
        : m_text(text), m_delimiter(delimiter), m_tok(text, delimiter, firstLine), m_size(text.size()) {}
    bool next(Record &rec) override { return m_tok.next(rec); }
    int64_t line() const override { return m_tok.line(); }
    // Cut after a line break near each 1/parts of the rest. A cut inside a quoted field leaves
    // the piece before it ending inside quotes: its error() says so, and the rows are read again
    // in one piece (tableFromRows).
    std::vector<Piece> splitRest(size_t parts) override
    {
        std::vector<Piece> pieces;
        size_t from = m_tok.position();
        const size_t rest = m_text.size() - std::min(from, m_text.size());
        for (size_t k = 1; k <= parts && from < m_text.size(); ++k) {
            size_t to = m_text.size();
            if (k < parts) {
                const size_t nl = m_text.find('\n', std::max(from, m_tok.position() + rest / parts * k));
                to = nl == std::string_view::npos ? m_text.size() : nl + 1;
            }
            pieces.push_back({std::make_unique<CsvCursor>(m_text.substr(from, to - from), m_delimiter, 0), from});
            from = to;
        }
        return pieces;
    }
    std::string_view text() const override { return m_text; }
    double progress() const override { return double(m_tok.position()) / double(std::max<size_t>(1, m_size)); }
    uint64_t bytesRead() const override { return m_tok.position(); }
    std::optional<Error> error() const override
    {
        if (m_tok.unterminatedQuote())
            return makeError(ErrorKind::Format, Msg::UnclosedQuote, {}, {}, m_tok.unterminatedLine());
        return std::nullopt;
    }

private:
    std::string_view m_text;
    char m_delimiter;
    Tokenizer m_tok;
    size_t m_size;
};

} // namespace

Result<ReadResult> readCsvBytes(std::string_view bytes, const std::string &fileName, const ReadOptions &opt)
{
    ReadReport rep;
    rep.format = "csv";

    // zip (xlsx/ods) or OLE (xls) containers are not text
    if ((bytes.substr(0, 4) == std::string_view("PK\x03\x04", 4) ||
         bytes.substr(0, 4) == std::string_view("\xD0\xCF\x11\xE0", 4)) &&
        bytes.find('\0') != std::string_view::npos)
        return makeError(ErrorKind::Format, Msg::WorkbookNotText, {}, fileName);

    DetectedEncoding enc;
    if (opt.encoding.userSet) {
        enc.name = canonicalEncodingName(opt.encoding.value);
        const DetectedEncoding detected = detectEncoding(bytes.substr(0, 4));
        if (detected.bomBytes && (detected.name == enc.name || enc.name == "UTF-16"))
            enc.bomBytes = detected.bomBytes;
    } else {
        enc = detectEncoding(bytes, opt.cancel);
    }
    if (opt.cancel && opt.cancel->load())
        return makeError(ErrorKind::Cancelled, Msg::ImportCancelled, {}, fileName);
    rep.encoding = enc.name;
    if (enc.name.rfind("UTF-16", 0) != 0 && enc.name.rfind("UTF-32", 0) != 0) {
        const std::string_view probe = bytes.substr(0, 1 << 16);
        if (probe.find('\0') != std::string_view::npos)
            return makeError(ErrorKind::Format, Msg::BinaryNotText, {}, fileName);
    }
    // UTF-8 is read in place; other encodings are converted first.
    std::string converted;
    std::string_view text;
    if (enc.name == "UTF-8") {
        // (detectEncoding found it UTF-8 by reading it all, unless a BOM or the user said so)
        if (opt.encoding.userSet || enc.bomBytes)
            VS_TRY(checkUtf8(bytes, enc.bomBytes, fileName, opt.cancel));
        text = bytes.substr(enc.bomBytes);
    } else {
        auto decoded = convertToUtf8(bytes, enc, fileName, opt.cancel);
        if (!decoded)
            return decoded.error();
        converted = std::move(decoded.value());
        text = converted;
    }
    // zero bytes, and the lines (no more rows than that), on every core
    size_t lines = 0;
    {
        const size_t parts = scanParts(text.size());
        std::vector<size_t> newlines(parts, 0);
        std::vector<char> zero(parts, 0);
        parallelFor(parts, [&](size_t k) {
            const std::string_view part = text.substr(text.size() / parts * k,
                                                      k + 1 < parts ? text.size() / parts : std::string_view::npos);
            zero[k] = part.find('\0') != std::string_view::npos;
            newlines[k] = countLineFeeds(part);
        });
        if (std::find(zero.begin(), zero.end(), 1) != zero.end())
            return makeError(ErrorKind::Format, Msg::BinaryZeroBytes, {enc.name}, fileName);
        for (size_t n : newlines)
            lines += n;
    }

    // Excel writes "sep=;" as a first line to name the delimiter.
    int64_t firstLine = 1;
    char excelSep = 0;
    if (text.size() >= 5 && (text.substr(0, 4) == "sep=" || text.substr(0, 4) == "SEP=") &&
        (text.size() == 5 || text[5] == '\n' || text[5] == '\r')) {
        excelSep = text[4];
        size_t nl = text.find('\n');
        text = nl == std::string_view::npos ? std::string_view() : text.substr(nl + 1);
        firstLine = 2;
    }
    rep.delimiter = opt.delimiter.userSet ? opt.delimiter.value : excelSep ? excelSep
                                                                        : sniffDelimiter(text.substr(0, size_t(16) << 20));

    auto open = [&] { return std::unique_ptr<RowCursor>(new CsvCursor(text, rep.delimiter, firstLine)); };
    ReadOptions withEstimate = opt;
    withEstimate.rowEstimate = lines + 1;
    withEstimate.textBytes = text.size();
    return tableFromRows(open, fileName, withEstimate, rep);
}

Result<ReadResult> readCsvFile(const std::string &path, const ReadOptions &options)
{
    // the page cache parsed in place (mapped_file.h)
    auto file = MappedFile::open(path);
    if (!file)
        return file.error();
    auto read = readCsvBytes(file->bytes(), path, options);
    if (file->changed())
        return makeError(ErrorKind::Io, Msg::FileChangedWhileRead, {}, path);
    return read;
}

} // namespace vs
