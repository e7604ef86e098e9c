#pragma once
// The engine's warnings in the interface's language (see SentenceTable.h); a warning without a
// translation, or one this does not know, is shown as the engine wrote it.
#include <QString>
#include <QStringList>

#include <string>
#include <vector>

QString localizedWarning(const std::string &english);
QStringList localizedWarnings(const std::vector<std::string> &english);
