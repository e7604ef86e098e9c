#pragma once
// "Buy till you die" models: BG/NBD (Fader, Hardie & Lee 2005) for how often a customer buys and
// whether they are still a customer, and Gamma-Gamma (Fader, Hardie & Lee 2005b) for how much
// they spend per purchase. Fitted by maximum likelihood with NLopt's L-BFGS on analytic
// gradients, parameters in log space; standard errors from the Hessian of the log-likelihood.
#include "core/error.h"

#include <array>
#include <span>
#include <string>
#include <vector>

namespace vs {

struct BgNbdParams {
    double r = 1, alpha = 1, a = 1, b = 1;
};

struct GammaGammaParams {
    double p = 1, q = 1, v = 1;
};

struct FitInfo {
    double logLikelihood = 0;  // at the optimum, without the penalty
    int evaluations = 0;
    std::vector<double> standardErrors; // per parameter, in the parameters' own scale (NaN: not identified)
    std::vector<double> logCovariance;  // k x k, row-major, of the log parameters (empty: not identified)
    size_t customers = 0;               // how many customers the fit used
};

struct BgNbdFit {
    BgNbdParams params;
    FitInfo info;
};

struct GammaGammaFit {
    GammaGammaParams params;
    FitInfo info;
    // The model at its boundary (q, v running to infinity: spend per purchase does not differ
    // between customers): every customer's expected spend is the shared mean `limitMean`
    // (shrinkage complete); params and standard errors are then not estimates.
    bool atLimit = false;
    double limitMean = 0;
    double expectedAverageValue(double x, double m) const;
};

// x: repeat purchases (frequency), tx: recency, T: age, all in one time unit.
double bgNbdLogLikelihood(const BgNbdParams &p, std::span<const double> x, std::span<const double> tx,
                          std::span<const double> T);
// A degenerate fit (no repeat buyers, no convergence, parameters running off) is an error that says so.
Result<BgNbdFit> fitBgNbd(std::span<const double> x, std::span<const double> tx, std::span<const double> T,
                          double penalizer = 0);

// The purchase models with four parameters, in the parameter order of core/analytics/purchase_models.h.
// MBG/NBD (Batislam, Denizel & Filiztekin 2007): r, alpha, a, b; Pareto/NBD (Schmittlein,
// Morrison & Colombo 1987; Fader & Hardie 2005 note): r, alpha, s, beta; BG/BB (Fader, Hardie &
// Shang 2010): alpha, beta, gamma, delta with x, tx, T in whole periods (T = opportunities n).
using Params4 = std::array<double, 4>;
struct PurchaseFit4 {
    Params4 params{};
    FitInfo info;
};
enum class PurchaseKind { BgNbd, MbgNbd, ParetoNbd, BgBb };
double purchaseLogLikelihood(PurchaseKind k, const Params4 &p, std::span<const double> x, std::span<const double> tx,
                             std::span<const double> T);
Result<PurchaseFit4> fitPurchaseModel(PurchaseKind k, std::span<const double> x, std::span<const double> tx,
                                      std::span<const double> T, double penalizer = 0);
// P(alive) at T (BG/BB: at the next opportunity), the expected purchases in (T, T + t] of a customer
// known to be alive (BG/BB: in the next floor(t) opportunities), and of a new customer in (0, t].
double purchasePAlive(PurchaseKind k, const Params4 &p, double x, double tx, double T);
double purchaseExpectedIfAlive(PurchaseKind k, const Params4 &p, double t, double x, double T);
double purchaseExpectedNew(PurchaseKind k, const Params4 &p, double t);

// x: repeat purchases, m: mean spend of the repeat purchases; customers with x = 0 or m <= 0 are
// left out by the caller.
double gammaGammaLogLikelihood(const GammaGammaParams &p, std::span<const double> x, std::span<const double> m);
Result<GammaGammaFit> fitGammaGamma(std::span<const double> x, std::span<const double> m, double penalizer = 0);

// Gauss' hypergeometric series 2F1(a, b; c; z) for |z| < 1.
double hyp2f1(double a, double b, double c, double z);

// Probability that a customer with (x, tx, T) is still active at T.
double pAlive(const BgNbdParams &p, double x, double tx, double T);
// Expected number of purchases in (T, T + t] for a customer with (x, tx, T).
double expectedPurchases(const BgNbdParams &p, double t, double x, double tx, double T);
// The same for a customer known to be alive: depends on (x, T) only, not on tx, so customers who
// differ only in recency share it. expectedPurchases = pAlive * expectedPurchasesIfAlive.
double expectedPurchasesIfAlive(const BgNbdParams &p, double t, double x, double T);
// Expected mean spend per purchase of a customer with x repeat purchases of mean m (population
// mean when x = 0).
double expectedAverageValue(const GammaGammaParams &p, double x, double m);

// Discounted expected purchases over `months` months, lifetimes' convention: purchases expected in
// month k are discounted by (1 + d)^k; a fractional horizon H ends with the purchases of
// (floor(H), H] discounted by (1 + d)^H. `unitsPerMonth` converts months to the time unit.
double discountedPurchases(const BgNbdParams &p, double months, double unitsPerMonth, double monthlyDiscount, double x,
                           double tx, double T);
double discountedPurchasesIfAlive(const BgNbdParams &p, double months, double unitsPerMonth, double monthlyDiscount,
                                  double x, double T);
double purchaseDiscountedIfAlive(PurchaseKind k, const Params4 &p, double months, double unitsPerMonth,
                                 double monthlyDiscount, double x, double T);

} // namespace vs
