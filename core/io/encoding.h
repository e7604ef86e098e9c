#pragma once
// Which encoding a text file is in, and its conversion to UTF-8.
#include "core/error.h"

#include <atomic>
#include <string>
#include <string_view>

namespace vs {

struct DetectedEncoding {
    std::string name; // iconv name: UTF-8, UTF-16LE, UTF-16BE, GB18030, WINDOWS-1252, ...
    size_t bomBytes = 0;
};

bool isValidUtf8(std::string_view bytes);
// Offset of the first byte that does not start a valid UTF-8 character, or npos.
size_t firstInvalidUtf8(std::string_view bytes);
// Valid UTF-8 without a zero byte, in one pass.
bool isUtf8WithoutZeros(std::string_view bytes);

// BOM first; then valid UTF-8; then UTF-16 by its zero bytes; then uchardet. GBK and GB2312 are
// read as GB18030 (a superset), ISO-8859-1 as Windows-1252 (likewise).
// The file is looked at 64 MiB at a time, stopping early (as UTF-8 or not) once *cancel is set.
DetectedEncoding detectEncoding(std::string_view bytes, const std::atomic<bool> *cancel = nullptr);

// Converts to UTF-8. An undecodable byte gives an Encoding error naming the row it is in. Converts
// 64 MiB at a time and stops with Msg::ImportCancelled once *cancel is set.
Result<std::string> convertToUtf8(std::string_view bytes, const DetectedEncoding &enc, const std::string &file,
                                  const std::atomic<bool> *cancel = nullptr);

// That bytes (after a BOM of bomBytes) are UTF-8: an Encoding error naming the row of the first
// byte that is not, Msg::ImportCancelled once *cancel is set.
Status checkUtf8(std::string_view bytes, size_t bomBytes, const std::string &file,
                 const std::atomic<bool> *cancel = nullptr);

// Canonical name for a user-given encoding ("gbk" -> "GB18030", "latin1" -> "WINDOWS-1252").
std::string canonicalEncodingName(std::string_view name);

} // namespace vs
