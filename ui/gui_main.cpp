#include "gui_main.h"

#include "MainWindow.h"
#include "ResourcePaths.h"

#include <QApplication>
#include <QFileInfo>
#include <QMessageBox>

int guiMain(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("ValueScope"));
    QApplication::setOrganizationName(QStringLiteral("ValueScope"));
    QApplication::setApplicationVersion(QStringLiteral("0.1.0"));

    MainWindow window;
    window.show();
    const QStringList args = QApplication::arguments();
    QString toOpen = args.size() > 1 ? args.at(1) : sampleProjectPath();
    if (!toOpen.isEmpty()) {
        if (toOpen.endsWith(QLatin1String(".json"), Qt::CaseInsensitive))
            window.openProject(toOpen);
        else
            QMessageBox::information(&window, QObject::tr("ValueScope"),
                                     QObject::tr("Importing a data file directly is not available yet; "
                                                 "open a project (.json) that names it."));
    }
    return app.exec();
}
