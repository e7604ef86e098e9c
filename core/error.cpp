#include "error.h"

namespace vs {

std::string Diagnostic::message(SayFn say) const
{
    std::string out = say(code, args);
    for (const Message &outer : context) {
        std::vector<std::string> a = outer.args;
        a.push_back(std::move(out));
        out = say(outer.code, a);
    }
    return out;
}

std::string Diagnostic::describe(SayFn say) const
{
    std::string where;
    if (row >= 0 && !column.empty())
        where = say(Msg::AtRowColumn, {std::to_string(row), column});
    else if (row >= 0)
        where = say(Msg::AtRow, {std::to_string(row)});
    else if (!column.empty())
        where = say(Msg::AtColumn, {column});
    std::string place = file;
    if (!where.empty())
        place = place.empty() ? where : say(Msg::Located, {place, where});
    return place.empty() ? message(say) : say(Msg::Located, {place, message(say)});
}

std::vector<std::string> describeAll(const std::vector<Diagnostic> &diagnostics)
{
    std::vector<std::string> out;
    out.reserve(diagnostics.size());
    for (const Diagnostic &d : diagnostics)
        out.push_back(d.describe());
    return out;
}

} // namespace vs
