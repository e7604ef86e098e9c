#include "KeyboardPolicy.h"

#include <QAbstractItemView>
#include <QApplication>
#include <QEvent>
#include <QTabBar>

namespace keyboard {

namespace {

// Sees every widget once, as it is polished (before it is first shown).
class Policy : public QObject {
public:
    using QObject::QObject;
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::Polish) {
            if (auto *view = qobject_cast<QAbstractItemView *>(watched)) {
                view->setTabKeyNavigation(false); // Tab moves on; arrows move between cells
            } else if (auto *bar = qobject_cast<QTabBar *>(watched)) {
                bar->setFocusPolicy(Qt::StrongFocus); // chart and score tabs can be reached
            }
        }
        return QObject::eventFilter(watched, event);
    }
};

// A clear ring around the control with the focus, and the current cell of a table framed.
const char *const kFocusStyle = R"(
QAbstractItemView:focus { border: 2px solid palette(highlight); }
QAbstractItemView::item:focus { border: 2px solid palette(highlight); }
QTabBar::tab:focus { border: 2px solid palette(highlight); }
)";

} // namespace

void install()
{
    static Policy *policy = nullptr;
    if (policy || !qApp)
        return;
    policy = new Policy(qApp);
    qApp->installEventFilter(policy);
    qApp->setStyleSheet(qApp->styleSheet() + QString::fromLatin1(kFocusStyle));
}

QList<QKeySequence> unique(std::initializer_list<QKeySequence> sequences)
{
    QList<QKeySequence> out;
    for (const QKeySequence &k : sequences)
        if (!k.isEmpty() && !out.contains(k))
            out << k;
    return out;
}

} // namespace keyboard
