#pragma once
// The roles a column can play (customer id, revenue, order date, …): one table, read by the
// project reader, the import wizard (names, order, type checks, guessing from English and
// Chinese headers) and the analysis.
#include "core/project/project.h"

#include <map>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace vs {

enum class RoleType {
    Id,     // text or numbers, an identifier (customer, campaign, invoice)
    Number, // needs numbers
    Date,   // needs dates
};

struct RoleInfo {
    const char *key;                   // the project file's name, under source.columns
    const char *label;                 // English, for the window (translation context "roles")
    RoleType type;
    std::vector<Layout> layouts;       // the layouts that ask for it, in the wizard's order
    bool periods = false;              // a list of columns, one per period (revenue_periods, cost_periods)
    std::vector<std::string> exact;    // header names that name it (normalised: lower case, no spaces,
                                       // underscores, hyphens, dots or brackets), best first
    std::vector<std::string> contains; // weaker: the header contains one of these
};

// Every role, single-column roles first, in the order the wizard asks for them.
std::span<const RoleInfo> roles();
const RoleInfo *findRole(std::string_view key);

// The single-column roles a layout uses, in the order the import wizard asks for them.
std::vector<std::string> rolesFor(Layout layout);
// Roles that need numbers (the others may be text).
bool roleNeedsNumbers(const std::string &role);

// role -> column name, for the roles a header clearly names; each column is used once.
std::map<std::string, std::string> guessRoles(const std::vector<std::string> &headers, Layout layout);

// For a file without a header (columns "column 1", …): the order-line roles its data show —
// a date (a date column, or whole numbers that read as yyyymmdd), the customer (the first text or
// whole-number column before the amount), the amount (the last column with decimals). Empty
// when the data do not look like order lines.
std::map<std::string, std::string> guessOrderLineRoles(const struct Table &table);

} // namespace vs
