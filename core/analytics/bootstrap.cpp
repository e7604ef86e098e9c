#include "bootstrap.h"

#include <algorithm>
#include <cmath>

namespace vs {

namespace {

constexpr uint64_t kGolden = 0x9E3779B97F4A7C15ull;

uint64_t splitmix64(uint64_t z)
{
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

bool wanted(const std::atomic<bool> *flag) { return flag && flag->load(std::memory_order_relaxed); }

} // namespace

uint32_t bootstrapDraw(uint64_t seed, size_t b, size_t n, size_t k)
{
    const uint64_t z = splitmix64(seed + (uint64_t(b) * n + k + 1) * kGolden);
    return uint32_t((static_cast<unsigned __int128>(z) * n) >> 64);
}

BootstrapFits bootstrapRefits(const BootstrapInput &in, const std::function<void(double)> &progress,
                              const std::atomic<bool> *stop, const std::atomic<bool> *cancel)
{
    BootstrapFits out;
    const size_t n = in.x.size();
    std::vector<double> x(n), tx(n), T(n), gx, gm;
    gx.reserve(n);
    gm.reserve(n);
    for (int b = 0; b < in.samples; ++b) {
        if (wanted(stop) || wanted(cancel)) {
            out.stopped = true;
            break;
        }
        gx.clear();
        gm.clear();
        for (size_t k = 0; k < n; ++k) {
            const uint32_t i = bootstrapDraw(in.seed, size_t(b), n, k);
            x[k] = in.x[i];
            tx[k] = in.tx[i];
            T[k] = in.T[i];
            if (in.x[i] > 0 && in.monetary[i] > 0) {
                gx.push_back(in.x[i]);
                gm.push_back(in.monetary[i]);
            }
        }
        auto purchase = fitPurchaseModel(in.kind, x, tx, T, in.penalizer);
        auto spend = purchase ? fitGammaGamma(gx, gm, in.spendPenalizer) : Result<GammaGammaFit>(purchase.error());
        if (purchase && spend)
            out.refits.push_back({purchase->params, std::move(spend.value())});
        else
            ++out.failed;
        ++out.done;
        if (progress)
            progress(double(out.done) / double(in.samples));
    }
    return out;
}

namespace {
// values[0, n) sorted and finite
double quantileOfSorted(const std::vector<double> &values, size_t n, double q)
{
    const double h = double(n - 1) * q;
    const size_t lo = size_t(std::floor(h));
    const size_t hi = std::min(lo + 1, n - 1);
    return values[lo] + (h - double(lo)) * (values[hi] - values[lo]);
}
// the finite values first, sorted; returns how many they are (a refit whose figure came out NaN
// or infinite has no place in the order, and std::sort must not see a NaN)
size_t sortFinite(std::vector<double> &values)
{
    const auto finiteEnd = std::partition(values.begin(), values.end(), [](double v) { return std::isfinite(v); });
    std::sort(values.begin(), finiteEnd);
    return size_t(finiteEnd - values.begin());
}
} // namespace

double percentile(std::vector<double> &values, double q)
{
    const size_t n = sortFinite(values);
    return n == 0 ? NAN : quantileOfSorted(values, n, q);
}

std::pair<double, double> percentiles(std::vector<double> &values, double qLow, double qHigh)
{
    const size_t n = sortFinite(values);
    if (n == 0)
        return {NAN, NAN};
    return {quantileOfSorted(values, n, qLow), quantileOfSorted(values, n, qHigh)};
}

} // namespace vs
