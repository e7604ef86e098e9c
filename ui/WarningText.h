#pragma once
// The engine's warnings in the interface's language (see ErrorText.h).
#include "core/error.h"

#include <QString>
#include <QStringList>

#include <vector>

QString localizedWarning(const vs::Diagnostic &warning);
QStringList localizedWarnings(const std::vector<vs::Diagnostic> &warnings);
