#pragma once
// The engine (core/, no Qt) words its warnings in English, with the numbers and names in them.
// This puts them into the interface's language: each known sentence is matched, its numbers and
// names taken out and set into the translated sentence. A warning without a translation (or
// one this does not know) is shown as the engine wrote it.
#include <QString>
#include <QStringList>

#include <string>
#include <vector>

QString localizedWarning(const std::string &english);
QStringList localizedWarnings(const std::vector<std::string> &english);
