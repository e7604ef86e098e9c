#include "ResourcePaths.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QLocale>

QString sampleProjectPath()
{
    const QString appDir = QCoreApplication::applicationDirPath();
    // in Chinese, the same sample with Chinese segment names, strategies and score names
    QStringList names = {QStringLiteral("sample.valuescope.json")};
    if (QLocale().language() == QLocale::Chinese)
        names.prepend(QStringLiteral("sample.zh_CN.valuescope.json"));
    for (const QString &name : names)
        for (const QString &dir : {appDir + QStringLiteral("/../share/valuescope/sample/"),
                                   QStringLiteral(VALUESCOPE_SOURCE_RESOURCES) + QStringLiteral("/sample/")})
            if (QFileInfo::exists(dir + name))
                return QDir::cleanPath(dir + name);
    return {};
}
