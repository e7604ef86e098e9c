#include "csv_reader.h"

#include "core/io/encoding.h"
#include "core/io/typing.h"

#include <algorithm>
#include <cctype>
#include <array>
#include <deque>
#include <fstream>
#include <map>
#include <span>

namespace vs {

namespace {

struct Record {
    std::vector<std::string_view> fields;
    int64_t line = 0; // physical line (1-based) where the record starts
    bool blank() const { return fields.empty() || (fields.size() == 1 && fields[0].empty()); }
};

// A record inside a RecordList: no allocation of its own.
struct RecordView {
    std::span<const std::string_view> fields;
    int64_t line = 0;
};

// All records of a file in three flat arrays (one allocation each, not one per record).
class RecordList {
public:
    void push(const Record &r)
    {
        m_start.push_back(m_fields.size());
        m_fields.insert(m_fields.end(), r.fields.begin(), r.fields.end());
        m_line.push_back(r.line);
    }
    size_t size() const { return m_line.size(); }
    bool empty() const { return m_line.empty(); }
    RecordView operator[](size_t i) const
    {
        const size_t b = m_start[i];
        const size_t e = i + 1 < m_start.size() ? m_start[i + 1] : m_fields.size();
        return {std::span<const std::string_view>(m_fields.data() + b, e - b), m_line[i]};
    }

private:
    std::vector<std::string_view> m_fields;
    std::vector<size_t> m_start;
    std::vector<int64_t> m_line;
};

// RFC 4180 with the leniencies real files need: CR, LF or CRLF; spaces around unquoted fields;
// ' ' as delimiter means "any run of blanks" (as in fixed-width exports such as CDNOW).
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
            rec.fields.push_back(field);
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
            } else if (blanks) {
                // next field starts here
            } else {
                // text after a closing quote: keep it with the field ("abc"def -> abcdef)
                const size_t start = m_pos;
                while (m_pos < m_text.size() && m_text[m_pos] != m_delim && m_text[m_pos] != '\n' &&
                       m_text[m_pos] != '\r')
                    ++m_pos;
                std::string &s = m_arena.emplace_back(rec.fields.back());
                s.append(m_text.substr(start, m_pos - start));
                rec.fields.back() = s;
                continue;
            }
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
        if (s.fields > 1 && s.consistent * 10 >= 9 * std::max(1, s.consistent))
            best = s;
    }
    return best.delim;
}

// Keeps the part of a cell that decides its number format: digits, separators and the sign.
std::string_view numericCore(std::string_view s)
{
    auto keep = [](char c) { return (c >= '0' && c <= '9') || c == '.' || c == ','; };
    size_t b = 0, e = s.size();
    while (b < e && !keep(s[b]))
        ++b;
    while (e > b && !keep(s[e - 1]))
        --e;
    std::string_view core = s.substr(b, e - b);
    bool digit = false;
    for (char c : core) {
        digit |= (c >= '0' && c <= '9');
        if (!keep(c) && c != ' ' && c != '\'')
            return {};
    }
    // around the number only signs, brackets, spaces, % and currency symbols (not words)
    for (std::string_view side : {s.substr(0, b), s.substr(e)})
        for (char c : side)
            if (std::isalpha((unsigned char)c) || c == '/' || c == ':' || c == '"')
                return {};
    return digit ? core : std::string_view();
}

// Decimal comma or point, from the shapes of the numbers in a sample.
char sniffDecimal(const std::vector<RecordView> &records, size_t first)
{
    int comma = 0, point = 0;
    for (size_t r = first; r < records.size(); ++r) {
        for (std::string_view f : records[r].fields) {
            double ignored;
            if (parseDate(f, DateOrder::Unknown, false, ignored) == CellParse::Ok)
                continue; // 31.01.2024 is a date, not a number with thousands
            std::string_view c = numericCore(f);
            if (c.empty())
                continue;
            const size_t lastComma = c.rfind(','), lastDot = c.rfind('.');
            const bool hasComma = lastComma != std::string_view::npos, hasDot = lastDot != std::string_view::npos;
            if (hasComma && hasDot) {
                (lastComma > lastDot ? comma : point) += 2; // 1.234,56 or 1,234.56
            } else if (hasComma) {
                const size_t after = c.size() - lastComma - 1;
                if (std::count(c.begin(), c.end(), ',') > 1)
                    ++point; // 1,234,567
                else if (after != 3)
                    ++comma; // 12,5
            } else if (hasDot) {
                const size_t after = c.size() - lastDot - 1;
                if (std::count(c.begin(), c.end(), '.') > 1)
                    ++comma; // 1.234.567
                else if (after != 3)
                    ++point; // 12.5
            }
        }
    }
    return comma > point ? ',' : '.';
}

enum class Kind { Empty, Number, Date, Text };

Kind cellKind(std::string_view s, const NumberFormat &fmt)
{
    double v;
    CellParse p = parseNumber(s, fmt, v);
    if (p == CellParse::Missing)
        return Kind::Empty;
    if (p == CellParse::Ok)
        return Kind::Number;
    if (parseDate(s, DateOrder::Unknown, false, v) == CellParse::Ok)
        return Kind::Date;
    return Kind::Text;
}

bool yearLike(std::string_view s)
{
    s = trimSpaces(s);
    return s.size() == 4 && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; }) &&
           s >= "1900" && s <= "2100";
}

// Is this record a header? Each column votes by comparing the cell with the column's body.
bool looksLikeHeader(const std::vector<RecordView> &records, size_t candidate, const NumberFormat &fmt)
{
    const RecordView &head = records[candidate];
    int votes = 0;
    bool anyNumber = false, allText = true;
    for (size_t c = 0; c < head.fields.size(); ++c) {
        const Kind h = cellKind(head.fields[c], fmt);
        anyNumber |= h == Kind::Number;
        allText &= h == Kind::Text;
        int numeric = 0, text = 0;
        for (size_t r = candidate + 1; r < records.size(); ++r) {
            if (c >= records[r].fields.size())
                continue;
            const Kind k = cellKind(records[r].fields[c], fmt);
            numeric += (k == Kind::Number || k == Kind::Date);
            text += k == Kind::Text;
        }
        if (numeric + text == 0)
            continue;
        const bool bodyNumeric = numeric >= 4 * text;
        if (bodyNumeric && h == Kind::Text)
            ++votes;
        else if (bodyNumeric && (h == Kind::Number || h == Kind::Date) && !yearLike(head.fields[c]))
            --votes;
    }
    if (votes > 0)
        return true;
    if (votes < 0)
        return false;
    return allText || !anyNumber;
}

} // namespace

Result<ReadResult> readCsvBytes(std::string_view bytes, const std::string &fileName, const ReadOptions &opt)
{
    ReadResult result;
    ReadReport &rep = result.report;
    rep.format = "csv";

    if (bytes.find('\0') != std::string_view::npos && bytes.size() >= 4) {
        // zip (xlsx/ods) or OLE (xls) containers are not text
        if (bytes.substr(0, 4) == std::string_view("PK\x03\x04", 4) ||
            bytes.substr(0, 4) == std::string_view("\xD0\xCF\x11\xE0", 4))
            return makeError(ErrorKind::Format,
                             "this is a spreadsheet workbook, not a text (CSV) file; open it as a workbook",
                             fileName);
    }

    DetectedEncoding enc;
    if (opt.encoding.userSet) {
        enc.name = canonicalEncodingName(opt.encoding.value);
        const DetectedEncoding detected = detectEncoding(bytes);
        if (detected.bomBytes && (detected.name == enc.name || enc.name == "UTF-16"))
            enc.bomBytes = detected.bomBytes;
    } else {
        enc = detectEncoding(bytes);
    }
    rep.encoding = enc.name;
    if (enc.name.rfind("UTF-16", 0) != 0 && enc.name.rfind("UTF-32", 0) != 0) {
        const std::string_view probe = bytes.substr(0, 1 << 16);
        if (probe.find('\0') != std::string_view::npos)
            return makeError(ErrorKind::Format,
                             "the file holds binary data, not text; is it really a CSV file?", fileName);
    }
    // UTF-8 is read in place; other encodings are converted first.
    std::string converted;
    std::string_view text;
    if (enc.name == "UTF-8" && isValidUtf8(bytes.substr(enc.bomBytes))) {
        text = bytes.substr(enc.bomBytes);
    } else {
        auto decoded = convertToUtf8(bytes, enc, fileName);
        if (!decoded)
            return decoded.error();
        converted = std::move(decoded.value());
        text = converted;
    }
    if (text.find('\0') != std::string::npos)
        return makeError(ErrorKind::Format,
                         "the file holds binary data (zero bytes), not text in " + enc.name +
                             "; is it really a CSV file?",
                         fileName);

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
    rep.delimiter = opt.delimiter.userSet ? opt.delimiter.value : excelSep ? excelSep : sniffDelimiter(text);

    // 1. Sniff on the first records: where the header is, how numbers are written.
    const size_t sampleLimit = 1000;
    RecordList records; // the first records only
    {
        Tokenizer tok(text, rep.delimiter, firstLine);
        Record rec;
        while (records.size() < sampleLimit && tok.next(rec))
            if (!rec.blank())
                records.push(rec);
    }
    if (records.empty())
        return makeError(ErrorKind::Format, "the file is empty: it has no rows of data", fileName);

    std::map<size_t, size_t> fieldCounts;
    const size_t sampleEnd = records.size();
    for (size_t i = 0; i < sampleEnd; ++i)
        ++fieldCounts[records[i].fields.size()];
    size_t width = 1, widthCount = 0;
    for (auto [w, n] : fieldCounts)
        if (n > widthCount || (n == widthCount && w > width))
            width = w, widthCount = n;

    NumberFormat fmt;
    size_t headerIndex = 0; // index of the header among the non-blank records (or of the first data record)
    bool hasHeader = true;
    if (opt.headerRow.userSet) {
        hasHeader = opt.headerRow.value > 0;
        const int64_t wantLine = std::max(1, opt.headerRow.value);
        while (headerIndex < records.size() && records[headerIndex].line < wantLine)
            ++headerIndex;
        if (headerIndex >= records.size())
            return makeError(ErrorKind::Format,
                             "the header row " + std::to_string(opt.headerRow.value) + " is past the end of the file",
                             fileName);
    } else {
        while (headerIndex < sampleEnd && records[headerIndex].fields.size() < width &&
               records[headerIndex].fields.size() <= 2 && width > 2)
            ++headerIndex;
    }
    {
        std::vector<RecordView> sample;
        for (size_t i = headerIndex; i < std::min(records.size(), headerIndex + 500); ++i)
            sample.push_back(records[i]);
        rep.decimal = opt.decimal.userSet ? opt.decimal.value : sniffDecimal(sample, 1);
        rep.thousands = rep.decimal == ',' ? '.' : ',';
        fmt = {rep.decimal, rep.thousands};
        if (!opt.headerRow.userSet)
            hasHeader = looksLikeHeader(sample, 0, fmt);
    }
    rep.headerRow = hasHeader ? int(records[headerIndex].line) : 0;
    if (headerIndex > 0)
        rep.warnings.push_back(std::to_string(headerIndex) + " line(s) above the header row were skipped");

    // Column names.
    const size_t firstData = headerIndex + (hasHeader ? 1 : 0);
    const size_t columns = hasHeader ? records[headerIndex].fields.size() : width;
    std::vector<std::string> names(columns);
    {
        std::map<std::string, int> seen;
        int renamed = 0, unnamed = 0;
        for (size_t c = 0; c < columns; ++c) {
            std::string name = hasHeader ? std::string(trimSpaces(records[headerIndex].fields[c])) : std::string();
            if (name.empty()) {
                name = "column " + std::to_string(c + 1);
                unnamed += hasHeader;
            }
            if (int n = ++seen[name]; n > 1) {
                std::string unique;
                int k = n;
                do
                    unique = name + " (" + std::to_string(k++) + ")";
                while (seen.count(unique));
                seen[unique] = 1;
                name = unique;
                ++renamed;
            }
            names[c] = name;
        }
        if (unnamed)
            rep.warnings.push_back(std::to_string(unnamed) + " column(s) have no name in the header; they are called \"column N\"");
        if (renamed)
            rep.warnings.push_back(std::to_string(renamed) + " column name(s) repeat; later ones got a number, e.g. \"name (2)\"");
    }

    // 2. One pass over the whole text, cells straight into their columns.
    const size_t lineEstimate = size_t(std::count(text.begin(), text.end(), '\n')) + 1;
    const size_t rowCap = opt.maxRows ? std::min(opt.maxRows, lineEstimate) : lineEstimate;
    std::vector<std::vector<std::string_view>> cells(columns);
    for (auto &c : cells)
        c.reserve(rowCap);
    std::vector<int64_t> rowNumbers;
    rowNumbers.reserve(rowCap);
    size_t shortRows = 0, longRows = 0, blank = 0, seenRecords = 0;
    int64_t firstShort = 0, firstLong = 0;
    Tokenizer tok(text, rep.delimiter, firstLine);
    Record rec;
    const size_t progressStep = 1 << 16;
    while (tok.next(rec)) {
        if (rec.blank()) {
            ++blank;
            continue;
        }
        if (seenRecords++ < firstData)
            continue;
        if (opt.maxRows && rowNumbers.size() >= opt.maxRows)
            break;
        rowNumbers.push_back(rec.line);
        const size_t n = rec.fields.size();
        for (size_t c = 0; c < columns; ++c)
            cells[c].push_back(c < n ? rec.fields[c] : std::string_view());
        if (n < columns) {
            if (!shortRows++)
                firstShort = rec.line;
        } else if (n > columns) {
            bool extraData = false;
            for (size_t c = columns; c < n; ++c)
                extraData |= !rec.fields[c].empty();
            if (extraData && !longRows++)
                firstLong = rec.line;
        }
        if ((rowNumbers.size() % progressStep) == 0) {
            if (opt.cancel && opt.cancel->load(std::memory_order_relaxed))
                return makeError(ErrorKind::Cancelled, "the import was cancelled", fileName);
            if (opt.progress)
                opt.progress(0.6 * double(tok.position()) / double(std::max<size_t>(1, text.size())));
        }
    }
    if (tok.unterminatedQuote())
        return makeError(ErrorKind::Format, "a quoted field starts here and is never closed (a \" is missing)",
                         fileName, tok.unterminatedLine());
    rep.skippedBlankRows = blank;
    if (shortRows)
        rep.warnings.push_back(std::to_string(shortRows) + " row(s) have fewer fields than the header (first: row " +
                               std::to_string(firstShort) + "); the missing cells are empty");
    if (longRows)
        rep.warnings.push_back(std::to_string(longRows) + " row(s) have more fields than the header (first: row " +
                               std::to_string(firstLong) + "); the extra fields were ignored");

    if (opt.progress)
        opt.progress(0.65);
    const size_t dataRows = rowNumbers.size();
    auto fillColumn = [&](size_t c, std::vector<std::string_view> &out) {
        out.swap(cells[c]); // hand the column over; its memory goes when typing is done
        cells[c].clear();
        cells[c].shrink_to_fit();
        if (opt.progress)
            opt.progress(0.65 + 0.35 * double(c + 1) / double(columns));
    };
    result.table = buildTypedTable(names, dataRows, fillColumn, fmt, opt.cancel, &rep.dateOrder);
    if (opt.cancel && opt.cancel->load())
        return makeError(ErrorKind::Cancelled, "the import was cancelled", fileName);
    // Store row numbers only when they are not simply consecutive.
    bool consecutive = true;
    for (size_t i = 1; i < rowNumbers.size() && consecutive; ++i)
        consecutive = rowNumbers[i] == rowNumbers[0] + int64_t(i);
    if (consecutive) {
        result.table.firstRowNumber = rowNumbers.empty() ? 2 : rowNumbers[0];
    } else {
        result.table.rowNumbers = std::move(rowNumbers);
    }
    if (opt.progress)
        opt.progress(1.0);
    return result;
}

Result<ReadResult> readCsvFile(const std::string &path, const ReadOptions &options)
{
    std::ifstream in(path, std::ios::binary);
    if (!in)
        return makeError(ErrorKind::Io, "the file cannot be opened (does it exist, and may you read it?)", path);
    in.seekg(0, std::ios::end);
    const std::streamoff size = in.tellg();
    if (size < 0)
        return makeError(ErrorKind::Io, "the file cannot be read", path);
    in.seekg(0);
    std::string bytes(size_t(size), '\0');
    if (!in.read(bytes.data(), size))
        return makeError(ErrorKind::Io, "the file cannot be read to its end", path);
    return readCsvBytes(bytes, path, options);
}

} // namespace vs
