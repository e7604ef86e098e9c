#include "inspect.h"

#include "core/io/readers.h"

#include <nlohmann/json.hpp>

namespace vs {

Result<std::string> inspectJson(const std::string &path, const ReadOptions &options)
{
    auto read = readTable(path, options);
    if (!read)
        return read.error();
    const ReadReport &rep = read->report;
    const Table &t = read->table;
    nlohmann::ordered_json j;
    j["file"] = path;
    j["format"] = rep.format;
    j["encoding"] = rep.encoding;
    j["delimiter"] = rep.delimiter == 0 ? std::string() : std::string(1, rep.delimiter);
    j["decimal"] = std::string(1, rep.decimal);
    j["thousands"] = rep.thousands ? std::string(1, rep.thousands) : std::string();
    j["header_row"] = rep.headerRow;
    j["date_order"] = rep.dateOrder == DateOrder::DayFirst     ? "day_first"
                      : rep.dateOrder == DateOrder::MonthFirst ? "month_first"
                                                               : "unknown";
    j["sheets"] = rep.sheets;
    j["hidden_sheets"] = rep.hiddenSheets;
    j["sheet"] = rep.sheet;
    auto cols = nlohmann::ordered_json::array();
    for (const Column &c : t.columns) {
        size_t missing = 0;
        for (size_t i = 0; i < c.size(); ++i)
            missing += c.cellMissing(i);
        cols.push_back({{"name", c.name}, {"type", columnTypeName(c.type)}, {"missing", missing}});
    }
    j["columns"] = cols;
    j["rows"] = t.rowCount();
    j["table_bytes"] = t.byteSize();
    j["blank_rows_skipped"] = rep.skippedBlankRows;
    j["warnings"] = describeAll(rep.warnings);
    // every reader gives UTF-8 (issue 20); should a byte slip through, it is shown as U+FFFD, not an error
    return j.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + "\n";
}

} // namespace vs
