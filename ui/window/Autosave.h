#pragma once
// Autosave and recovery: every minute an edited analysis is written to the application's data
// folder; a window that closes normally removes it; the next start after a crash offers it.
#include <QObject>
#include <QString>

class AnalysisSession;
class QTimer;
class QWidget;

class Autosave : public QObject {
    Q_OBJECT
public:
    Autosave(AnalysisSession *session, QObject *parent = nullptr);
    QString path() const;
    void setInterval(int ms);
    void save();   // now, if there is an edited analysis
    void remove(); // the file and its note in the settings
    // An autosave left by a crash: asks (parent of the question) whether to recover it; if so,
    // emits recoverRequested with the autosave and the project it belonged to (maybe none).
    void offerRecovery(QWidget *parent);

signals:
    void recoverRequested(const QString &autosavePath, const QString &originalProject);

private:
    AnalysisSession *m_session;
    QTimer *m_timer;
};
