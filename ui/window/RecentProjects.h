#pragma once
// File ▸ Open Recent: the last projects opened or saved (QSettings "recentProjects").
#include <QObject>
#include <QString>

class QMenu;

class RecentProjects : public QObject {
    Q_OBJECT
public:
    static constexpr int kMax = 8;
    explicit RecentProjects(QMenu *menu, QObject *parent = nullptr);
    void add(const QString &path);
    QStringList paths() const;

signals:
    void openRequested(const QString &path);

private:
    void rebuild();
    QMenu *m_menu;
};
