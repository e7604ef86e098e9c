#include "Wording.h"

#include "core/analytics/over_time.h"

#include "core/domain/measures.h"

#include <QCoreApplication>

vs::Translate interfaceWords()
{
    return [](const char *english) { return QCoreApplication::translate("defaults", english).toStdString(); };
}

QString columnTitle(std::string_view column)
{
    static constexpr std::pair<std::string_view, const char *> kOwn[] = {
        {"customer", QT_TRANSLATE_NOOP("measures", "Customer")}, {"campaign", QT_TRANSLATE_NOOP("measures", "Campaign")},
        {"value", QT_TRANSLATE_NOOP("measures", "Value")},       {"segment", QT_TRANSLATE_NOOP("measures", "Segment")},
        {"strategy", QT_TRANSLATE_NOOP("measures", "Strategy")}, {"effect", QT_TRANSLATE_NOOP("measures", "Effect")},
    };
    for (const auto &[key, english] : kOwn)
        if (key == column)
            return QCoreApplication::translate("measures", english);
    if (const char *label = vs::modelColumnLabel(column))
        return QCoreApplication::translate("measures", label);
    return QString::fromUtf8(column.data(), qsizetype(column.size()));
}

QString migrationRowName(const std::string &label)
{
    if (label == vs::kNewCustomersRow)
        return QCoreApplication::translate("PeriodMigrationChart", "(new customers)");
    if (label == vs::kNoSegmentLabel)
        return QCoreApplication::translate("PeriodMigrationChart", "(no segment)");
    return QString::fromStdString(label);
}
