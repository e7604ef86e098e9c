#pragma once
#include <QStringList>

// `valuescope inspect ...` and `valuescope run ...`; returns the exit code (2 for bad input).
int runInspect(const QStringList &args);
int runProjectCommand(const QStringList &args);
