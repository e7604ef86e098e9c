#pragma once
// Errors and warnings for all of core: values, never exceptions; codes and arguments, never
// finished sentences (core/messages.h). describe() words them in English, as the command line
// prints them; the window words them in its language (ui/ErrorText.h).
#include "core/messages.h"

#include <cstdint>
#include <string>
#include <utility>
#include <variant>
#include <vector>

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

// Says one sentence: a code and its arguments in words (englishMessage, or a translation).
using SayFn = std::string (*)(Msg code, const std::vector<std::string> &args);

// What the engine tells a user, a warning or the what of an error: a sentence, what it is about,
// and the sentences it is part of.
struct Diagnostic {
    Msg code = Msg::Count;
    std::vector<std::string> args; // %1, %2…: numbers and names, formatted as the English shows them
    std::string file;              // empty when not about a file
    int64_t row = -1;              // 1-based row as a spreadsheet shows it (header = row 1); -1 if none
    std::string column;            // column name; empty if none
    // Sentences this one is part of, innermost first; each takes the sentence inside as its last
    // argument: "the baseline cannot be computed: %1", "the sheet '%1' cannot be read: %2".
    std::vector<Message> context;

    Diagnostic() = default;
    Diagnostic(Msg c, std::vector<std::string> a = {}) : code(c), args(std::move(a)) {}

    // "'abc' is not a number": the sentence with its context
    std::string message(SayFn say = &englishMessage) const;
    // "customers.csv: row 42, column 'revenue': 'abc' is not a number"
    std::string describe(SayFn say = &englishMessage) const;
};

struct Error : Diagnostic {
    ErrorKind kind = ErrorKind::Format;
    int64_t byteOffset = -1;
};

inline Error makeError(ErrorKind kind, Msg code, std::vector<std::string> args = {}, std::string file = {},
                       int64_t row = -1, std::string column = {})
{
    Error e;
    e.kind = kind;
    e.code = code;
    e.args = std::move(args);
    e.file = std::move(file);
    e.row = row;
    e.column = std::move(column);
    return e;
}

inline Error makeError(ErrorKind kind, Message what, std::string file = {})
{
    return makeError(kind, what.code, std::move(what.args), std::move(file));
}

// The error as part of a larger sentence (Diagnostic::context): within(e, Msg::InSection, {"baseline"})
inline Error within(Error e, Msg code, std::vector<std::string> args = {})
{
    e.context.push_back({code, std::move(args)});
    return e;
}

// Whether the diagnostic is `code` or is said within a sentence `code` (its context).
inline bool isAbout(const Diagnostic &d, Msg code)
{
    if (d.code == code)
        return true;
    for (const Message &m : d.context)
        if (m.code == code)
            return true;
    return false;
}

// Each described in English, as the JSON outputs list warnings.
std::vector<std::string> describeAll(const std::vector<Diagnostic> &diagnostics);

// A value or an error, like arrow::Result.
template <class T>
class [[nodiscard]] Result {
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

// Returns from the calling function with the error of a Result or Status, if it holds one:
//   VS_TRY(writeFileAtomically(path, text));
#define VS_TRY(expr)                                                                                   \
    do {                                                                                               \
        if (auto &&vs_try_result_ = (expr); !vs_try_result_)                                           \
            return vs_try_result_.error();                                                             \
    } while (0)

// Declares `decl` holding the value of a Result, or returns from the calling function with its error:
//   VS_TRY_ASSIGN(auto zip, ZipArchive::open(path));
#define VS_TRY_ASSIGN(decl, expr) VS_TRY_ASSIGN_IMPL_(VS_TRY_CONCAT_(vs_try_result_, __LINE__), decl, expr)
#define VS_TRY_ASSIGN_IMPL_(tmp, decl, expr)                                                           \
    auto tmp = (expr);                                                                                 \
    if (!tmp)                                                                                          \
        return tmp.error();                                                                            \
    decl = std::move(tmp).value()
#define VS_TRY_CONCAT_(a, b) VS_TRY_CONCAT2_(a, b)
#define VS_TRY_CONCAT2_(a, b) a##b
