#include "RecentProjects.h"

#include <QAction>
#include <QFileInfo>
#include <QMenu>
#include <QSettings>

namespace {
const QString kKey = QStringLiteral("recentProjects");
}

RecentProjects::RecentProjects(QMenu *menu, QObject *parent) : QObject(parent), m_menu(menu)
{
    rebuild();
}

QStringList RecentProjects::paths() const
{
    return QSettings().value(kKey).toStringList();
}

void RecentProjects::add(const QString &path)
{
    QStringList recent = paths();
    recent.removeAll(path);
    recent.prepend(path);
    while (recent.size() > kMax)
        recent.removeLast();
    QSettings().setValue(kKey, recent);
    rebuild();
}

void RecentProjects::rebuild()
{
    m_menu->clear();
    const QStringList recent = paths();
    for (int i = 0; i < recent.size(); ++i) {
        const QString path = recent[i];
        QAction *a = m_menu->addAction(QStringLiteral("&%1 %2").arg(i + 1).arg(QFileInfo(path).fileName()));
        a->setToolTip(path);
        connect(a, &QAction::triggered, this, [this, path] { emit openRequested(path); });
    }
    m_menu->setEnabled(!recent.isEmpty());
}
