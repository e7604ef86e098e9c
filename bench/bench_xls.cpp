// What reading an .xls in a separate process costs (core/io/xls_reader.cpp): the same file read
// through readTable (freexl in the program's reader mode, cells streamed back over a pipe) and
// in this process as before the sandbox (freexl's cells straight into the SheetTableBuilder, the
// loop the reader had). Best of N wall-clock times each, interleaved.
// Usage: bench_xls VALUESCOPE_BINARY FILE.xls [N]   (bench/compare-xls.sh makes the file)
#include "core/io/readers.h"
#include "core/io/sheet_table.h"
#include "core/process.h"

#include <freexl.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <memory>

namespace {

// the reader before the sandbox, as it was (first sheet)
vs::Result<vs::ReadResult> readInProcess(const std::string &path)
{
    const void *handle = nullptr;
    if (freexl_open(path.c_str(), &handle) != FREEXL_OK || !handle)
        return vs::makeError(vs::ErrorKind::Format, vs::Msg::XlsDamaged, {"?"}, path);
    std::unique_ptr<const void, int (*)(const void *)> guard(handle, freexl_close);
    vs::ReadReport rep;
    rep.format = "xls";
    const char *name = nullptr;
    freexl_get_worksheet_name(handle, 0, &name);
    rep.sheets.push_back(name ? name : "");
    rep.sheet = rep.sheets[0];
    freexl_select_active_worksheet(handle, 0);
    unsigned int rows = 0;
    unsigned short cols = 0;
    freexl_worksheet_dimensions(handle, &rows, &cols);
    vs::SheetTableBuilder table(path, vs::ReadOptions{}, rep);
    table.expectRows(rows);
    for (unsigned int r = 0; r < rows; ++r) {
        table.startRow(int64_t(r) + 1);
        for (unsigned short c = 0; c < cols; ++c) {
            FreeXL_CellValue v;
            if (freexl_get_cell_value(handle, r, c, &v) != FREEXL_OK)
                continue;
            switch (v.type) {
            case FREEXL_CELL_INT: table.number(c, v.value.int_value); break;
            case FREEXL_CELL_DOUBLE:
                if (std::fabs(v.value.double_value) < 1e15)
                    table.number(c, v.value.double_value);
                else
                    table.numberText(c, vs::formatNumber(v.value.double_value));
                break;
            case FREEXL_CELL_TEXT:
            case FREEXL_CELL_SST_TEXT:
            case FREEXL_CELL_DATE:
            case FREEXL_CELL_DATETIME:
            case FREEXL_CELL_TIME:
                if (v.value.text_value)
                    table.text(c, v.value.text_value);
                break;
            default: break;
            }
        }
        if (!table.endRow())
            break;
    }
    return table.finish();
}

double seconds(const std::function<vs::Result<vs::ReadResult>()> &read, size_t *rows)
{
    const auto t0 = std::chrono::steady_clock::now();
    auto r = read();
    const double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    if (!r) {
        std::fprintf(stderr, "bench_xls: %s\n", r.error().describe().c_str());
        std::exit(1);
    }
    *rows = r->table.rowCount();
    return s;
}

} // namespace

int main(int argc, char **argv)
{
    if (argc < 3) {
        std::fprintf(stderr, "usage: bench_xls VALUESCOPE_BINARY FILE.xls [N]\n");
        return 2;
    }
    vs::setHelperExecutable(argv[1]);
    const std::string path = argv[2];
    const int n = argc > 3 ? std::atoi(argv[3]) : 5;
    double sandboxed = 1e9, inProcess = 1e9;
    size_t rowsA = 0, rowsB = 0;
    for (int i = 0; i < n; ++i) {
        sandboxed = std::min(sandboxed, seconds([&] { return vs::readTable(path, vs::ReadOptions{}); }, &rowsA));
        inProcess = std::min(inProcess, seconds([&] { return readInProcess(path); }, &rowsB));
    }
    if (rowsA != rowsB) {
        std::fprintf(stderr, "bench_xls: %zu rows read in a child, %zu in process\n", rowsA, rowsB);
        return 1;
    }
    std::printf("%zu rows, best of %d: in a separate process %.3f s, in this process (as before) %.3f s: "
                "+%.0f ms (%.2fx)\n",
                rowsA, n, sandboxed, inProcess, (sandboxed - inProcess) * 1000, sandboxed / inProcess);
    return 0;
}
