#include "UserGuide.h"

#include <QCloseEvent>
#include <QDesktopServices>
#include <QImage>
#include <QLocale>
#include <QScrollBar>
#include <QSettings>
#include <QAbstractTextDocumentLayout>
#include <QTextBlock>
#include <QToolBar>
#include <QVBoxLayout>

namespace {
constexpr int kMaxImageWidth = 860; // logical pixels: the window's default width less margins
}

QVariant GuideBrowser::loadResource(int type, const QUrl &name)
{
    QVariant v = QTextBrowser::loadResource(type, name);
    if (type == QTextDocument::ImageResource) {
        QImage image = v.value<QImage>();
        if (image.isNull())
            image.loadFromData(v.toByteArray());
        if (!image.isNull() && image.width() > kMaxImageWidth)
            return image.scaledToWidth(kMaxImageWidth, Qt::SmoothTransformation);
        if (!image.isNull())
            return image;
    }
    return v;
}

// GitHub's anchors: lower case, letters (any script), digits, '-' and '_' kept, spaces to '-'.
QString GuideBrowser::anchorOf(const QString &heading)
{
    QString out;
    for (const QChar c : heading) {
        if (c.isLetterOrNumber() || c == QLatin1Char('_') || c == QLatin1Char('-'))
            out += c.toLower();
        else if (c == QLatin1Char(' '))
            out += QLatin1Char('-');
    }
    return out;
}

bool GuideBrowser::scrollToHeading(const QString &fragment)
{
    for (QTextBlock b = document()->begin(); b.isValid(); b = b.next()) {
        if (b.blockFormat().headingLevel() == 0 || anchorOf(b.text()) != fragment)
            continue;
        QTextCursor c(b);
        setTextCursor(c);
        // the heading at the top of the view, not just somewhere in it
        verticalScrollBar()->setValue(int(document()->documentLayout()->blockBoundingRect(b).top()));
        return true;
    }
    return false;
}

UserGuide::UserGuide(QWidget *parent) : QDialog(parent)
{
    setWindowTitle(tr("ValueScope User Guide"));
    setAttribute(Qt::WA_DeleteOnClose);
    m_browser = new GuideBrowser;
    m_browser->setObjectName(QStringLiteral("guideBrowser"));
    m_browser->setOpenLinks(false);
    auto *bar = new QToolBar;
    QAction *back = bar->addAction(QIcon::fromTheme(QStringLiteral("go-previous")), tr("Back"), m_browser, &QTextBrowser::backward);
    back->setShortcut(QKeySequence::Back);
    QAction *forward = bar->addAction(QIcon::fromTheme(QStringLiteral("go-next")), tr("Forward"), m_browser, &QTextBrowser::forward);
    forward->setShortcut(QKeySequence::Forward);
    bar->addAction(QIcon::fromTheme(QStringLiteral("go-home")), tr("Contents"), this, [this] { follow(home(QLocale())); });
    back->setEnabled(false);
    forward->setEnabled(false);
    connect(m_browser, &QTextBrowser::backwardAvailable, back, &QAction::setEnabled);
    connect(m_browser, &QTextBrowser::forwardAvailable, forward, &QAction::setEnabled);
    connect(m_browser, &QTextBrowser::anchorClicked, this, &UserGuide::follow);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(bar);
    layout->addWidget(m_browser);
    resize(940, 760);
    restoreGeometry(QSettings().value(QStringLiteral("guide/geometry")).toByteArray());
    follow(home(QLocale()));
}

QUrl UserGuide::home(const QLocale &locale)
{
    return QUrl(locale.language() == QLocale::Chinese ? QStringLiteral("qrc:/guide/zh_CN/guide.md")
                                                      : QStringLiteral("qrc:/guide/en/guide.md"));
}

void UserGuide::follow(const QUrl &link)
{
    const QUrl target = m_browser->source().resolved(link);
    if (target.scheme() != QLatin1String("qrc")) { // a web page: the user's browser
        QDesktopServices::openUrl(target);
        return;
    }
    QUrl page = target;
    page.setFragment({});
    if (page != m_browser->source()) {
        m_browser->setSource(page, QTextDocument::MarkdownResource);
        m_browser->document()->setDocumentMargin(16);
    }
    if (target.hasFragment())
        m_browser->scrollToHeading(target.fragment());
    else
        m_browser->verticalScrollBar()->setValue(0);
}

void UserGuide::closeEvent(QCloseEvent *event)
{
    QSettings().setValue(QStringLiteral("guide/geometry"), saveGeometry());
    QDialog::closeEvent(event);
}
