#pragma once
// The engine (core/, no Qt) words its warnings and errors in English, with numbers and names in
// them. A SentenceTable puts such sentences into the interface's language: each known sentence
// is matched by a regular expression, its numbers and names taken out and set into the
// translated sentence. A sentence without a translation (or one the table does not know) is
// given back as the engine wrote it.
#include <QRegularExpression>
#include <QString>

#include <span>
#include <vector>

struct SentencePattern {
    const char *regex;    // the engine's sentence, anchored; captures become %1, %2…
    const char *sentence; // the English template, marked with QT_TRANSLATE_NOOP(context, …)
};

class SentenceTable {
public:
    SentenceTable(const char *context, std::span<const SentencePattern> patterns);
    QString translate(const QString &english) const;

private:
    const char *m_context;
    std::span<const SentencePattern> m_patterns;
    std::vector<QRegularExpression> m_compiled;
};
