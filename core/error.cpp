#include "error.h"

namespace vs {

std::string Error::describe() const
{
    std::string out;
    if (!file.empty())
        out += file;
    std::string where;
    if (row >= 0)
        where += "row " + std::to_string(row);
    if (!column.empty()) {
        if (!where.empty())
            where += ", ";
        where += "column '" + column + "'";
    }
    if (!where.empty()) {
        if (!out.empty())
            out += ": ";
        out += where;
    }
    if (!out.empty())
        out += ": ";
    out += message;
    return out;
}

} // namespace vs
