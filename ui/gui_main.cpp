#include "gui_main.h"

#include "AnalysisSession.h"
#include "MainWindow.h"
#include "ResourcePaths.h"

#include <QApplication>
#include <QFileInfo>
#include <QLibraryInfo>
#include <QLocale>
#include <QPointer>
#include <QSettings>
#include <QTimer>
#include <QTranslator>

namespace {

// Installs the translation for a locale ("" = the system's); English needs none.
class Translations {
public:
    void apply(const QString &code)
    {
        QCoreApplication::removeTranslator(&m_app);
        QCoreApplication::removeTranslator(&m_qt);
        const QLocale locale = code.isEmpty() ? QLocale::system() : QLocale(code);
        QLocale::setDefault(locale);
        if (locale.language() == QLocale::Chinese) {
            if (m_app.load(QStringLiteral(":/i18n/valuescope_zh_CN.qm")))
                QCoreApplication::installTranslator(&m_app);
            if (m_qt.load(locale, QStringLiteral("qtbase"), QStringLiteral("_"), QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
                QCoreApplication::installTranslator(&m_qt);
        }
    }

private:
    QTranslator m_app, m_qt;
};

} // namespace

void useSystemLanguage()
{
    static Translations translations; // lives as long as the process
    translations.apply(QString());
}

int guiMain(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("ValueScope"));
    QApplication::setOrganizationName(QStringLiteral("ValueScope"));
    QApplication::setApplicationVersion(QStringLiteral(VALUESCOPE_VERSION_STRING));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/valuescope.svg")));
    QGuiApplication::setDesktopFileName(QStringLiteral("org.valuescope.ValueScope")); // taskbar/dock match the menu entry

    Translations translations;
    translations.apply(QSettings().value(QStringLiteral("language")).toString());

    AnalysisSession session;
    QPointer<MainWindow> window;
    std::function<void()> makeWindow;
    makeWindow = [&] {
        window = new MainWindow(&session);
        window->setAttribute(Qt::WA_DeleteOnClose);
        QObject::connect(window, &MainWindow::languageRequested, &app, [&](const QString &code) {
            QSettings().setValue(QStringLiteral("language"), code);
            translations.apply(code);
            // every text of the window comes from tr(): rebuild it in the new language, same session
            QPointer<MainWindow> old = window;
            old->setAttribute(Qt::WA_DeleteOnClose, false);
            const QByteArray geometry = old->saveGeometry(), state = old->saveState();
            makeWindow();
            window->restoreGeometry(geometry);
            window->restoreState(state);
            window->show();
            old->hide();
            old->deleteLater();
        });
        window->show();
    };
    makeWindow();

    const QStringList args = QApplication::arguments();
    const QString toOpen = args.size() > 1 ? args.at(1) : QString();
    if (!toOpen.isEmpty()) {
        if (toOpen.endsWith(QLatin1String(".json"), Qt::CaseInsensitive))
            window->openProject(toOpen);
        else
            QTimer::singleShot(0, window, [&] { window->importFile(toOpen); });
    } else {
        QTimer::singleShot(0, window, [&] {
            window->offerRecovery();
            if (!session.hasData() && !session.isBusy()) {
                const QString sample = sampleProjectPath();
                if (!sample.isEmpty())
                    window->openProject(sample);
            }
        });
    }
    return app.exec();
}
