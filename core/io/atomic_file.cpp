#include "atomic_file.h"

#include <cstdio>
#include <filesystem>
#include <random>
#include <unistd.h>

namespace vs {

AtomicFile::AtomicFile(std::string path) : m_path(std::move(path))
{
    std::random_device rd;
    m_temp = m_path + ".tmp-" + std::to_string(::getpid()) + "-" + std::to_string(rd() % 1000000);
}

AtomicFile::~AtomicFile()
{
    if (m_out.is_open())
        m_out.close();
    if (!m_committed) {
        std::error_code ec;
        std::filesystem::remove(m_temp, ec);
    }
}

Status AtomicFile::open()
{
    m_out.open(m_temp, std::ios::binary | std::ios::trunc);
    if (!m_out)
        return makeError(ErrorKind::Io, Msg::CannotWriteHere, {}, m_path);
    return Ok{};
}

Status AtomicFile::commit()
{
    m_out.flush();
    const bool good = bool(m_out);
    m_out.close();
    if (!good)
        return makeError(ErrorKind::Io, Msg::WritingFailed, {}, m_path);
    std::error_code ec;
    std::filesystem::rename(m_temp, m_path, ec);
    if (ec)
        return makeError(ErrorKind::Io, Msg::CannotReplaceFile, {ec.message()}, m_path);
    m_committed = true;
    return Ok{};
}

Status writeFileAtomically(const std::string &path, std::string_view content)
{
    AtomicFile f(path);
    if (auto s = f.open(); !s)
        return s;
    f.stream().write(content.data(), std::streamsize(content.size()));
    return f.commit();
}

} // namespace vs
