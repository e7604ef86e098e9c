#pragma once
// Help ▸ User Guide: the guide's Markdown pages (resources/guide, built into the program) in a
// browser window with Back, Forward and Contents, in the interface's language. The same pages
// are the guide on GitHub, so links between sections are GitHub's heading anchors; this window
// resolves them itself.
#include <QDialog>
#include <QTextBrowser>

class GuideBrowser : public QTextBrowser {
    Q_OBJECT
public:
    using QTextBrowser::QTextBrowser;
    QVariant loadResource(int type, const QUrl &name) override; // screenshots fitted to the page
    // Scrolls to the heading whose GitHub anchor is `fragment`; false if there is none.
    bool scrollToHeading(const QString &fragment);
    static QString anchorOf(const QString &heading);
};

class UserGuide : public QDialog {
    Q_OBJECT
public:
    explicit UserGuide(QWidget *parent = nullptr);
    // The guide's first page for a locale: Chinese for zh*, English otherwise.
    static QUrl home(const QLocale &locale);
    GuideBrowser *browser() const { return m_browser; }
    void follow(const QUrl &link);

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    GuideBrowser *m_browser;
};
