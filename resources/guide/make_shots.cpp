// Takes the user guide's screenshots from the real window, wizard and dialogs, drawn off screen,
// in English and in Simplified Chinese.
// Build: part of the normal build (target guide_shots). Run from the source tree:
//   QT_QPA_PLATFORM=offscreen build/resources/guide/guide_shots resources/guide/images
#include "ui/AnalysisSession.h"
#include "ui/ExportDialogs.h"
#include "ui/MainWindow.h"
#include "ui/window/ChartTabs.h"
#include "ui/ParametersPanel.h"
#include "ui/ResourcePaths.h"
#include "ui/UserGuide.h"
#include "ui/WhatIfPanel.h"
#include "ui/commands/ProjectCommands.h"
#include "ui/import/ImportWizard.h"

#include <QApplication>
#include <QCheckBox>
#include <QLineEdit>
#include <QDeadlineTimer>
#include <QDir>
#include <QFileInfo>
#include <QIcon>
#include <QLibraryInfo>
#include <QLocale>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTranslator>
#include <QUndoStack>

#include <cstdio>
#include <functional>

namespace {

// Lets the event loop run until the condition holds (at most 20 s).
bool waitUntil(const std::function<bool()> &done)
{
    QDeadlineTimer deadline(20000);
    while (!done()) {
        if (deadline.hasExpired())
            return false;
        QApplication::processEvents(QEventLoop::AllEvents, 20);
    }
    for (int i = 0; i < 5; ++i) // let the views repaint
        QApplication::processEvents();
    return true;
}

bool save(QWidget *w, const QString &path)
{
    const bool ok = w->grab().save(path);
    std::printf("%s %s\n", ok ? "wrote" : "FAILED", qPrintable(path));
    return ok;
}

bool shots(const QString &dir, const QString &sampleDir)
{
    bool ok = true;
    // the main window on the sample
    {
        AnalysisSession session;
        MainWindow window(&session);
        window.resize(1280, 800);
        window.show();
        // the sample as the window opens it in this language (Chinese names in Chinese)
        const bool chinese = QLocale().language() == QLocale::Chinese;
        window.openProject(sampleDir + (chinese ? QStringLiteral("/sample.zh_CN.valuescope.json") : QStringLiteral("/sample.valuescope.json")));
        ok &= waitUntil([&] { return session.results() != nullptr; });
        ok &= save(&window, dir + QStringLiteral("/main.png"));
        ok &= save(window.parametersPanel(), dir + QStringLiteral("/weights.png"));
        // what-if: segments by satisfaction, a baseline, then a heavier service weight
        const QString satisfaction = chinese ? QStringLiteral("满意度") : QStringLiteral("satisfaction");
        session.undoStack()->push(new SetSegmentByCommand(&session, satisfaction));
        ok &= waitUntil([&] { return !session.isBusy() && session.results()->segmentBy == satisfaction.toStdString(); });
        session.setBaseline();
        session.undoStack()->push(new SetWeightCommand(&session, 0, 1, 0.9));
        ok &= waitUntil([&] { return !session.isBusy() && session.comparison() && session.comparison()->changed > 0; });
        ok &= save(window.whatIfPanel(), dir + QStringLiteral("/whatif.png"));
        QTabWidget *tabs = window.chartTabs();
        for (int i = 0; i < tabs->count(); ++i) {
            const QString kind = window.chartTabs()->kindAt(i);
            if (kind == QLatin1String("pareto") || kind == QLatin1String("scatter") || kind == QLatin1String("migration")) {
                tabs->setCurrentIndex(i);
                waitUntil([] { return true; });
                ok &= save(tabs, dir + QStringLiteral("/chart-%1.png").arg(kind));
            }
        }
        ReportDialog report({QStringLiteral("segments"), QStringLiteral("histogram"), QStringLiteral("pareto"),
                             QStringLiteral("scatter"), QStringLiteral("migration")},
                            QObject::tr("Customer value report"), &window);
        report.show();
        waitUntil([] { return true; });
        ok &= save(&report, dir + QStringLiteral("/report-dialog.png"));
        ChartExportDialog chartDialog(&window);
        chartDialog.show();
        waitUntil([] { return true; });
        ok &= save(&chartDialog, dir + QStringLiteral("/export-dialog.png"));
        session.undoStack()->setClean();
    }
    // the guide itself
    {
        UserGuide guide;
        guide.show();
        waitUntil([] { return true; });
        ok &= save(&guide, dir + QStringLiteral("/guide.png"));
    }
    // the import wizard on the sample's data
    {
        AnalysisSession session;
        ImportWizard wizard(&session, sampleDir + QStringLiteral("/customers.csv"));
        wizard.resize(900, 640);
        wizard.show();
        ok &= waitUntil([&] { return wizard.currentPage()->isComplete(); });
        ok &= save(&wizard, dir + QStringLiteral("/wizard-format.png"));
        wizard.next();
        waitUntil([] { return true; });
        ok &= save(&wizard, dir + QStringLiteral("/wizard-layout.png"));
        wizard.next();
        ok &= waitUntil([&] { return wizard.currentId() == ImportWizard::MappingPage && wizard.currentPage()->isComplete(); });
        ok &= save(&wizard, dir + QStringLiteral("/wizard-mapping.png"));
        wizard.next();
        ok &= waitUntil([&] { return wizard.currentPage()->isComplete(); });
        ok &= save(&wizard, dir + QStringLiteral("/wizard-validation.png"));
    }
    // the connection page of a database source (filled in as a user would; not connected)
    {
        AnalysisSession session;
        ImportWizard wizard(&session, QString());
        wizard.resize(900, 640);
        wizard.show();
        waitUntil([] { return true; });
        if (auto *fromDatabase = wizard.currentPage()->findChild<QCheckBox *>(QStringLiteral("fromDatabase")))
            fromDatabase->setChecked(true);
        wizard.next();
        ok &= waitUntil([&] { return wizard.currentId() == ImportWizard::DatabasePage; });
        QWizardPage *page = wizard.currentPage();
        const std::pair<const char *, const char *> fields[] = {
            {"host", "db.example.internal"}, {"database", "crm"}, {"user", "analyst"}, {"passwordEnv", "VALUESCOPE_DB_PASSWORD"}};
        for (const auto &[name, text] : fields)
            if (auto *edit = page->findChild<QLineEdit *>(QLatin1String(name)))
                edit->setText(QLatin1String(text));
        waitUntil([] { return true; });
        ok &= save(&wizard, dir + QStringLiteral("/wizard-database.png"));
    }
    // order lines: RFM and predictive CLV
    {
        AnalysisSession session;
        MainWindow window(&session);
        window.resize(1280, 800);
        window.show();
        window.openProject(sampleDir + QStringLiteral("/cdnow.valuescope.json"));
        ok &= waitUntil([&] { return session.results() != nullptr; });
        ok &= save(&window, dir + QStringLiteral("/orders.png"));
        // eleven RFM segments, and the distribution of predictive CLV on a log scale
        QTabWidget *tabs = window.chartTabs();
        for (int i = 0; i < tabs->count(); ++i) {
            const QString kind = static_cast<ChartTabs *>(tabs)->kindAt(i);
            if (kind == QLatin1String("segments") || kind == QLatin1String("histogram") || kind == QLatin1String("tracking") ||
                kind == QLatin1String("tracking_cumulative") || kind == QLatin1String("model_comparison")) {
                tabs->setCurrentIndex(i);
                waitUntil([] { return true; });
                ok &= save(tabs, dir + QStringLiteral("/chart-%1.png").arg(kind));
            }
        }
    }
    // over time: the migration between two dates and the cohorts (issue 19)
    {
        AnalysisSession session;
        MainWindow window(&session);
        window.resize(1280, 800);
        window.show();
        window.openProject(sampleDir + QStringLiteral("/cdnow_over_time.valuescope.json"));
        ok &= waitUntil([&] { return session.results() != nullptr; });
        QTabWidget *tabs = window.chartTabs();
        for (int i = 0; i < tabs->count(); ++i) {
            const QString kind = static_cast<ChartTabs *>(tabs)->kindAt(i);
            if (kind == QLatin1String("period_migration") || kind == QLatin1String("cohorts")) {
                tabs->setCurrentIndex(i);
                waitUntil([] { return true; });
                ok &= save(tabs, dir + QStringLiteral("/chart-%1.png").arg(kind));
            }
        }
    }
    return ok;
}

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    if (argc < 2) {
        std::fprintf(stderr, "usage: guide_shots OUTPUT_DIR   (writes OUTPUT_DIR/en and OUTPUT_DIR/zh_CN)\n");
        return 2;
    }
    QStandardPaths::setTestModeEnabled(true); // leave the user's settings and recent files alone
    QApplication::setOrganizationName(QStringLiteral("ValueScopeGuide"));
    QApplication::setApplicationName(QStringLiteral("ValueScope"));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/valuescope.svg")));
    const QString sampleDir = QFileInfo(sampleProjectPath()).absolutePath();
    bool ok = true;
    for (const QString code : {QStringLiteral("en"), QStringLiteral("zh_CN")}) {
        QTranslator app, qt;
        QLocale::setDefault(QLocale(code));
        if (code == QLatin1String("zh_CN")) {
            if (app.load(QStringLiteral(":/i18n/valuescope_zh_CN.qm")))
                QCoreApplication::installTranslator(&app);
            if (qt.load(QLocale(code), QStringLiteral("qtbase"), QStringLiteral("_"), QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
                QCoreApplication::installTranslator(&qt);
        }
        const QString dir = QString::fromLocal8Bit(argv[1]) + QLatin1Char('/') + code;
        QDir().mkpath(dir);
        ok &= shots(dir, sampleDir);
        QCoreApplication::removeTranslator(&app);
        QCoreApplication::removeTranslator(&qt);
    }
    return ok ? 0 : 1;
}
