#pragma once
// The one lookup every vocabulary table (roles, models, parameters, chart kinds, segment methods,
// sources) answers: its entry for a key, or nullptr.
#include <ranges>
#include <string_view>

namespace vs {

template <std::ranges::range Table>
auto findByKey(const Table &table, std::string_view key) -> decltype(&*std::ranges::begin(table))
{
    for (const auto &entry : table)
        if (key == entry.key)
            return &entry;
    return nullptr;
}

} // namespace vs
