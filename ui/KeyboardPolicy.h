#pragma once
// How the program behaves for the keyboard, in one place: Tab leaves tables (arrow keys move
// between cells), the focused control and the current table cell are clearly marked, and
// standard shortcuts are given once even where a platform binds the same key twice.
#include <QKeySequence>
#include <QList>

namespace keyboard {

// Installs the policy for every window of the application (once; later calls do nothing).
void install();

// The sequences, each once, in the order given (QKeySequence::Redo is Ctrl+Shift+Z on some
// desktops: listing it beside Ctrl+Shift+Z would make the shortcut ambiguous).
QList<QKeySequence> unique(std::initializer_list<QKeySequence> sequences);

} // namespace keyboard
