#pragma once
// The engine's errors in the interface's language: where (file, row, column) and what, each
// known sentence translated (see SentenceTable.h); an unknown one is shown as the engine wrote it.
#include "core/error.h"

#include <QString>

QString localizedError(const vs::Error &error);
QString localizedErrorMessage(const std::string &english); // the sentence alone
