#pragma once
// The engine's errors and warnings in the interface's language. core/ gives a code and its
// arguments (core/messages.h); each code's template is translated with Qt's translation system
// (context "messages") and the arguments are set into it. A template without a translation is
// worded as the command line words it (Diagnostic::describe), singular or plural.
#include "core/error.h"

#include <QString>

QString localizedError(const vs::Error &error);              // where (file, row, column) and what
QString localizedMessage(const vs::Diagnostic &diagnostic);  // the what alone
// One sentence: the translated template with the arguments set in, or englishMessage().
std::string localizedSentence(vs::Msg code, const std::vector<std::string> &args);
