#include "Autosave.h"

#include "ui/AnalysisSession.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLocale>
#include <QMessageBox>
#include <QSettings>
#include <QStandardPaths>
#include <QTimer>

Autosave::Autosave(AnalysisSession *session, QObject *parent)
    : QObject(parent), m_session(session), m_timer(new QTimer(this))
{
    m_timer->setInterval(60 * 1000);
    connect(m_timer, &QTimer::timeout, this, &Autosave::save);
    m_timer->start();
}

QString Autosave::path() const
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/autosave/recovery.json");
}

void Autosave::setInterval(int ms)
{
    m_timer->start(ms);
}

void Autosave::save()
{
    if (!m_session->hasData() || !m_session->isModified())
        return;
    QDir().mkpath(QFileInfo(path()).absolutePath());
    vs::Project p = m_session->projectWithBaseline();
    p.source.path = m_session->dataPath().toStdString(); // absolute: the recovery file lives elsewhere
    if (vs::saveProject(p, path().toStdString()).ok()) {
        QSettings settings;
        settings.setValue(QStringLiteral("recovery/project"), m_session->projectPath());
        settings.setValue(QStringLiteral("recovery/time"), QDateTime::currentDateTime());
    }
}

void Autosave::remove()
{
    QFile::remove(path());
    QSettings().remove(QStringLiteral("recovery"));
}

void Autosave::offerRecovery(QWidget *parent)
{
    if (!QFileInfo::exists(path()))
        return;
    const QDateTime when = QSettings().value(QStringLiteral("recovery/time")).toDateTime();
    const auto answer = QMessageBox::question(
        parent, tr("Recover Analysis"),
        tr("ValueScope did not close properly last time. Recover the unsaved analysis from %1?")
            .arg(QLocale().toString(when, QLocale::ShortFormat)),
        QMessageBox::Yes | QMessageBox::No, QMessageBox::Yes);
    if (answer != QMessageBox::Yes) {
        remove();
        return;
    }
    emit recoverRequested(path(), QSettings().value(QStringLiteral("recovery/project")).toString());
}
