// Writes the same table as XLSX (libxlsxwriter) and CSV for the reader benchmarks.
// Usage: make_workbook ROWS OUT.xlsx OUT.csv [--shared-strings]
// Text goes in inline strings (libxlsxwriter's constant-memory mode) unless --shared-strings asks
// for a shared-string table, as Excel itself writes.
#include <xlsxwriter.h>

#include <cstdio>
#include <cstdlib>
#include <random>
#include <string>

int main(int argc, char **argv)
{
    if (argc < 4) {
        std::fprintf(stderr, "usage: make_workbook ROWS OUT.xlsx OUT.csv\n");
        return 2;
    }
    const long rows = std::atol(argv[1]);
    lxw_workbook_options options = {};
    options.constant_memory = argc > 4 && std::string(argv[4]) == "--shared-strings" ? LXW_FALSE : LXW_TRUE;
    lxw_workbook *wb = workbook_new_opt(argv[2], &options);
    lxw_worksheet *ws = workbook_add_worksheet(wb, "Customers");
    lxw_format *dateFmt = workbook_add_format(wb);
    format_set_num_format(dateFmt, "yyyy-mm-dd");
    FILE *csv = std::fopen(argv[3], "w");
    const char *header[] = {"customer_id", "revenue", "cost", "orders", "q_product", "q_service", "first_order", "region"};
    for (int c = 0; c < 8; ++c)
        worksheet_write_string(ws, 0, lxw_col_t(c), header[c], nullptr);
    std::fprintf(csv, "customer_id,revenue,cost,orders,q_product,q_service,first_order,region\n");
    const char *regions[] = {"North", "South", "East", "West"};
    std::mt19937_64 rng(7);
    std::lognormal_distribution<double> rev(5, 1);
    std::uniform_int_distribution<int> small(1, 5), orders(1, 60), day(0, 3000), reg(0, 3);
    for (long r = 1; r <= rows; ++r) {
        char id[16];
        std::snprintf(id, sizeof id, "C%07ld", r);
        const double revenue = std::round(rev(rng) * 100) / 100;
        const double cost = std::round(revenue * 0.6 * 100) / 100;
        const int o = orders(rng), q1 = small(rng), q2 = small(rng), d = day(rng);
        const char *region = regions[reg(rng)];
        worksheet_write_string(ws, lxw_row_t(r), 0, id, nullptr);
        worksheet_write_number(ws, lxw_row_t(r), 1, revenue, nullptr);
        worksheet_write_number(ws, lxw_row_t(r), 2, cost, nullptr);
        worksheet_write_number(ws, lxw_row_t(r), 3, o, nullptr);
        worksheet_write_number(ws, lxw_row_t(r), 4, q1, nullptr);
        worksheet_write_number(ws, lxw_row_t(r), 5, q2, nullptr);
        worksheet_write_number(ws, lxw_row_t(r), 6, 40179 + d, dateFmt); // from 2010-01-01
        worksheet_write_string(ws, lxw_row_t(r), 7, region, nullptr);
        // the CSV holds the same values (dates as the ISO text Excel would show)
        const long days = 14610 + d; // 2010-01-01 is day 14610 since 1970
        const long z = days + 719468, era = z / 146097, doe = z - era * 146097;
        const long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
        const long doy = doe - (365 * yoe + yoe / 4 - yoe / 100), mp = (5 * doy + 2) / 153;
        const long dd = doy - (153 * mp + 2) / 5 + 1, mm = mp < 10 ? mp + 3 : mp - 9, yy = yoe + era * 400 + (mm <= 2);
        std::fprintf(csv, "%s,%.17g,%.17g,%d,%d,%d,%04ld-%02ld-%02ld,%s\n", id, revenue, cost, o, q1, q2, yy, mm, dd, region);
    }
    std::fclose(csv);
    return workbook_close(wb) == LXW_NO_ERROR ? 0 : 1;
}
