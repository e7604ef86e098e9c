#include "btyd.h"

#include <Eigen/Dense>
#include <boost/math/special_functions/digamma.hpp>
#include <boost/math/special_functions/gamma.hpp>
#include <nlopt.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <functional>

namespace vs {

namespace {

double lgam(double x) { return boost::math::lgamma(x); }
double dig(double x) { return boost::math::digamma(x); }

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

// Log-likelihood and its gradient with respect to (r, alpha, a, b).
double bgLL(const std::vector<Triple> &data, const double *p, double *grad)
{
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
            lgBX = lgam(b + x);
            lgABX = lgam(a + b + x);
            if (grad) {
                dgRX = dig(r + x);
                dgBX = dig(b + x);
                dgABX = dig(a + b + x);
            }
        }
        const double lT = std::log(al + t.T);
        const double u1 = -(r + x) * lT;
        double s = u1, w2 = 0, lTx = 0;
        if (x > 0) {
            lTx = std::log(al + t.tx);
            const double u2 = std::log(a) - std::log(b + x - 1) - (r + x) * lTx;
            s = logAddExp(u1, u2);
            w2 = std::exp(u2 - s);
        }
        const double w1 = 1 - w2;
        ll += t.w * (lgRX + lgBX - lgABX + s);
        if (grad) {
            g[0] += t.w * (dgRX - w1 * lT - w2 * lTx);
            g[1] += t.w * (-w1 * (r + x) / (al + t.T) - (x > 0 ? w2 * (r + x) / (al + t.tx) : 0.0));
            g[2] += t.w * (-dgABX + (x > 0 ? w2 / a : 0.0));
            g[3] += t.w * (dgBX - dgABX - (x > 0 ? w2 / (b + x - 1) : 0.0));
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

// Minimises -LL/n + penalizer * sum(params^2) over log parameters with L-BFGS.
struct Problem {
    int k;
    double n;
    double penalizer;
    std::function<double(const double *, double *)> ll; // natural parameters -> LL, gradient
    int evaluations = 0;
};

double objective(unsigned k, const double *theta, double *grad, void *data)
{
    auto *pb = static_cast<Problem *>(data);
    ++pb->evaluations;
    std::array<double, 4> p{}, g{};
    for (unsigned i = 0; i < k; ++i)
        p[i] = std::exp(theta[i]);
    const double ll = pb->ll(p.data(), grad ? g.data() : nullptr);
    double pen = 0;
    for (unsigned i = 0; i < k; ++i)
        pen += p[i] * p[i];
    if (grad)
        for (unsigned i = 0; i < k; ++i)
            grad[i] = -g[i] * p[i] / pb->n + 2 * pb->penalizer * p[i] * p[i];
    const double f = -ll / pb->n + pb->penalizer * pen;
    return std::isfinite(f) ? f : HUGE_VAL;
}

Result<FitInfo> maximise(Problem &pb, std::vector<double> &theta, const std::string &model)
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
    bool atBound = false;
    for (double t : theta)
        atBound |= std::fabs(t) > 29.9;
    if ((res < 0 && !(res == NLOPT_ROUNDOFF_LIMITED && gmax < 1e-4)) || !std::isfinite(fmin) || atBound)
        return makeError(ErrorKind::Model, atBound ? Msg::FitNotConvergedAtBound : Msg::FitNotConverged, {model});
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
        pb.ll(q.data(), g.data());
        std::vector<double> out(static_cast<size_t>(k));
        for (int i = 0; i < k; ++i)
            out[size_t(i)] = g[size_t(i)] * q[size_t(i)];
        return out;
    };
    Eigen::MatrixXd H(k, k);
    const double h = 1e-5;
    for (int j = 0; j < k; ++j) {
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
    double meanM = 0;
    for (size_t i = 0; i < order.size(); ++i) {
        xs[i] = x[order[i]];
        ms[i] = m[order[i]];
        if (!(xs[i] > 0) || !(ms[i] > 0) || !std::isfinite(ms[i]))
            return makeError(ErrorKind::Model, Msg::GammaGammaNeedsSpend);
        meanM += ms[i];
    }
    if (xs.size() < 3)
        return makeError(ErrorKind::Model, Msg::GammaGammaTooFew, {std::to_string(xs.size())});
    meanM /= double(xs.size());
    bool allSame = true;
    for (double v : ms)
        allSame &= v == ms.front();
    if (allSame)
        return makeError(ErrorKind::Model, Msg::GammaGammaSameSpend);
    GGData d{xs, ms, {}, {}};
    d.logM.resize(xs.size());
    d.logX.resize(xs.size());
    for (size_t i = 0; i < xs.size(); ++i) {
        d.logM[i] = std::log(ms[i]);
        d.logX[i] = std::log(xs[i]);
    }
    Problem pb{3, double(xs.size()), penalizer, [&](const double *p, double *g) { return ggLL(d, p, g); }};
    std::vector<double> theta = {0.0, 0.0, std::log(meanM)};
    auto info = maximise(pb, theta, "Gamma-Gamma");
    if (!info)
        return info.error();
    GammaGammaFit fit;
    fit.params = {std::exp(theta[0]), std::exp(theta[1]), std::exp(theta[2])};
    fit.info = std::move(info.value());
    fit.info.customers = xs.size();
    if (!(fit.params.q > 1))
        return makeError(ErrorKind::Model, Msg::GammaGammaQ);
    return fit;
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

double discountedPurchasesIfAlive(const BgNbdParams &p, int months, double unitsPerMonth, double d, double x, double T)
{
    double total = 0, previous = 0;
    for (int k = 1; k <= months; ++k) {
        const double e = expectedPurchasesIfAlive(p, k * unitsPerMonth, x, T);
        total += (e - previous) / std::pow(1 + d, k);
        previous = e;
    }
    return total;
}

double discountedPurchases(const BgNbdParams &p, int months, double unitsPerMonth, double d, double x, double tx,
                           double T)
{
    return pAlive(p, x, tx, T) * discountedPurchasesIfAlive(p, months, unitsPerMonth, d, x, T);
}

} // namespace vs
