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

// A column is a number column when every non-missing cell is a number, a date column when every
// one is a date; text otherwise. Numbers with leading zeros ("00123") or more than 15 digits are
// identifiers, not quantities, and keep their text.
// fillColumn(c, cells) puts the cells of column c into cells (one column at a time keeps memory low).
Table buildTypedTable(const std::vector<std::string> &names, size_t rows,
                      const std::function<void(size_t, std::vector<std::string_view> &)> &fillColumn,
                      const NumberFormat &fmt, const std::atomic<bool> *cancel, DateOrder *dateOrder);

// The same rule for one column whose cells are already packed as text (workbook columns that
// hold text): a number or date column when every cell reads as one, else the text as it is.
Column typeTextColumn(std::string name, TextData cells, const NumberFormat &fmt, DateOrder *dateOrder);

// "00123" or a number of more than 15 digits: an identifier, not a quantity.
bool identifierLike(std::string_view s);

} // namespace vs
