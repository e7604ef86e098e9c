#pragma once
// Where the data come from: one table of source kinds (a file, or a database engine), read by the
// project reader (source.database.engine), the headless run and the import wizard's connection
// page. Adding an engine: one entry in sources.cpp and its client (core/db/).
#include <span>
#include <string_view>

namespace vs {

class DbClient;

struct SourceKindInfo {
    const char *key;   // "file", or source.database.engine in the project file
    const char *label; // English, for the window (translation context "sources")
    bool isDatabase;
    int defaultPort;      // the server's port without TLS
    int defaultTlsPort;   // with TLS
    const char *tlsLabel; // what TLS means for this engine, for the window
    DbClient *(*makeClient)(); // a new client (caller owns it); null for files
};

std::span<const SourceKindInfo> sourceKinds();
const SourceKindInfo *findSourceKind(std::string_view key);

} // namespace vs
