#pragma once
// Work spread over every core for the steps of an analysis whose parts are independent (the
// statistics of each measure, customers in blocks). Header-only; no thread outlives a call.
#include <algorithm>
#include <atomic>
#include <cstddef>
#include <exception>
#include <future>
#include <system_error>
#include <thread>
#include <type_traits>
#include <vector>

namespace vs {

// task(i) for every i in [0, n), on this thread and one more thread per further core; returns
// when all are done. The first exception a task throws is rethrown here after the others end.
template <class Task>
void parallelFor(size_t n, Task &&task)
{
    const size_t threads = std::min<size_t>(n, std::max(1u, std::thread::hardware_concurrency()));
    if (threads <= 1) {
        for (size_t i = 0; i < n; ++i)
            task(i);
        return;
    }
    std::atomic<size_t> next{0};
    auto work = [&] {
        for (size_t i; (i = next.fetch_add(1, std::memory_order_relaxed)) < n;)
            task(i);
    };
    std::vector<std::future<void>> others;
    try {
        for (size_t t = 1; t < threads; ++t)
            others.push_back(std::async(std::launch::async, work));
    } catch (const std::system_error &) {
        // no thread to be had (a process or container limit): the ones started and this one
    }
    std::exception_ptr failed;
    try {
        work();
    } catch (...) {
        failed = std::current_exception();
        next.store(n); // the others stop after their task
    }
    for (auto &f : others) {
        try {
            f.get();
        } catch (...) {
            if (!failed)
                failed = std::current_exception();
        }
    }
    if (failed)
        std::rethrow_exception(failed);
}

// f() on another thread, or here at once when no thread can be started; the future holds what
// f returns when it is done (its destructor waits for it).
template <class F>
std::future<std::invoke_result_t<F &>> startAlongside(F f)
{
    using R = std::invoke_result_t<F &>;
    try {
        return std::async(std::launch::async, f);
    } catch (const std::system_error &) {
        std::promise<R> done;
        if constexpr (std::is_void_v<R>) {
            f();
            done.set_value();
        } else {
            done.set_value(f());
        }
        return done.get_future();
    }
}

// How many parts a scan of this many bytes is cut into: one below 4 MB (not worth a thread),
// else two a core, so that a core that is done takes the next.
inline size_t scanParts(size_t bytes)
{
    return bytes < (size_t(4) << 20) ? 1 : 2 * size_t(std::max(1u, std::thread::hardware_concurrency()));
}

// parallelFor over [0, n) in blocks of `block`: task(from, to).
template <class Task>
void parallelBlocks(size_t n, size_t block, Task &&task)
{
    block = std::max<size_t>(block, 1);
    parallelFor((n + block - 1) / block, [&](size_t b) { task(b * block, std::min(n, (b + 1) * block)); });
}

} // namespace vs
