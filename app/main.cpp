// ValueScope: the command line decides between a window and a headless run.
#include "headless.h"

#include "core/io/workbook_readers.h"
#include "core/messages.h"
#include "core/process.h"

#include <QCoreApplication>
#ifdef VALUESCOPE_GUI
#include <QApplication>
#endif
#include <memory>
#include <QStringList>

#include <cstdlib>
#include <cstring>
#include <unistd.h>
#include <iostream>
#include <new>
#include <stdexcept>

#ifdef VALUESCOPE_GUI
#include "ui/gui_main.h"
#endif

int main(int argc, char *argv[])
{
    // the .xls reader runs in a child, this program in its reader mode (core/io/xls_reader.cpp)
    if (vs::isXlsReaderMode(argc, argv))
        return vs::xlsReaderMain(argc, argv);
    vs::restartWithTunedAllocator(argv);
    vs::setHelperExecutable(vs::ownExecutable());
    const char *cmd = argc > 1 ? argv[1] : "";
    if (std::strcmp(cmd, "--version") == 0 || std::strcmp(cmd, "-v") == 0) {
        std::cout << "valuescope " << VALUESCOPE_VERSION << std::endl;
        return 0;
    }
    if (std::strcmp(cmd, "inspect") == 0 || std::strcmp(cmd, "run") == 0) {
        std::unique_ptr<QCoreApplication> appPtr;
        // stderr carries our one message per problem; Qt's own notes (e.g. about the off-screen
        // surface) are not for the user of a command line
        qInstallMessageHandler([](QtMsgType type, const QMessageLogContext &, const QString &msg) {
            if (type == QtCriticalMsg || type == QtFatalMsg)
                std::cerr << "valuescope: " << msg.toStdString() << std::endl;
        });
#ifdef VALUESCOPE_GUI
        // charts and reports are drawn with Qt's widgets, on an off-screen surface: no display needed
        bool draws = false;
        for (int i = 2; i < argc; ++i)
            draws |= std::strncmp(argv[i], "--chart", 7) == 0 || std::strncmp(argv[i], "--report", 8) == 0;
        if (draws) {
            if (!std::getenv("QT_QPA_PLATFORM"))
                setenv("QT_QPA_PLATFORM", "offscreen", 1);
            appPtr = std::make_unique<QApplication>(argc, argv);
            useSystemLanguage(); // a report's headings in the reader's language; messages stay English
        }
#endif
        if (!appPtr)
            appPtr = std::make_unique<QCoreApplication>(argc, argv);
        QCoreApplication::setApplicationName(QStringLiteral("valuescope"));
        QCoreApplication::setApplicationVersion(QStringLiteral(VALUESCOPE_VERSION));
        const QStringList args = QCoreApplication::arguments();
        try {
            return std::strcmp(cmd, "inspect") == 0 ? runInspect(args) : runProjectCommand(args);
        } catch (const std::bad_alloc &) {
            std::cerr << "valuescope: " << vs::englishMessage(vs::Msg::OutOfMemory, {}) << std::endl;
        } catch (const std::exception &e) {
            std::cerr << "valuescope: internal error: " << e.what() << std::endl;
        }
        return 2;
    }
    if (std::strcmp(cmd, "--help") == 0 || std::strcmp(cmd, "-h") == 0) {
        std::cout << "Usage:\n"
                     "  valuescope                      open the window\n"
                     "  valuescope FILE                 open a project (.valuescope.json) or a data file\n"
                     "  valuescope inspect DATAFILE [--sheet S]\n"
                     "  valuescope run PROJECT.json [--out customers.csv|.xlsx] [--summary summary.json]\n"
                     "                 [--chart KIND=PATH]... [--report report.pdf]\n"
                     "                 [--out-pseudonymised KEY_ENV] [--early-warnings calls.csv|.xlsx]\n"
                     "  valuescope --version\n"
                     "\nChart kinds, the project file and exit codes: man valuescope.\n";
        return 0;
    }
#ifdef VALUESCOPE_GUI
    return guiMain(argc, argv);
#else
    std::cerr << "valuescope: this build has no window; use 'valuescope run' or 'valuescope inspect'\n";
    return 2;
#endif
}
