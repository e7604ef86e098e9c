#pragma once
// A column as the numbers or dates a role needs: a number (date) column as it is, a text column
// read cell by cell; the first cell that cannot be read gives an error naming its row and column.
#include "core/error.h"
#include "core/table/table.h"

#include <string>
#include <string_view>
#include <vector>

namespace vs {

// A column's values as numbers, for a role that needs numbers. A text column is read cell by
// cell; the first cell that is not a number gives an error naming its row and column.
// With `unreadable`, a cell that is not a number becomes missing instead, and `unreadable` says
// how many there were and the first one (a warning to give).
struct UnreadableCells {
    size_t count = 0;
    int64_t firstRow = -1;
    std::string firstCell;
};
Result<std::vector<double>> numericValues(const Table &table, std::string_view column, const std::string &file,
                                          UnreadableCells *unreadable = nullptr);

// A column's values as dates (days since 1970-01-01). Numbers like 19970101 are read as yyyymmdd.
Result<std::vector<double>> dateValues(const Table &table, std::string_view column, const std::string &file);

} // namespace vs
