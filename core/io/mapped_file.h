#pragma once
// A file's bytes mapped into memory, read-only: the text readers parse the page cache in place,
// with no copy and no fresh pages to zero (on this kind of machine a fresh page costs as much as
// the parsing done on it).
//
// A mapped file that another program shortens while it is read would stop the program with
// SIGBUS when the lost pages are touched. A handler catches that for mapped files only: the rest
// of the mapping is replaced with zero bytes, reading goes on, and changed() is true, so the
// reader reports that the file changed instead of what it parsed (Msg::FileChangedWhileRead).
#include "core/error.h"

#include <atomic>
#include <string>
#include <string_view>

namespace vs {

class MappedFile {
public:
    // The whole file; an empty file has empty bytes(). A file that cannot be mapped (a pipe, a
    // file system without mmap) is read into memory instead.
    static Result<MappedFile> open(const std::string &path);
    MappedFile() = default;
    MappedFile(MappedFile &&other) noexcept;
    MappedFile &operator=(MappedFile &&other) noexcept;
    MappedFile(const MappedFile &) = delete;
    MappedFile &operator=(const MappedFile &) = delete;
    ~MappedFile();

    std::string_view bytes() const { return m_bytes; }
    // The file was shortened while mapped: bytes past its new end read as zeros.
    bool changed() const;
    // The pages before this offset are no longer needed: they leave the process's memory (the
    // file's pages stay in the page cache). A streaming reader calls it as it goes.
    void release(size_t upTo);

private:
    void reset();
    std::string_view m_bytes;
    void *m_map = nullptr;     // the mapping, or null
    size_t m_mapLength = 0;
    int m_slot = -1;           // in the SIGBUS handler's table
    size_t m_released = 0;     // bytes released from the start
    std::string m_copy;        // the bytes, when the file could not be mapped
};

} // namespace vs
