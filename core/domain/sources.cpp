#include "sources.h"

#include "core/domain/registry.h"

#include "core/db/db_client.h"
#include "core/domain/translatable.h"

#include <array>

namespace vs {

namespace {
constexpr std::array kSources = {
    SourceKindInfo{"file", QT_TRANSLATE_NOOP("sources", "File"), false, 0, 0, "", nullptr},
    SourceKindInfo{"postgresql", QT_TRANSLATE_NOOP("sources", "PostgreSQL"), true, 5432, 5432,
                   QT_TRANSLATE_NOOP("sources", "TLS (sslmode=verify-full)"), &makePostgresClient},
    SourceKindInfo{"clickhouse", QT_TRANSLATE_NOOP("sources", "ClickHouse"), true, 8123, 8443,
                   QT_TRANSLATE_NOOP("sources", "HTTPS"), &makeClickHouseClient},
};
} // namespace

std::span<const SourceKindInfo> sourceKinds() { return kSources; }

const SourceKindInfo *findSourceKind(std::string_view key) { return findByKey(kSources, key); }

} // namespace vs
