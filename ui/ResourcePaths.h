#pragma once
#include <QString>

// The bundled sample project: installed beside the program, or in the source tree of a build.
QString sampleProjectPath();
