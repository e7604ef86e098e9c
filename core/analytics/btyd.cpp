#include "btyd.h"

#include <Eigen/Dense>
#include <boost/math/special_functions/digamma.hpp>
#include <boost/math/special_functions/gamma.hpp>
#include <boost/math/quadrature/gauss_kronrod.hpp>
#include <nlopt.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <functional>
#include <optional>

namespace vs {

namespace {

// in double precision throughout (Boost promotes to long double by default: twice the time, and
// far below the precision the fits need)
using DoublePolicy = boost::math::policies::policy<boost::math::policies::promote_double<false>>;
double lgam(double x) { return boost::math::lgamma(x, DoublePolicy()); }
double dig(double x) { return boost::math::digamma(x, DoublePolicy()); }

double logAddExp(double u, double v)
{
    const double m = std::max(u, v);
    return m + std::log(std::exp(u - m) + std::exp(v - m));
}

// Customers with the same (x, tx, T) contribute the same term: one term each, weighted by count.
struct Triple {
    double x, tx, T, w;
};

std::vector<Triple> compress(std::span<const double> x, std::span<const double> tx, std::span<const double> T)
{
    std::vector<Triple> all(x.size());
    for (size_t i = 0; i < x.size(); ++i)
        all[i] = {x[i], tx[i], T[i], 1.0};
    std::sort(all.begin(), all.end(), [](const Triple &l, const Triple &r) {
        return l.x != r.x ? l.x < r.x : l.tx != r.tx ? l.tx < r.tx : l.T < r.T;
    });
    std::vector<Triple> out;
    for (const Triple &t : all) {
        if (!out.empty() && out.back().x == t.x && out.back().tx == t.tx && out.back().T == t.T)
            out.back().w += 1;
        else
            out.push_back(t);
    }
    return out;
}

// Log-likelihood and its gradient with respect to (r, alpha, a, b). modified: MBG/NBD, where a
// customer may drop out right after the first purchase too (b + x instead of b + x - 1, and the
// drop-out term also for x = 0).
double bgLL(const std::vector<Triple> &data, const double *p, double *grad, bool modified = false)
{
    const double sh = modified ? 1.0 : 0.0; // the shift of b + x and a + b + x
    const double r = p[0], al = p[1], a = p[2], b = p[3];
    const double base = -lgam(r) + r * std::log(al) - lgam(b) + lgam(a + b);
    const double dBase[4] = {-dig(r) + std::log(al), r / al, dig(a + b), -dig(b) + dig(a + b)};
    double ll = 0, g[4] = {0, 0, 0, 0};
    double lastX = NAN, lgRX = 0, lgBX = 0, lgABX = 0, dgRX = 0, dgBX = 0, dgABX = 0;
    for (const Triple &t : data) {
        const double x = t.x;
        if (x != lastX) {
            lastX = x;
            lgRX = lgam(r + x);
            lgBX = lgam(b + x + sh);
            lgABX = lgam(a + b + x + sh);
            if (grad) {
                dgRX = dig(r + x);
                dgBX = dig(b + x + sh);
                dgABX = dig(a + b + x + sh);
            }
        }
        const double lT = std::log(al + t.T);
        const double u1 = -(r + x) * lT;
        double s = u1, w2 = 0, lTx = 0;
        const bool drop = x > 0 || modified;
        if (drop) {
            lTx = std::log(al + t.tx);
            const double u2 = std::log(a) - std::log(b + x - 1 + sh) - (r + x) * lTx;
            s = logAddExp(u1, u2);
            w2 = std::exp(u2 - s);
        }
        const double w1 = 1 - w2;
        ll += t.w * (lgRX + lgBX - lgABX + s);
        if (grad) {
            g[0] += t.w * (dgRX - w1 * lT - w2 * lTx);
            g[1] += t.w * (-w1 * (r + x) / (al + t.T) - (drop ? w2 * (r + x) / (al + t.tx) : 0.0));
            g[2] += t.w * (-dgABX + (drop ? w2 / a : 0.0));
            g[3] += t.w * (dgBX - dgABX - (drop ? w2 / (b + x - 1 + sh) : 0.0));
        }
    }
    double W = 0;
    for (const Triple &t : data)
        W += t.w;
    ll += W * base;
    if (grad)
        for (int k = 0; k < 4; ++k)
            grad[k] = g[k] + W * dBase[k];
    return ll;
}

struct GGData {
    std::span<const double> x, m;
    std::vector<double> logM, logX;
};

double ggLL(const GGData &d, const double *par, double *grad)
{
    const double p = par[0], q = par[1], v = par[2];
    double ll = 0, g[3] = {0, 0, 0};
    const double lgq = lgam(q), lv = std::log(v), dgq = grad ? dig(q) : 0.0;
    double lastX = NAN, lgPXQ = 0, lgPX = 0, dgPXQ = 0, dgPX = 0;
    for (size_t i = 0; i < d.x.size(); ++i) {
        const double x = d.x[i], m = d.m[i];
        if (x != lastX) {
            lastX = x;
            lgPXQ = lgam(p * x + q);
            lgPX = lgam(p * x);
            if (grad) {
                dgPXQ = dig(p * x + q);
                dgPX = dig(p * x);
            }
        }
        const double lxm = std::log(x * m + v);
        ll += lgPXQ - lgPX - lgq + q * lv + (p * x - 1) * d.logM[i] + p * x * d.logX[i] - (p * x + q) * lxm;
        if (grad) {
            g[0] += x * (dgPXQ - dgPX + d.logM[i] + d.logX[i] - lxm);
            g[1] += dgPXQ - dgq + lv - lxm;
            g[2] += q / v - (p * x + q) / (x * m + v);
        }
    }
    if (grad)
        std::copy(g, g + 3, grad);
    return ll;
}

double log1mExp(double u) // log(1 - e^u), u < 0
{
    return u > -0.693 ? std::log(-std::expm1(u)) : std::log1p(-std::exp(u));
}

// Pareto/NBD (Fader & Hardie 2005, "A note on deriving the Pareto/NBD model", eq. 22), per customer:
// L = Γ(r+x) α^r β^s / Γ(r) · [ 1 / ((α+T)^(r+x) (β+T)^s) + s / (r+s+x) · A0 ].
double paretoTerm(const double *p, double x, double tx, double T)
{
    const double r = p[0], al = p[1], s = p[2], be = p[3];
    const double rsx = r + s + x;
    const double first = -(r + x) * std::log(al + T) - s * std::log(be + T);
    // The second term is s ∫_{tx}^{T} (α+τ)^-(r+x) (β+τ)^-(s+1) dτ (death at τ between the last
    // purchase and T) = s / (r+s+x) · A0, with A0 from the hypergeometric series in the larger of
    // alpha and beta, so that its argument is in [0, 1); near 1 the series creeps, and the
    // integral is taken by adaptive Gauss-Kronrod quadrature instead.
    const bool aBig = al >= be;
    const double big = aBig ? al : be, diff = std::fabs(al - be), b2 = aBig ? s + 1 : r + x;
    double second = -INFINITY;
    if (T > tx) {
        if (diff / (big + tx) <= 0.75) {
            auto logF = [&](double t) { return std::log(hyp2f1(rsx, b2, rsx + 1, diff / (big + t))) - rsx * std::log(big + t); };
            const double f1 = logF(tx), f2 = logF(T);
            if (f2 < f1)
                second = std::log(s / rsx) + f1 + log1mExp(f2 - f1);
        } else {
            auto logf = [&](double tau) { return -(r + x) * std::log(al + tau) - (s + 1) * std::log(be + tau); };
            const double top = logf(tx);
            auto f = [&](double tau) { return std::exp(logf(tau) - top); };
            const double integral = boost::math::quadrature::gauss_kronrod<double, 21>::integrate(f, tx, T, 15, 1e-13);
            if (integral > 0)
                second = std::log(s) + top + std::log(integral);
        }
    }
    return lgam(r + x) - lgam(r) + r * std::log(al) + s * std::log(be) + logAddExp(first, second);
}

double paretoLL(const std::vector<Triple> &data, const double *p)
{
    double ll = 0;
    for (const Triple &t : data)
        ll += t.w * paretoTerm(p, t.x, t.tx, t.T);
    return ll;
}

double lbeta(double a, double b) { return lgam(a) + lgam(b) - lgam(a + b); }

// BG/BB (Fader, Hardie & Shang 2010, eq. 5), per customer with x purchases in n = T opportunities,
// the last in opportunity tx.
double bgbbTerm(const double *p, double x, double tx, double n)
{
    const double al = p[0], be = p[1], ga = p[2], de = p[3];
    const double bab = lbeta(al, be), bgd = lbeta(ga, de);
    const double l = lbeta(al + x, be + n - x) - bab + lbeta(ga, de + n) - bgd;
    const int last = int(std::lround(n - tx)) - 1;
    if (last < 0)
        return l;
    // the sum's terms relative to its first: B(a, b+1) = B(a, b) · b / (a + b)
    const double first = lbeta(al + x, be + tx - x) - bab + lbeta(ga + 1, de + tx) - bgd;
    double term = 1, sum = 1;
    for (int i = 0; i < last; ++i) {
        term *= (be + tx - x + i) / (al + be + tx + i) * (de + tx + i) / (ga + 1 + de + tx + i);
        sum += term;
    }
    return logAddExp(l, first + std::log(sum));
}

double bgbbLL(const std::vector<Triple> &data, const double *p)
{
    // x, tx and n are whole numbers: every log-gamma is (parameter + k), tabulated once per call
    int maxN = 0;
    for (const Triple &t : data) {
        if (t.x != std::floor(t.x) || t.tx != std::floor(t.tx) || t.T != std::floor(t.T) || t.T > 100000) {
            double ll = 0;
            for (const Triple &u : data)
                ll += u.w * bgbbTerm(p, u.x, u.tx, u.T);
            return ll;
        }
        maxN = std::max(maxN, int(t.T));
    }
    const double al = p[0], be = p[1], ga = p[2], de = p[3];
    const size_t m = size_t(maxN) + 2;
    std::vector<double> LA(m), LB(m), LAB(m), LD(m), LGD(m), LG1D(m);
    for (size_t k = 0; k < m; ++k) {
        LA[k] = lgam(al + double(k));
        LB[k] = lgam(be + double(k));
        LAB[k] = lgam(al + be + double(k));
        LD[k] = lgam(de + double(k));
        LGD[k] = lgam(ga + de + double(k));
        LG1D[k] = lgam(ga + 1 + de + double(k));
    }
    const double bab = lbeta(al, be), bgd = lbeta(ga, de), LG = lgam(ga), LG1 = lgam(ga + 1);
    double ll = 0;
    for (const Triple &t : data) {
        const size_t x = size_t(t.x), tx = size_t(t.tx), n = size_t(t.T);
        const double l = LA[x] + LB[n - x] - LAB[n] - bab + LG + LD[n] - LGD[n] - bgd;
        double term = l;
        if (n > tx) {
            const double first = LA[x] + LB[tx - x] - LAB[tx] - bab + LG1 + LD[tx] - LG1D[tx] - bgd;
            double r = 1, sum = 1;
            for (size_t i = 0; i + 1 < n - tx; ++i) {
                const double di = double(i), dtx = double(tx), dx = double(x);
                r *= (be + dtx - dx + di) / (al + be + dtx + di) * (de + dtx + di) / (ga + 1 + de + dtx + di);
                sum += r;
            }
            term = logAddExp(l, first + std::log(sum));
        }
        ll += t.w * term;
    }
    return ll;
}

// Minimises -LL/n + penalizer * sum(params^2) over log parameters with L-BFGS.
struct Problem {
    int k;
    double n;
    double penalizer;
    std::function<double(const double *, double *)> ll; // natural parameters -> LL, gradient
    bool numericGradient = false; // ll gives no gradient: central differences in the log parameters
    int evaluations = 0;
    double eval(const double *p, double *g) const
    {
        if (!g || !numericGradient)
            return ll(p, g);
        const double h = 1e-6;
        std::array<double, 4> q{};
        std::copy(p, p + k, q.begin());
        for (int i = 0; i < k; ++i) {
            q[size_t(i)] = p[i] * std::exp(h);
            const double up = ll(q.data(), nullptr);
            q[size_t(i)] = p[i] * std::exp(-h);
            const double dn = ll(q.data(), nullptr);
            q[size_t(i)] = p[i];
            g[i] = (up - dn) / (2 * h) / p[i];
        }
        return ll(p, nullptr);
    }
};

double objective(unsigned k, const double *theta, double *grad, void *data)
{
    auto *pb = static_cast<Problem *>(data);
    ++pb->evaluations;
    std::array<double, 4> p{}, g{};
    for (unsigned i = 0; i < k; ++i)
        p[i] = std::exp(theta[i]);
    const double ll = pb->eval(p.data(), grad ? g.data() : nullptr);
    double pen = 0;
    for (unsigned i = 0; i < k; ++i)
        pen += p[i] * p[i];
    if (grad)
        for (unsigned i = 0; i < k; ++i)
            grad[i] = -g[i] * p[i] / pb->n + 2 * pb->penalizer * p[i] * p[i];
    const double f = -ll / pb->n + pb->penalizer * pen;
    return std::isfinite(f) ? f : HUGE_VAL;
}

// atBound (when given) gets which log parameters ran off to the box's edge when that is why the fit failed.
Result<FitInfo> maximise(Problem &pb, std::vector<double> &theta, const std::string &model,
                         std::vector<int> *atBound = nullptr)
{
    nlopt_opt opt = nlopt_create(NLOPT_LD_LBFGS, unsigned(pb.k));
    nlopt_set_min_objective(opt, objective, &pb);
    nlopt_set_ftol_rel(opt, 1e-13);
    nlopt_set_xtol_rel(opt, 1e-10);
    nlopt_set_maxeval(opt, 5000);
    std::vector<double> lower(size_t(pb.k), -30.0), upper(size_t(pb.k), 30.0);
    nlopt_set_lower_bounds(opt, lower.data());
    nlopt_set_upper_bounds(opt, upper.data());
    double fmin = 0;
    const nlopt_result res = nlopt_optimize(opt, theta.data(), &fmin);
    nlopt_destroy(opt);
    // Round-off is how a converged L-BFGS often stops; judge by the gradient instead.
    std::vector<double> grad(size_t(pb.k));
    objective(unsigned(pb.k), theta.data(), grad.data(), &pb);
    double gmax = 0;
    for (double g : grad)
        gmax = std::max(gmax, std::fabs(g));
    std::vector<int> bound;
    for (size_t i = 0; i < theta.size(); ++i)
        if (std::fabs(theta[i]) > 29.9)
            bound.push_back(theta[i] > 0 ? int(i) + 1 : -int(i) - 1);
    if (atBound)
        *atBound = bound;
    if ((res < 0 && !(res == NLOPT_ROUNDOFF_LIMITED && gmax < 1e-4)) || !std::isfinite(fmin) || !bound.empty())
        return makeError(ErrorKind::Model, !bound.empty() ? Msg::FitNotConvergedAtBound : Msg::FitNotConverged, {model});
    FitInfo info;
    info.evaluations = pb.evaluations;
    std::array<double, 4> p{};
    for (int i = 0; i < pb.k; ++i)
        p[size_t(i)] = std::exp(theta[size_t(i)]);
    info.logLikelihood = pb.ll(p.data(), nullptr);

    // Hessian of LL in log space by central differences of the analytic gradient.
    const int k = pb.k;
    auto gradLog = [&](const std::vector<double> &th) {
        std::array<double, 4> q{}, g{};
        for (int i = 0; i < k; ++i)
            q[size_t(i)] = std::exp(th[size_t(i)]);
        pb.eval(q.data(), g.data());
        std::vector<double> out(static_cast<size_t>(k));
        for (int i = 0; i < k; ++i)
            out[size_t(i)] = g[size_t(i)] * q[size_t(i)];
        return out;
    };
    Eigen::MatrixXd H(k, k);
    const double h = pb.numericGradient ? 1e-4 : 1e-5;
    auto llLog = [&](const std::vector<double> &th) {
        std::array<double, 4> q{};
        for (int i = 0; i < k; ++i)
            q[size_t(i)] = std::exp(th[size_t(i)]);
        return pb.ll(q.data(), nullptr);
    };
    for (int j = 0; pb.numericGradient && j < k; ++j) // second differences of the log-likelihood itself
        for (int i = 0; i <= j; ++i) {
            double f[4];
            const int si[4] = {1, 1, -1, -1}, sj[4] = {1, -1, 1, -1};
            for (int c = 0; c < 4; ++c) {
                std::vector<double> th = theta;
                th[size_t(i)] += si[c] * h;
                th[size_t(j)] += sj[c] * h;
                f[c] = llLog(th);
            }
            H(i, j) = H(j, i) = (f[0] - f[1] - f[2] + f[3]) / (4 * h * h);
        }
    for (int j = 0; !pb.numericGradient && j < k; ++j) {
        std::vector<double> up = theta, dn = theta;
        up[size_t(j)] += h;
        dn[size_t(j)] -= h;
        const auto gu = gradLog(up), gd = gradLog(dn);
        for (int i = 0; i < k; ++i)
            H(i, j) = (gu[size_t(i)] - gd[size_t(i)]) / (2 * h);
    }
    const Eigen::MatrixXd info2 = -0.5 * (H + H.transpose());
    Eigen::LLT<Eigen::MatrixXd> llt(info2);
    info.standardErrors.assign(size_t(k), NAN);
    if (llt.info() == Eigen::Success) {
        const Eigen::MatrixXd cov = llt.solve(Eigen::MatrixXd::Identity(k, k));
        info.logCovariance.resize(size_t(k * k));
        for (int i = 0; i < k; ++i) {
            for (int j = 0; j < k; ++j)
                info.logCovariance[size_t(i * k + j)] = cov(i, j);
            info.standardErrors[size_t(i)] = p[size_t(i)] * std::sqrt(cov(i, i));
        }
    }
    return info;
}

} // namespace

double bgNbdLogLikelihood(const BgNbdParams &p, std::span<const double> x, std::span<const double> tx,
                          std::span<const double> T)
{
    const double par[4] = {p.r, p.alpha, p.a, p.b};
    return bgLL(compress(x, tx, T), par, nullptr);
}

Result<BgNbdFit> fitBgNbd(std::span<const double> x, std::span<const double> tx, std::span<const double> T,
                          double penalizer)
{
    size_t repeat = 0;
    double meanT = 0;
    for (size_t i = 0; i < x.size(); ++i) {
        if (!(x[i] >= 0) || !(tx[i] >= 0) || !(T[i] >= tx[i]))
            return makeError(ErrorKind::Model, Msg::BgNbdBadInput);
        repeat += x[i] > 0;
        meanT += T[i];
    }
    if (x.size() < 10)
        return makeError(ErrorKind::Model, Msg::BgNbdTooFewCustomers, {std::to_string(x.size())});
    if (repeat == 0)
        return makeError(ErrorKind::Model, Msg::BgNbdNoRepeat);
    if (repeat < 3)
        return makeError(ErrorKind::Model, Msg::BgNbdTooFewRepeat, {std::to_string(repeat)});
    meanT /= double(x.size());
    if (!(meanT > 0))
        return makeError(ErrorKind::Model, Msg::AgesAllZero);
    const std::vector<Triple> data = compress(x, tx, T);
    Problem pb{4, double(x.size()), penalizer, [&](const double *p, double *g) { return bgLL(data, p, g); }};
    std::vector<double> theta = {0.0, std::log(meanT / 4), 0.0, 0.0};
    auto info = maximise(pb, theta, "BG/NBD");
    if (!info)
        return info.error();
    BgNbdFit fit;
    fit.params = {std::exp(theta[0]), std::exp(theta[1]), std::exp(theta[2]), std::exp(theta[3])};
    fit.info = std::move(info.value());
    fit.info.customers = x.size();
    return fit;
}

double gammaGammaLogLikelihood(const GammaGammaParams &p, std::span<const double> x, std::span<const double> m)
{
    GGData d{x, m, {}, {}};
    for (size_t i = 0; i < x.size(); ++i) {
        d.logM.push_back(std::log(m[i]));
        d.logX.push_back(std::log(x[i]));
    }
    const double par[3] = {p.p, p.q, p.v};
    return ggLL(d, par, nullptr);
}

Result<GammaGammaFit> fitGammaGamma(std::span<const double> x, std::span<const double> m, double penalizer)
{
    // sort by x so that the gamma functions of p*x are computed once per distinct x
    std::vector<size_t> order(x.size());
    for (size_t i = 0; i < order.size(); ++i)
        order[i] = i;
    std::sort(order.begin(), order.end(), [&](size_t l, size_t r) { return x[l] < x[r]; });
    std::vector<double> xs(x.size()), ms(x.size());
    double meanM = 0, spend = 0, purchases = 0;
    for (size_t i = 0; i < order.size(); ++i) {
        xs[i] = x[order[i]];
        ms[i] = m[order[i]];
        if (!(xs[i] > 0) || !(ms[i] > 0) || !std::isfinite(ms[i]))
            return makeError(ErrorKind::Model, Msg::GammaGammaNeedsSpend);
        meanM += ms[i];
        spend += xs[i] * ms[i];
        purchases += xs[i];
    }
    if (xs.size() < 3)
        return makeError(ErrorKind::Model, Msg::GammaGammaTooFew, {std::to_string(xs.size())});
    meanM /= double(xs.size());
    // The boundary: with spend per purchase the same for every customer the likelihood grows
    // without end as q and v run to infinity (no customer differs from the others); the limit
    // model gives everyone the mean spend per purchase.
    GammaGammaFit limit;
    limit.atLimit = true;
    limit.limitMean = spend / purchases;
    limit.info.customers = xs.size();
    limit.info.standardErrors.assign(3, NAN);
    limit.params = {NAN, INFINITY, INFINITY};
    bool allSame = true;
    for (double v : ms)
        allSame &= std::fabs(v - ms.front()) <= 1e-12 * ms.front();
    if (allSame) {
        limit.limitMean = ms.front(); // exactly, not a sum divided back
        limit.info.logLikelihood = NAN;
        return limit;
    }
    GGData d{xs, ms, {}, {}};
    d.logM.resize(xs.size());
    d.logX.resize(xs.size());
    for (size_t i = 0; i < xs.size(); ++i) {
        d.logM[i] = std::log(ms[i]);
        d.logX[i] = std::log(xs[i]);
    }
    Problem pb{3, double(xs.size()), penalizer, [&](const double *p, double *g) { return ggLL(d, p, g); }};
    std::vector<double> theta = {0.0, 0.0, std::log(meanM)};
    std::vector<int> bound;
    auto info = maximise(pb, theta, "Gamma-Gamma", &bound);
    if (!info) {
        // q (index 1) or v (index 2) at the upper edge: the boundary above
        if (std::any_of(bound.begin(), bound.end(), [](int b) { return b == 2 || b == 3; })) {
            limit.info.logLikelihood = NAN;
            return limit;
        }
        return info.error();
    }
    GammaGammaFit fit;
    fit.params = {std::exp(theta[0]), std::exp(theta[1]), std::exp(theta[2])};
    fit.info = std::move(info.value());
    fit.info.customers = xs.size();
    if (!(fit.params.q > 1))
        return makeError(ErrorKind::Model, Msg::GammaGammaQ);
    return fit;
}

double GammaGammaFit::expectedAverageValue(double x, double m) const
{
    return atLimit ? limitMean : vs::expectedAverageValue(params, x, m);
}

double hyp2f1(double a, double b, double c, double z)
{
    double term = 1, sum = 1;
    for (int n = 0; n < 100000; ++n) {
        term *= (a + n) * (b + n) / ((c + n) * (n + 1)) * z;
        sum += term;
        if (std::fabs(term) <= 1e-16 * std::fabs(sum))
            break;
    }
    return sum;
}

double pAlive(const BgNbdParams &p, double x, double tx, double T)
{
    if (!(x > 0))
        return 1.0;
    const double lr = std::log(p.a / (p.b + x - 1)) + (p.r + x) * std::log((p.alpha + T) / (p.alpha + tx));
    return 1.0 / (1.0 + std::exp(lr));
}

double expectedPurchasesIfAlive(const BgNbdParams &p, double t, double x, double T)
{
    if (!(t > 0))
        return 0.0;
    // FHL (2005) eq. 10 without its P(alive) factor, with Euler's transformation
    // 2F1(r+x, b+x; a+b+x-1; z) = (1-z)^(a-1-r-x) 2F1(a+b-1-r, a-1; a+b+x-1; z),
    // so that ((alpha+T)/(alpha+T+t))^(r+x) * 2F1(...) = (1-z)^(a-1) * 2F1(...) never overflows.
    const double z = t / (p.alpha + T + t);
    const double c = p.a + p.b + x - 1;
    const double f = hyp2f1(p.a + p.b - 1 - p.r, p.a - 1, c, z);
    return c / (p.a - 1) * (1 - std::pow(1 - z, p.a - 1) * f);
}

double expectedPurchases(const BgNbdParams &p, double t, double x, double tx, double T)
{
    return pAlive(p, x, tx, T) * expectedPurchasesIfAlive(p, t, x, T);
}

double expectedAverageValue(const GammaGammaParams &p, double x, double m)
{
    const double population = p.p * p.v / (p.q - 1);
    if (!(x > 0))
        return population;
    const double w = p.p * x / (p.p * x + p.q - 1);
    return (1 - w) * population + w * m;
}

double discountedPurchasesIfAlive(const BgNbdParams &p, double months, double unitsPerMonth, double d, double x,
                                  double T)
{
    return purchaseDiscountedIfAlive(PurchaseKind::BgNbd, {p.r, p.alpha, p.a, p.b}, months, unitsPerMonth, d, x, T);
}

double discountedPurchases(const BgNbdParams &p, double months, double unitsPerMonth, double d, double x, double tx,
                           double T)
{
    return pAlive(p, x, tx, T) * discountedPurchasesIfAlive(p, months, unitsPerMonth, d, x, T);
}

namespace {

std::vector<Triple> checkedTriples(PurchaseKind k, std::span<const double> x, std::span<const double> tx,
                                   std::span<const double> T, std::optional<Error> &error)
{
    size_t repeat = 0;
    double meanT = 0;
    for (size_t i = 0; i < x.size(); ++i) {
        if (!(x[i] >= 0) || !(tx[i] >= 0) || !(T[i] >= tx[i]) || (k == PurchaseKind::BgBb && !(x[i] <= T[i]))) {
            error = makeError(ErrorKind::Model, Msg::BgNbdBadInput);
            return {};
        }
        repeat += x[i] > 0;
        meanT += T[i];
    }
    if (x.size() < 10)
        error = makeError(ErrorKind::Model, Msg::BgNbdTooFewCustomers, {std::to_string(x.size())});
    else if (repeat == 0)
        error = makeError(ErrorKind::Model, Msg::BgNbdNoRepeat);
    else if (repeat < 3)
        error = makeError(ErrorKind::Model, Msg::BgNbdTooFewRepeat, {std::to_string(repeat)});
    else if (!(meanT > 0))
        error = makeError(ErrorKind::Model, Msg::AgesAllZero);
    return error ? std::vector<Triple>{} : compress(x, tx, T);
}

const char *kindName(PurchaseKind k)
{
    switch (k) {
    case PurchaseKind::BgNbd: return "BG/NBD";
    case PurchaseKind::MbgNbd: return "MBG/NBD";
    case PurchaseKind::ParetoNbd: return "Pareto/NBD";
    case PurchaseKind::BgBb: return "BG/BB";
    }
    return "";
}

double llOf(PurchaseKind k, const std::vector<Triple> &data, const double *p, double *g)
{
    switch (k) {
    case PurchaseKind::BgNbd: return bgLL(data, p, g, false);
    case PurchaseKind::MbgNbd: return bgLL(data, p, g, true);
    case PurchaseKind::ParetoNbd: return paretoLL(data, p);
    case PurchaseKind::BgBb: return bgbbLL(data, p);
    }
    return NAN;
}

} // namespace

double purchaseLogLikelihood(PurchaseKind k, const Params4 &p, std::span<const double> x, std::span<const double> tx,
                             std::span<const double> T)
{
    return llOf(k, compress(x, tx, T), p.data(), nullptr);
}

Result<PurchaseFit4> fitPurchaseModel(PurchaseKind k, std::span<const double> x, std::span<const double> tx,
                                      std::span<const double> T, double penalizer)
{
    std::optional<Error> error;
    const std::vector<Triple> data = checkedTriples(k, x, tx, T, error);
    if (error)
        return *error;
    double meanT = 0;
    for (double t : T)
        meanT += t;
    meanT /= double(T.size());
    const bool numeric = k == PurchaseKind::ParetoNbd || k == PurchaseKind::BgBb;
    Problem pb{4, double(x.size()), penalizer, [&](const double *p, double *g) { return llOf(k, data, p, g); }, numeric};
    std::vector<double> theta = {0.0, std::log(meanT / 4), 0.0, 0.0};
    if (k == PurchaseKind::ParetoNbd)
        theta = {0.0, std::log(meanT / 4), 0.0, std::log(meanT / 4)};
    else if (k == PurchaseKind::BgBb)
        theta = {0.0, 0.0, 0.0, 0.0};
    auto info = maximise(pb, theta, kindName(k));
    if (!info)
        return info.error();
    PurchaseFit4 fit;
    for (size_t i = 0; i < 4; ++i)
        fit.params[i] = std::exp(theta[i]);
    fit.info = std::move(info.value());
    fit.info.customers = x.size();
    return fit;
}

double purchasePAlive(PurchaseKind k, const Params4 &p, double x, double tx, double T)
{
    switch (k) {
    case PurchaseKind::BgNbd:
        return pAlive({p[0], p[1], p[2], p[3]}, x, tx, T);
    case PurchaseKind::MbgNbd: {
        const double lr = std::log(p[2] / (p[3] + x)) + (p[0] + x) * std::log((p[1] + T) / (p[1] + tx));
        return 1.0 / (1.0 + std::exp(lr));
    }
    case PurchaseKind::ParetoNbd: {
        // 1 / (1 + s/(r+s+x) (α+T)^(r+x) (β+T)^s A0) = first / (first + second) of the likelihood
        const double r = p[0], al = p[1], s = p[2], be = p[3];
        const double full = paretoTerm(p.data(), x, tx, T) - (lgam(r + x) - lgam(r) + r * std::log(al) + s * std::log(be));
        const double first = -(r + x) * std::log(al + T) - s * std::log(be + T);
        return std::exp(first - full);
    }
    case PurchaseKind::BgBb: {
        // alive at the next opportunity (FHS 2010, eq. 11)
        const double al = p[0], be = p[1], ga = p[2], de = p[3], n = T;
        const double num = lbeta(al + x, be + n - x) - lbeta(al, be) + lbeta(ga, de + n + 1) - lbeta(ga, de);
        return std::exp(num - bgbbTerm(p.data(), x, tx, n));
    }
    }
    return NAN;
}

double purchaseExpectedIfAlive(PurchaseKind k, const Params4 &p, double t, double x, double T)
{
    if (!(t > 0))
        return 0.0;
    switch (k) {
    case PurchaseKind::BgNbd:
        return expectedPurchasesIfAlive({p[0], p[1], p[2], p[3]}, t, x, T);
    case PurchaseKind::MbgNbd: {
        // Batislam et al. (2007), eq. 8 without P(alive); Euler's transformation as for BG/NBD:
        // ((α+T)/(α+T+t))^(r+x) 2F1(r+x, b+x+1; a+b+x; z) = (1-z)^(a-1) 2F1(a+b-r, a-1; a+b+x; z)
        const double r = p[0], al = p[1], a = p[2], b = p[3];
        const double z = t / (al + T + t), c = a + b + x;
        return c / (a - 1) * (1 - std::pow(1 - z, a - 1) * hyp2f1(a + b - r, a - 1, c, z));
    }
    case PurchaseKind::ParetoNbd: {
        // Schmittlein et al. (1987): E[Y(t) | alive] = (r+x)(β+T) / ((α+T)(s-1)) · [1 - ((β+T)/(β+T+t))^(s-1)]
        const double r = p[0], al = p[1], s = p[2], be = p[3];
        const double ratio = (be + T) / (be + T + t);
        if (std::fabs(s - 1) < 1e-9) // the limit s -> 1
            return (r + x) * (be + T) / (al + T) * -std::log(ratio);
        return (r + x) * (be + T) / ((al + T) * (s - 1)) * (1 - std::pow(ratio, s - 1));
    }
    case PurchaseKind::BgBb: {
        // FHS (2010), eq. 13 divided by eq. 11: purchases in the next floor(t) opportunities
        const double al = p[0], be = p[1], ga = p[2], de = p[3], n = T, m = std::floor(t + 1e-9);
        const double lead = (al + x) / (al + be + n) * de / (ga - 1);
        const double bracket = std::exp(lgam(1 + de + n) - lgam(ga + de + n)) - std::exp(lgam(1 + de + n + m) - lgam(ga + de + n + m));
        const double aliveNext = lbeta(ga, de + n + 1) - lbeta(ga, de);
        return lead * std::exp(lgam(ga + de) - lgam(1 + de) - aliveNext) * bracket;
    }
    }
    return NAN;
}

double purchaseExpectedNew(PurchaseKind k, const Params4 &p, double t)
{
    if (!(t > 0))
        return 0.0;
    switch (k) {
    case PurchaseKind::BgNbd: { // FHL (2005), eq. 9
        const double r = p[0], al = p[1], a = p[2], b = p[3];
        return (a + b - 1) / (a - 1) * (1 - std::pow(al / (al + t), r) * hyp2f1(r, b, a + b - 1, t / (al + t)));
    }
    case PurchaseKind::MbgNbd: { // Batislam et al. (2007), eq. 6
        const double r = p[0], al = p[1], a = p[2], b = p[3];
        return b / (a - 1) * (1 - std::pow(al / (al + t), r) * hyp2f1(r, b + 1, a + b, t / (al + t)));
    }
    case PurchaseKind::ParetoNbd: { // Schmittlein et al. (1987), eq. 17
        const double r = p[0], al = p[1], s = p[2], be = p[3];
        if (std::fabs(s - 1) < 1e-9)
            return r * be / al * std::log((be + t) / be);
        return r * be / (al * (s - 1)) * (1 - std::pow(be / (be + t), s - 1));
    }
    case PurchaseKind::BgBb: { // FHS (2010), eq. 7, over floor(t) opportunities
        const double al = p[0], be = p[1], ga = p[2], de = p[3], n = std::floor(t + 1e-9);
        return al / (al + be) * de / (ga - 1) *
               (1 - std::exp(lgam(ga + de) - lgam(ga + de + n) + lgam(1 + de + n) - lgam(1 + de)));
    }
    }
    return NAN;
}

double purchaseDiscountedIfAlive(PurchaseKind k, const Params4 &p, double months, double unitsPerMonth, double d,
                                 double x, double T)
{
    double total = 0, previous = 0;
    const int whole = int(std::floor(months + 1e-12));
    for (int step = 1; step <= whole + 1; ++step) {
        const double at = step <= whole ? double(step) : months;
        if (step > whole && at <= whole + 1e-12)
            break;
        const double e = purchaseExpectedIfAlive(k, p, at * unitsPerMonth, x, T);
        total += (e - previous) / std::pow(1 + d, at);
        previous = e;
    }
    return total;
}

} // namespace vs
