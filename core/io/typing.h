#pragma once
// From cells of text to typed columns: every reader of text cells ends here.
#include "core/error.h"
#include "core/table/cell_parse.h"
#include "core/table/convert.h"
#include "core/table/table.h"

#include <atomic>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace vs {

// A column's cells as the pieces of the text they were read from (on every core), in order.
// at(i) is quick when the cells are visited in order (it remembers the piece of the last one).
struct PieceCells {
    std::vector<std::vector<std::string_view>> parts;
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
        return m_part < parts.size() ? parts[m_part][i - m_base] : std::string_view();
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
