#include "csv_reader.h"

#include "core/io/budget.h"
#include "core/io/encoding.h"
#include "core/io/rows.h"

#include <algorithm>
#include <cctype>
#include <array>
#include <deque>
#include <fstream>
#include <map>
#include <span>

namespace vs {

namespace {

class Tokenizer {
public:
    Tokenizer(std::string_view text, char delimiter, int64_t firstLine = 1)
        : m_text(text), m_delim(delimiter), m_line(firstLine) {}

    size_t position() const { return m_pos; }
    bool atEnd() const { return m_pos >= m_text.size(); }
    bool unterminatedQuote() const { return m_unterminated; }
    int64_t unterminatedLine() const { return m_unterminatedLine; }

    bool next(Record &rec)
    {
        rec.fields.clear();
        rec.dataBeyond = false;
        if (m_pos >= m_text.size())
            return false;
        rec.line = m_line;
        const bool blanks = m_delim == ' ';
        if (blanks)
            skipBlanks();
        for (;;) {
            std::string_view field;
            bool endOfRecord = false;
            if (m_pos < m_text.size() && m_text[m_pos] == '"') {
                field = quotedField();
                // text after the closing quote stays with the field ("abc"def -> abcdef)
                if (!blanks && m_pos < m_text.size() && m_text[m_pos] != m_delim && m_text[m_pos] != '\n' &&
                    m_text[m_pos] != '\r') {
                    const size_t start = m_pos;
                    while (m_pos < m_text.size() && m_text[m_pos] != m_delim && m_text[m_pos] != '\n' &&
                           m_text[m_pos] != '\r')
                        ++m_pos;
                    std::string &joined = m_arena.emplace_back(field);
                    joined.append(m_text.substr(start, m_pos - start));
                    field = joined;
                }
            } else {
                const size_t start = m_pos;
                const char *p = m_text.data() + m_pos;
                const char *end = m_text.data() + m_text.size();
                if (blanks) {
                    while (p < end && *p != ' ' && *p != '\t' && *p != '\n' && *p != '\r')
                        ++p;
                } else {
                    while (p < end && *p != m_delim && *p != '\n' && *p != '\r')
                        ++p;
                }
                m_pos = size_t(p - m_text.data());
                field = trimField(m_text.substr(start, m_pos - start));
            }
            // fields past the last column a table can have are not kept (a line of a million
            // commas is not a million cells)
            const bool kept = rec.fields.size() < budget::kMaxColumns;
            if (kept)
                rec.fields.push_back(field);
            else
                rec.dataBeyond |= !field.empty();
            // after the field: delimiter, end of line or end of text
            if (blanks)
                skipBlanks();
            if (m_pos >= m_text.size()) {
                endOfRecord = true;
            } else if (m_text[m_pos] == '\n' || m_text[m_pos] == '\r') {
                if (m_text[m_pos] == '\r' && m_pos + 1 < m_text.size() && m_text[m_pos + 1] == '\n')
                    ++m_pos;
                ++m_pos;
                ++m_line;
                endOfRecord = true;
            } else if (!blanks && m_text[m_pos] == m_delim) {
                ++m_pos;
            }
            // (with blanks as the delimiter the next field starts here)
            if (endOfRecord)
                break;
        }
        return true;
    }

private:
    void skipBlanks()
    {
        while (m_pos < m_text.size() && (m_text[m_pos] == ' ' || m_text[m_pos] == '\t'))
            ++m_pos;
    }
    std::string_view trimField(std::string_view f) const
    {
        while (!f.empty() && (f.front() == ' ' || (f.front() == '\t' && m_delim != '\t')))
            f.remove_prefix(1);
        while (!f.empty() && (f.back() == ' ' || (f.back() == '\t' && m_delim != '\t')))
            f.remove_suffix(1);
        return f;
    }
    std::string_view quotedField()
    {
        const int64_t startLine = m_line;
        ++m_pos; // opening quote
        const size_t start = m_pos;
        std::string *unescaped = nullptr;
        size_t runStart = start;
        while (m_pos < m_text.size()) {
            const char c = m_text[m_pos];
            if (c == '"') {
                if (m_pos + 1 < m_text.size() && m_text[m_pos + 1] == '"') { // "" -> "
                    if (!unescaped)
                        unescaped = &m_arena.emplace_back();
                    unescaped->append(m_text.substr(runStart, m_pos + 1 - runStart));
                    m_pos += 2;
                    runStart = m_pos;
                    continue;
                }
                std::string_view result;
                if (unescaped) {
                    unescaped->append(m_text.substr(runStart, m_pos - runStart));
                    result = *unescaped;
                } else {
                    result = m_text.substr(start, m_pos - start);
                }
                ++m_pos; // closing quote
                if (m_delim != ' ')
                    while (m_pos < m_text.size() && m_text[m_pos] == ' ')
                        ++m_pos;
                return result;
            }
            if (c == '\n')
                ++m_line;
            else if (c == '\r' && !(m_pos + 1 < m_text.size() && m_text[m_pos + 1] == '\n'))
                ++m_line;
            ++m_pos;
        }
        m_unterminated = true;
        m_unterminatedLine = startLine;
        return m_text.substr(start);
    }

    std::string_view m_text;
    char m_delim;
    size_t m_pos = 0;
    int64_t m_line;
    bool m_unterminated = false;
    int64_t m_unterminatedLine = 0;
    std::deque<std::string> m_arena;
};

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

// Keeps the part of a cell that decides its number format: digits, separators and the sign.
// Rows of a delimited text.
class CsvCursor : public RowCursor {
public:
    CsvCursor(std::string_view text, char delimiter, int64_t firstLine) : m_tok(text, delimiter, firstLine), m_size(text.size()) {}
    bool next(Record &rec) override { return m_tok.next(rec); }
    double progress() const override { return double(m_tok.position()) / double(std::max<size_t>(1, m_size)); }
    uint64_t bytesRead() const override { return m_tok.position(); }
    std::optional<Error> error() const override
    {
        if (m_tok.unterminatedQuote())
            return makeError(ErrorKind::Format, Msg::UnclosedQuote, {}, {}, m_tok.unterminatedLine());
        return std::nullopt;
    }

private:
    Tokenizer m_tok;
    size_t m_size;
};

} // namespace

Result<ReadResult> readCsvBytes(std::string_view bytes, const std::string &fileName, const ReadOptions &opt)
{
    ReadReport rep;
    rep.format = "csv";

    if (bytes.find('\0') != std::string_view::npos && bytes.size() >= 4) {
        // zip (xlsx/ods) or OLE (xls) containers are not text
        if (bytes.substr(0, 4) == std::string_view("PK\x03\x04", 4) ||
            bytes.substr(0, 4) == std::string_view("\xD0\xCF\x11\xE0", 4))
            return makeError(ErrorKind::Format, Msg::WorkbookNotText, {}, fileName);
    }

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
        VS_TRY(checkUtf8(bytes, enc.bomBytes, fileName, opt.cancel));
        text = bytes.substr(enc.bomBytes);
    } else {
        auto decoded = convertToUtf8(bytes, enc, fileName, opt.cancel);
        if (!decoded)
            return decoded.error();
        converted = std::move(decoded.value());
        text = converted;
    }
    if (text.find('\0') != std::string::npos)
        return makeError(ErrorKind::Format, Msg::BinaryZeroBytes, {enc.name}, fileName);

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
    withEstimate.rowEstimate = size_t(std::count(text.begin(), text.end(), '\n')) + 1;
    return tableFromRows(open, fileName, withEstimate, rep);
}

Result<ReadResult> readCsvFile(const std::string &path, const ReadOptions &options)
{
    std::ifstream in(path, std::ios::binary);
    if (!in)
        return makeError(ErrorKind::Io, Msg::FileCannotBeOpenedExists, {}, path);
    in.seekg(0, std::ios::end);
    const std::streamoff size = in.tellg();
    if (size < 0)
        return makeError(ErrorKind::Io, Msg::FileCannotBeRead, {}, path);
    in.seekg(0);
    std::string bytes(size_t(size), '\0');
    if (!in.read(bytes.data(), size))
        return makeError(ErrorKind::Io, Msg::FileCannotBeReadToEnd, {}, path);
    return readCsvBytes(bytes, path, options);
}

} // namespace vs
