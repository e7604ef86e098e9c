#pragma once
// Pseudonymisation for sharing results outside the team: every customer id becomes
// HMAC-SHA256(key, id) as hex, its first 16 characters, so the same id under the same key always
// gives the same pseudonym (lists can be matched back in the CRM by whoever holds the key), and
// columns that look like names, e-mail addresses, phone numbers or postal addresses are left out.
// This is pseudonymisation, not anonymisation: with the key, or with enough other columns, people
// can be found again.
#include "core/error.h"
#include "core/io/results_writer.h"

#include <string>
#include <string_view>

namespace vs {

// The first 16 hex characters of HMAC-SHA256(key, id).
std::string pseudonym(std::string_view key, std::string_view id);
// Whether a column name looks like personal contact data (name, e-mail, phone, address), in
// English or Chinese. A "segment" or "value" column is not personal.
bool looksPersonal(std::string_view column);
// The table with column idColumn pseudonymised and the personal-looking columns left out.
OutputTable pseudonymised(OutputTable t, size_t idColumn, std::string key);
// The key from the environment variable `variable`; Msg::PseudonymKeyMissing when it is unset or empty.
Result<std::string> pseudonymKeyFrom(const std::string &variable);

} // namespace vs
