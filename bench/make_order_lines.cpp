// Writes the order log of bench_btyd's 10,000,000-line case as a CSV (customer,date,amount; ISO
// dates): the same generator (mt19937_64 seed 3, 1,000,000 customer ids, BG/NBD-like visits of
// 1-4 lines). Usage: make_order_lines LINES OUT.csv [K]: K times the lines a visit (same
// customers and days, K times the lines: for the memory benchmark)
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <random>
#include <string>
#include <vector>
#include <algorithm>
#include <cstdint>

namespace {
void civil(long z, int &y, unsigned &m, unsigned &d) // days since 1970-01-01 -> y-m-d (H. Hinnant)
{
    z += 719468;
    const long era = (z >= 0 ? z : z - 146096) / 146097;
    const unsigned doe = unsigned(z - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    d = doy - (153 * mp + 2) / 5 + 1;
    m = mp < 10 ? mp + 3 : mp - 9;
    y = int(long(yoe) + era * 400 + (m <= 2));
}
} // namespace

int main(int argc, char **argv)
{
    if (argc < 3) {
        std::fprintf(stderr, "usage: make_order_lines LINES OUT.csv\n");
        return 2;
    }
    const size_t lines = std::strtoull(argv[1], nullptr, 10), customers = 1'000'000;
    const int perVisit = argc > 3 ? std::max(1, std::atoi(argv[3])) : 1;
    std::FILE *f = std::fopen(argv[2], "wb");
    if (!f)
        return 1;
    static char buf[1 << 20];
    std::setvbuf(f, buf, _IOFBF, sizeof buf);
    std::fputs("customer,date,amount\n", f);
    std::mt19937_64 rng(3);
    std::gamma_distribution<double> rate(0.6, 1.0 / 8);
    std::uniform_real_distribution<double> u(0, 1);
    std::lognormal_distribution<double> price(3, 0.8);
    const double start = 18262; // 2020-01-01
    size_t c = 0, n = 0;
    std::vector<uint64_t> customerDays; // (customer, day) of every visit, to count the distinct ones
    while (n < lines) {
        const double first = start + std::floor(u(rng) * 540);
        const double lambda = rate(rng) + 0.02;
        double day = first;
        do {
            const int items = (1 + int(u(rng) * 4)) * perVisit;
            int y;
            unsigned m, d;
            civil(long(day), y, m, d);
            if (n < lines)
                customerDays.push_back(uint64_t(c % customers) << 32 | uint64_t(day));
            for (int k = 0; k < items && n < lines; ++k, ++n)
                std::fprintf(f, "%zu,%04d-%02u-%02u,%.2f\n", c % customers, y, m, d, std::round(price(rng) * 100) / 100);
            day += std::ceil(-std::log(1 - u(rng)) / lambda * 7);
        } while (day < start + 730 && u(rng) > 0.08 && n < lines);
        ++c;
    }
    std::fclose(f);
    std::sort(customerDays.begin(), customerDays.end());
    const size_t distinct = size_t(std::unique(customerDays.begin(), customerDays.end()) - customerDays.begin());
    std::fprintf(stderr, "wrote %zu lines of %zu customers (%zu customer-days) to %s\n", n, std::min(c, customers),
                 distinct, argv[2]);
    return 0;
}
