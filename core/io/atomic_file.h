#pragma once
// Files are written whole or not at all: a temporary file beside the target, renamed at the end.
#include "core/error.h"

#include <fstream>
#include <string>
#include <string_view>

namespace vs {

class AtomicFile {
public:
    explicit AtomicFile(std::string path);
    ~AtomicFile(); // removes the temporary file unless commit() succeeded
    AtomicFile(const AtomicFile &) = delete;
    AtomicFile &operator=(const AtomicFile &) = delete;

    bool isOpen() const { return m_out.is_open(); }
    std::ofstream &stream() { return m_out; }
    const std::string &tempPath() const { return m_temp; }
    Status open();   // creates the temporary file
    Status commit(); // flushes, closes and renames over the target

private:
    std::string m_path, m_temp;
    std::ofstream m_out;
    bool m_committed = false;
};

Status writeFileAtomically(const std::string &path, std::string_view content);

} // namespace vs
