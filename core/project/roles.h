#pragma once
// Which column plays which role, guessed from header names in English and Chinese.
#include "core/project/project.h"

#include <map>
#include <string>
#include <vector>

namespace vs {

// The roles a layout uses, in the order the import wizard asks for them.
std::vector<std::string> rolesFor(Layout layout);
// Roles that need numbers (the others may be text).
bool roleNeedsNumbers(const std::string &role);

// role -> column name, for the roles a header clearly names; each column is used once.
std::map<std::string, std::string> guessRoles(const std::vector<std::string> &headers, Layout layout);

} // namespace vs
