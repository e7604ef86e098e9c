#include "ResourcePaths.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>

QString sampleProjectPath()
{
    const QString appDir = QCoreApplication::applicationDirPath();
    const QStringList candidates = {
        appDir + QStringLiteral("/../share/valuescope/sample/sample.valuescope.json"),
        QStringLiteral(VALUESCOPE_SOURCE_RESOURCES) + QStringLiteral("/sample/sample.valuescope.json"),
    };
    for (const QString &c : candidates)
        if (QFileInfo::exists(c))
            return QDir::cleanPath(c);
    return {};
}
