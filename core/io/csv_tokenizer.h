#pragma once
// The records of delimited text (RFC 4180 with the leniencies real files need: CR, LF or CRLF;
// spaces around unquoted fields; ' ' as delimiter means "any run of blanks", as in fixed-width
// exports such as CDNOW). Shared by the CSV reader and the order-line stream (order_stream.h).
#include "core/io/budget.h"
#include "core/io/rows.h"

#include <deque>
#include <string>
#include <string_view>

namespace vs {

class Tokenizer {
public:
    Tokenizer(std::string_view text, char delimiter, int64_t firstLine = 1)
        : m_text(text), m_delim(delimiter), m_line(firstLine) {}

    size_t position() const { return m_pos; }
    bool atEnd() const { return m_pos >= m_text.size(); }
    bool unterminatedQuote() const { return m_unterminated; }
    int64_t unterminatedLine() const { return m_unterminatedLine; }
    int64_t line() const { return m_line; } // the line the next record starts on

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

// ',', ';', '\t', '|' or ' ', from the shapes of the first records.
char sniffDelimiter(std::string_view text);

} // namespace vs
