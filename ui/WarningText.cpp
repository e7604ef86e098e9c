#include "WarningText.h"

#include "ErrorText.h"

QString localizedWarning(const vs::Diagnostic &warning)
{
    return QString::fromStdString(warning.describe(&localizedSentence));
}

QStringList localizedWarnings(const std::vector<vs::Diagnostic> &warnings)
{
    QStringList out;
    for (const vs::Diagnostic &w : warnings)
        out << localizedWarning(w);
    return out;
}
