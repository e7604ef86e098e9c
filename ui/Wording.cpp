#include "Wording.h"

#include <QCoreApplication>

vs::Translate interfaceWords()
{
    return [](const char *english) { return QCoreApplication::translate("defaults", english).toStdString(); };
}
