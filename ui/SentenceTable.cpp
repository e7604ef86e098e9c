#include "SentenceTable.h"

#include <QCoreApplication>
#include <QStringList>

SentenceTable::SentenceTable(const char *context, std::span<const SentencePattern> patterns)
    : m_context(context), m_patterns(patterns)
{
    for (const SentencePattern &p : patterns)
        m_compiled.emplace_back(QString::fromUtf8(p.regex));
}

QString SentenceTable::translate(const QString &text) const
{
    for (size_t i = 0; i < m_compiled.size(); ++i) {
        const QRegularExpressionMatch m = m_compiled[i].match(text);
        if (!m.hasMatch())
            continue;
        const QString out = QCoreApplication::translate(m_context, m_patterns[i].sentence);
        if (out == QString::fromUtf8(m_patterns[i].sentence))
            return text; // no translation: the engine's own wording (singular/plural right)
        QStringList caps = m.capturedTexts().mid(1);
        while (caps.size() < 4)
            caps << QString();
        // all at once: a name holding "%2" is not taken for a place holder
        switch (m.lastCapturedIndex()) {
        case 0: return out;
        case 1: return out.arg(caps[0]);
        case 2: return out.arg(caps[0], caps[1]);
        case 3: return out.arg(caps[0], caps[1], caps[2]);
        default: return out.arg(caps[0], caps[1], caps[2], caps[3]);
        }
    }
    return text;
}
