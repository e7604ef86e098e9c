#pragma once
// A columnar table: each column is typed (numbers, dates or text), not a grid of strings.
#include <cmath>
#include <cstdint>
#include <limits>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace vs {

inline constexpr double kMissing = std::numeric_limits<double>::quiet_NaN();
inline bool isMissing(double v) { return std::isnan(v); }

enum class ColumnType { Number, Date, Text };
const char *columnTypeName(ColumnType t); // "number", "date", "text"

// Strings packed into one buffer: far smaller than a vector<std::string> for a million ids.
// Offset is the type of the end positions: 64-bit for columns, 32-bit where the text is known
// to stay under 4 GiB (an XLSX's shared strings).
template <class Offset>
class PackedStrings {
public:
    PackedStrings() { m_offsets.push_back(0); }
    size_t size() const { return m_offsets.size() - 1; }
    std::string_view at(size_t i) const
    {
        return std::string_view(m_chars.data() + m_offsets[i], m_offsets[i + 1] - m_offsets[i]);
    }
    void push_back(std::string_view s)
    {
        m_chars.append(s.data(), s.size());
        m_offsets.push_back(Offset(m_chars.size()));
    }
    void pop_back()
    {
        m_offsets.pop_back();
        m_chars.resize(m_offsets.back());
    }
    void reserve(size_t rows, size_t bytes)
    {
        m_offsets.reserve(rows + 1);
        m_chars.reserve(bytes);
    }
    void shrink_to_fit()
    {
        m_offsets.shrink_to_fit();
        m_chars.shrink_to_fit();
    }
    size_t textBytes() const { return m_chars.size(); }
    size_t byteSize() const { return m_chars.capacity() + m_offsets.capacity() * sizeof(Offset); }
    size_t usedBytes() const { return m_chars.size() + m_offsets.size() * sizeof(Offset); }

private:
    std::string m_chars;
    std::vector<Offset> m_offsets;
};

using TextData = PackedStrings<uint64_t>;

struct Column {
    std::string name;
    ColumnType type = ColumnType::Text;
    // Number and Date columns hold doubles (dates: days since 1970-01-01, NaN = missing);
    // Text columns hold strings (empty = missing).
    std::variant<std::vector<double>, TextData> data;

    size_t size() const;
    bool isNumeric() const { return type != ColumnType::Text; }
    const std::vector<double> &numbers() const { return std::get<0>(data); }
    std::vector<double> &numbers() { return std::get<0>(data); }
    const TextData &texts() const { return std::get<1>(data); }
    TextData &texts() { return std::get<1>(data); }
    // The cell as text, for display and export (numbers in shortest exact form).
    std::string cellText(size_t row) const;
    bool cellMissing(size_t row) const;

    static Column numberColumn(std::string name, std::vector<double> values);
    static Column textColumn(std::string name, TextData values);
};

struct Table {
    std::vector<Column> columns;
    // For messages: the spreadsheet row number of data row i is rowNumbers[i]
    // (header = 1). Empty means data row i is spreadsheet row i + 1 + firstDataRowOffset.
    std::vector<int64_t> rowNumbers;
    int64_t firstRowNumber = 2; // spreadsheet row of data row 0 when rowNumbers is empty
    // How numbers were written in the source, to read text cells as numbers later.
    char decimal = '.';
    char thousands = ',';

    size_t rowCount() const { return columns.empty() ? 0 : columns.front().size(); }
    int64_t rowNumber(size_t dataRow) const
    {
        return rowNumbers.empty() ? firstRowNumber + int64_t(dataRow) : rowNumbers[dataRow];
    }
    const Column *find(std::string_view name) const;
    int indexOf(std::string_view name) const;
    size_t byteSize() const;
};

// Shortest decimal text that reads back to exactly the same double, positional from 1e-4 to
// 1e15 (as Python's repr, to 1e15 instead of 1e16), else with an exponent; "" for NaN.
std::string formatNumber(double v);
// The same into buf (at least kNumberTextMax bytes, not terminated); returns its length.
constexpr size_t kNumberTextMax = 64;
size_t formatNumberTo(char *buf, double v);
// ISO date (yyyy-mm-dd, with " HH:MM:SS" when there is a time of day) from days since 1970-01-01.
std::string formatDate(double days);

} // namespace vs
