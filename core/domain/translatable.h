#pragma once
// core/ has no Qt, but the English texts of its vocabularies (role names, model names, chart
// titles, …) are translated in the window. They are marked with QT_TRANSLATE_NOOP(context, text)
// so that lupdate finds them here; in core the mark is the text itself. The window translates
// them with QCoreApplication::translate(context, text).
#ifndef QT_TRANSLATE_NOOP
#define QT_TRANSLATE_NOOP(scope, x) x
#endif
