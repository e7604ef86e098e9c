#include "convert.h"

#include "core/table/cell_parse.h"

namespace vs {

Result<std::vector<double>> numericValues(const Table &table, std::string_view column, const std::string &file,
                                          UnreadableCells *unreadable)
{
    const Column *col = table.find(column);
    if (!col)
        return makeError(ErrorKind::Project, Msg::NoSuchColumn, {std::string(column)}, file);
    if (col->type == ColumnType::Number)
        return col->numbers();
    if (col->type == ColumnType::Date)
        return makeError(ErrorKind::Value, Msg::DatesNotNumbers, {}, file, -1, col->name);
    const NumberFormat fmt{table.decimal, table.thousands};
    const TextData &texts = col->texts();
    std::vector<double> out(texts.size());
    size_t bad = 0;
    size_t firstBad = 0;
    for (size_t i = 0; i < texts.size(); ++i) {
        double v;
        switch (parseNumber(texts.at(i), fmt, v)) {
        case CellParse::Ok: out[i] = v; break;
        case CellParse::Missing: out[i] = kMissing; break;
        case CellParse::Invalid:
            out[i] = kMissing;
            if (!bad++)
                firstBad = i;
            break;
        }
    }
    if (bad && unreadable) {
        *unreadable = {bad, table.rowNumber(firstBad), std::string(texts.at(firstBad))};
        return out;
    }
    if (bad) {
        const std::string cell(texts.at(firstBad));
        if (bad > 1)
            return makeError(ErrorKind::Value, Msg::NotANumberCount, {cell, std::to_string(bad)}, file,
                             table.rowNumber(firstBad), col->name);
        return makeError(ErrorKind::Value, Msg::NotANumber, {cell}, file, table.rowNumber(firstBad), col->name);
    }
    return out;
}

Result<std::vector<double>> dateValues(const Table &table, std::string_view column, const std::string &file)
{
    const Column *col = table.find(column);
    if (!col)
        return makeError(ErrorKind::Project, Msg::NoSuchColumn, {std::string(column)}, file);
    if (col->type == ColumnType::Date)
        return col->numbers();
    std::vector<double> out(col->size());
    for (size_t i = 0; i < col->size(); ++i) {
        std::string cell = col->cellText(i);
        double v;
        CellParse p = parseDate(cell, DateOrder::Unknown, true, v);
        if (p == CellParse::Invalid)
            return makeError(ErrorKind::Value, Msg::NotADate, {cell}, file, table.rowNumber(i), col->name);
        out[i] = p == CellParse::Ok ? v : kMissing;
    }
    return out;
}

} // namespace vs
