#include "ErrorText.h"

#include <QCoreApplication>
#include <QLocale>

#include <algorithm>
#include <cctype>

std::string localizedSentence(vs::Msg code, const std::vector<std::string> &argsAsGiven)
{
    // the count ("65535 rows") with the locale's thousands separator; row numbers and names as given
    std::vector<std::string> args = argsAsGiven;
    const vs::MessageInfo &info = vs::messageInfo(code);
    if (info.countArg > 0 && size_t(info.countArg) <= args.size()) {
        std::string &n = args[size_t(info.countArg) - 1];
        if (!n.empty() && n.size() < 19 && std::all_of(n.begin(), n.end(), [](unsigned char c) { return std::isdigit(c); }))
            n = QLocale().toString(qulonglong(std::stoull(n))).toStdString();
    }
    const char *text = info.text;
    const QString translated = QCoreApplication::translate(vs::kMessageContext, text);
    if (translated == QString::fromUtf8(text)) {
        // no translation: the engine's own words, singular or plural; where the command line's
        // English names a project-file key, the window's names the control (the template)
        if (info.english && !info.countArg)
            return vs::fillTemplate(text, args);
        return vs::englishMessage(code, args);
    }
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
