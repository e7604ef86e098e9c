#pragma once
// One error type for all of core: a value, never an exception.
#include <cstdint>
#include <string>
#include <utility>
#include <variant>

namespace vs {

enum class ErrorKind {
    Io,        // the file cannot be opened or read
    Encoding,  // the bytes are not text in any encoding we know
    Format,    // the file is not a table we can read
    Value,     // a cell holds something other than what its column needs
    Project,   // the project file is wrong
    Model,     // a model cannot be computed from these data
    Cancelled, // the user stopped the work
};

struct Error {
    ErrorKind kind = ErrorKind::Format;
    std::string message;   // written for an analyst: what is wrong and what was expected
    std::string file;      // empty when not about a file
    int64_t row = -1;      // 1-based row as a spreadsheet shows it (header = row 1); -1 if none
    std::string column;    // column name; empty if none
    int64_t byteOffset = -1;

    // "customers.csv: row 42, column 'revenue': 'abc' is not a number"
    std::string describe() const;
};

inline Error makeError(ErrorKind kind, std::string message, std::string file = {},
                       int64_t row = -1, std::string column = {})
{
    Error e;
    e.kind = kind;
    e.message = std::move(message);
    e.file = std::move(file);
    e.row = row;
    e.column = std::move(column);
    return e;
}

// A value or an error, like arrow::Result.
template <class T>
class Result {
public:
    Result(T value) : m_data(std::move(value)) {}
    Result(Error error) : m_data(std::move(error)) {}

    bool ok() const { return m_data.index() == 0; }
    explicit operator bool() const { return ok(); }

    T &value() & { return std::get<0>(m_data); }
    const T &value() const & { return std::get<0>(m_data); }
    T &&value() && { return std::get<0>(std::move(m_data)); }
    T *operator->() { return &value(); }
    const T *operator->() const { return &value(); }
    T &operator*() { return value(); }
    const T &operator*() const { return value(); }

    const Error &error() const { return std::get<1>(m_data); }

private:
    std::variant<T, Error> m_data;
};

// For operations that give nothing back but may fail.
struct Ok {};
using Status = Result<Ok>;

} // namespace vs
