// A hand-edited project file: parsed, and when it reads, written and read back the same.
// Seeds: resources/sample/*.valuescope.json, the test projects and the issue-20 reproducer;
// dictionary json.dict.
#include "fuzz_util.h"

#include "core/project/project.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const std::string text(reinterpret_cast<const char *>(data), size);
    auto p = vs::parseProject(text, "fuzz.valuescope.json");
    if (!p) {
        (void)p.error().describe();
        return 0;
    }
    const std::string written = vs::projectToJson(p.value());
    auto again = vs::parseProject(written, "again.valuescope.json");
    if (!again)
        fuzz::fail("a project written does not read back: " + again.error().describe());
    if (vs::projectToJson(again.value()) != written)
        fuzz::fail("a project read back is written differently");
    return 0;
}
