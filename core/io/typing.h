#pragma once
// From cells of text to typed columns: every reader of text cells ends here.
#include "core/error.h"
#include "core/table/cell_parse.h"
#include "core/table/convert.h"
#include "core/table/table.h"

#include <algorithm>
#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace vs {

// Where the cells of a read lie: 8 bytes a cell, its place in the text (half a string_view: a
// million rows of 8 columns touch 64 MB less). A cell that is not in the text (a quoted field the
// tokenizer unescaped), longer than 16 MB or past 1 TB in is kept aside as a view, in a list of
// the piece of the text it was read in (each piece's thread adds only to its own list).
class CellText {
public:
    explicit CellText(std::string_view text = {}, size_t pieces = 1)
        : m_base(text.data()), m_size(text.size()), m_aside(std::max<size_t>(1, pieces)) {}
    uint64_t ref(std::string_view s, size_t piece)
    {
        // (addresses compared as integers: a field unescaped elsewhere is not in the text)
        const uintptr_t p = reinterpret_cast<uintptr_t>(s.data()), base = reinterpret_cast<uintptr_t>(m_base);
        const size_t at = size_t(p - base);
        if (s.empty())
            return 0;
        if (p >= base && at <= m_size && s.size() <= m_size - at && at < kOffsetLimit && s.size() < kAside)
            return uint64_t(s.size()) << kOffsetBits | at;
        std::vector<std::string_view> &aside = m_aside[piece];
        aside.push_back(s);
        return uint64_t(kAside) << kOffsetBits | uint64_t(piece) << kIndexBits | (aside.size() - 1);
    }
    std::string_view at(uint64_t r) const
    {
        const size_t length = size_t(r >> kOffsetBits), offset = size_t(r & (kOffsetLimit - 1));
        if (length == kAside)
            return m_aside[offset >> kIndexBits][offset & ((size_t(1) << kIndexBits) - 1)];
        return std::string_view(m_base + offset, length);
    }
    // pieces of a text a read may cut it into (an entry kept aside names its piece in 4 bits)
    static constexpr size_t kMaxPieces = 16;

private:
    static constexpr unsigned kOffsetBits = 40, kIndexBits = 36;
    static constexpr uint64_t kOffsetLimit = uint64_t(1) << kOffsetBits;
    static constexpr size_t kAside = (size_t(1) << (64 - kOffsetBits)) - 1;
    const char *m_base = nullptr;
    size_t m_size = 0;
    std::vector<std::vector<std::string_view>> m_aside;
};

// A column's cells (CellText's refs) in one buffer for the whole column: the pieces of the text,
// read on every core, fill stretches of it in order (a stretch may end in slots left unused).
// One buffer a column, freed when the column is typed, is the room the next column's numbers
// are put in: the typed table touches little fresh memory. at(i) is quick when the cells are
// visited in order (it remembers the stretch of the last one).
class ColumnCells {
public:
    struct Stretch {
        size_t first = 0, count = 0; // slots
    };
    ColumnCells() = default;
    ColumnCells(const CellText *text, size_t room) : m_text(text) { grow(room); }
    uint64_t *refs() { return m_slots.get(); }
    // more slots, the first `keep` as they were
    void grow(size_t room, size_t keep = 0)
    {
        auto bigger = std::make_unique_for_overwrite<uint64_t[]>(std::max<size_t>(1, room));
        if (keep)
            std::copy_n(m_slots.get(), keep, bigger.get());
        m_slots = std::move(bigger);
    }
    void setStretches(std::vector<Stretch> stretches)
    {
        m_stretches = std::move(stretches);
        m_count = 0;
        for (const Stretch &s : m_stretches)
            m_count += s.count;
        m_stretch = m_base = 0;
    }
    size_t size() const { return m_count; }
    std::string_view at(size_t i) const
    {
        if (i < m_base) // back to the start (a second pass)
            m_stretch = 0, m_base = 0;
        while (m_stretch < m_stretches.size() && i - m_base >= m_stretches[m_stretch].count)
            m_base += m_stretches[m_stretch++].count;
        return m_stretch < m_stretches.size() ? m_text->at(m_slots[m_stretches[m_stretch].first + (i - m_base)])
                                               : std::string_view();
    }

private:
    const CellText *m_text = nullptr;
    std::unique_ptr<uint64_t[]> m_slots;
    size_t m_count = 0;
    std::vector<Stretch> m_stretches;
    mutable size_t m_stretch = 0, m_base = 0; // the stretch of the last cell, and its first cell's index
};

// A column is a number column when every non-missing cell is a number, a date column when every
// one is a date; text otherwise. Numbers with leading zeros ("00123") or more than 15 digits are
// identifiers, not quantities, and keep their text.
// fillColumn(c, cells) puts the cells of column c into cells; the columns are typed on every core,
// each taken when a core is free (a column at a time a core keeps memory low).
Table buildTypedTable(const std::vector<std::string> &names, size_t rows,
                      const std::function<void(size_t, ColumnCells &)> &fillColumn, const NumberFormat &fmt,
                      const std::atomic<bool> *cancel, DateOrder *dateOrder);

// The same rule for one column whose cells are already packed as text (workbook columns that
// hold text): a number or date column when every cell reads as one, else the text as it is.
Column typeTextColumn(std::string name, TextData cells, const NumberFormat &fmt, DateOrder *dateOrder);

// "00123" or a number of more than 15 digits: an identifier, not a quantity.
bool identifierLike(std::string_view s);

} // namespace vs
