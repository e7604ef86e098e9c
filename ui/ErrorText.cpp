#include "ErrorText.h"

#include <QCoreApplication>

std::string localizedSentence(vs::Msg code, const std::vector<std::string> &args)
{
    const char *text = vs::messageInfo(code).text;
    const QString translated = QCoreApplication::translate(vs::kMessageContext, text);
    if (translated == QString::fromUtf8(text))
        return vs::englishMessage(code, args); // no translation: the engine's own words, singular or plural
    // in one pass: a name holding "%2" is not taken for a place holder
    return vs::fillTemplate(translated.toStdString(), args);
}

QString localizedError(const vs::Error &e)
{
    return QString::fromStdString(e.describe(&localizedSentence));
}

QString localizedMessage(const vs::Diagnostic &d)
{
    return QString::fromStdString(d.message(&localizedSentence));
}
