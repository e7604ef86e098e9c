#pragma once
// Reading entries of a zip container (XLSX, ODS) with libzip, within limits that stop zip bombs.
#include "core/error.h"

#include <atomic>
#include <functional>
#include <memory>
#include <string>
#include <vector>

typedef struct zip zip_t;

namespace vs {

struct ZipLimits {
    uint64_t maxEntryBytes = uint64_t(4) << 30; // one entry inflated
    double maxRatio = 250;                      // inflated / compressed, for entries above 64 MiB
};

class ZipArchive {
public:
    static Result<std::shared_ptr<ZipArchive>> open(const std::string &path, ZipLimits limits = {});
    ~ZipArchive();

    bool has(const std::string &name) const;
    uint64_t size(const std::string &name) const; // inflated size as the directory says
    uint64_t compressedSize(const std::string &name) const;

    // Inflates an entry piece by piece into sink (which returns false to stop early).
    Status stream(const std::string &name, const std::function<bool(const char *, size_t)> &sink,
                  const std::atomic<bool> *cancel = nullptr, const std::function<void(double)> &progress = {}) const;
    Result<std::string> read(const std::string &name, uint64_t maxBytes = 256u << 20) const;

private:
    ZipArchive() = default;
    Status check(const std::string &name, uint64_t &declared) const;
    zip_t *m_zip = nullptr;
    std::string m_path;
    ZipLimits m_limits;
};

} // namespace vs
