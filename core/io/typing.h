#pragma once
// From cells of text to typed columns: every reader of text cells ends here.
#include "core/error.h"
#include "core/table/cell_parse.h"
#include "core/table/convert.h"
#include "core/table/table.h"

#include <atomic>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace vs {

// A column's cells in one piece of a text: where each lies in the piece's text, 8 bytes a cell
// (half a string_view: a million rows of 8 columns touch 64 MB less). A cell that is not in the
// text (a quoted field the tokenizer unescaped), longer than 16 MB or past 1 TB in is kept aside
// as a view.
class CellPart {
public:
    explicit CellPart(std::string_view text = {}) : m_base(text.data()), m_size(text.size()) {}
    size_t size() const { return m_refs.size(); }
    void reserve(size_t n) { m_refs.reserve(n); }
    void push_back(std::string_view s)
    {
        // (addresses compared as integers: a field unescaped elsewhere is not in the text)
        const uintptr_t p = reinterpret_cast<uintptr_t>(s.data()), base = reinterpret_cast<uintptr_t>(m_base);
        const size_t at = size_t(p - base);
        if (s.empty())
            m_refs.push_back(0);
        else if (p >= base && at <= m_size && s.size() <= m_size - at && at < kOffsetLimit && s.size() < kAside)
            m_refs.push_back(uint64_t(s.size()) << kOffsetBits | at);
        else {
            m_refs.push_back(uint64_t(kAside) << kOffsetBits | m_aside.size());
            m_aside.push_back(s);
        }
    }
    std::string_view at(size_t i) const
    {
        const uint64_t r = m_refs[i];
        const size_t length = size_t(r >> kOffsetBits), offset = size_t(r & (kOffsetLimit - 1));
        if (length == kAside)
            return m_aside[offset];
        return std::string_view(m_base + offset, length);
    }

private:
    static constexpr unsigned kOffsetBits = 40;
    static constexpr uint64_t kOffsetLimit = uint64_t(1) << kOffsetBits;
    static constexpr size_t kAside = (size_t(1) << (64 - kOffsetBits)) - 1;
    const char *m_base = nullptr;
    size_t m_size = 0;
    std::vector<uint64_t> m_refs;
    std::vector<std::string_view> m_aside;
};

// A column's cells as the pieces of the text they were read from (on every core), in order.
// at(i) is quick when the cells are visited in order (it remembers the piece of the last one).
struct PieceCells {
    std::vector<CellPart> parts;
    size_t size() const
    {
        size_t n = 0;
        for (const auto &p : parts)
            n += p.size();
        return n;
    }
    std::string_view at(size_t i) const
    {
        if (i < m_base) // back to the start (a second pass)
            m_part = 0, m_base = 0;
        while (m_part < parts.size() && i - m_base >= parts[m_part].size())
            m_base += parts[m_part++].size();
        return m_part < parts.size() ? parts[m_part].at(i - m_base) : std::string_view();
    }

private:
    mutable size_t m_part = 0, m_base = 0; // the piece of the last cell, and its first cell's index
};

// A column is a number column when every non-missing cell is a number, a date column when every
// one is a date; text otherwise. Numbers with leading zeros ("00123") or more than 15 digits are
// identifiers, not quantities, and keep their text.
// fillColumn(c, cells) puts the cells of column c into cells; the columns are typed on every core,
// each taken when a core is free (a column at a time a core keeps memory low).
Table buildTypedTable(const std::vector<std::string> &names, size_t rows,
                      const std::function<void(size_t, PieceCells &)> &fillColumn, const NumberFormat &fmt,
                      const std::atomic<bool> *cancel, DateOrder *dateOrder);

// The same rule for one column whose cells are already packed as text (workbook columns that
// hold text): a number or date column when every cell reads as one, else the text as it is.
Column typeTextColumn(std::string name, TextData cells, const NumberFormat &fmt, DateOrder *dateOrder);

// "00123" or a number of more than 15 digits: an identifier, not a quantity.
bool identifierLike(std::string_view s);

} // namespace vs
