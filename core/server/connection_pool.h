// The threads that serve `stllava serve`'s HTTP connections. cpp-httplib hands every accepted
// connection to a TaskQueue; its own ThreadPool has a fixed number of threads and parks each further
// connection, unread, until one frees: under a burst a /health probe waits behind queued streams,
// and a request beyond the full queue waits instead of getting its 503. This pool starts `base`
// threads and adds one whenever a connection arrives while every thread is busy, up to `cap`; only
// beyond the cap do connections wait (FIFO). Threads once added stay for the server's life, so a
// second burst costs no new memory.
// Threads: enqueue() from httplib's accept thread; stats() from any thread.
#pragma once

#include <httplib.h>

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <thread>
#include <type_traits>
#include <vector>

namespace stllava::server {

struct ConnectionStats {
    std::size_t threads = 0, busy = 0, parked = 0, peak_threads = 0;
    std::uint64_t connections = 0;
};

// Shared between the pool (which httplib owns and deletes when it stops listening) and the server's
// /metrics, which may ask at any moment.
class ConnectionCounters {
public:
    ConnectionStats get() const {
        std::lock_guard<std::mutex> lock(mutex_);
        return stats_;
    }
    void set(const ConnectionStats& s) {
        std::lock_guard<std::mutex> lock(mutex_);
        stats_ = s;
    }

private:
    mutable std::mutex mutex_;
    ConnectionStats stats_;  // guarded by mutex_
};

// `return accepted<R>();` returns nothing for void and true for bool.
template <typename R>
R accepted() {
    if constexpr (!std::is_void_v<R>) return true;
}

class ConnectionPool : public httplib::TaskQueue {
    // cpp-httplib 0.11 (Debian 12) declares `void enqueue(...)`, later versions `bool enqueue(...)`.
    using EnqueueResult = decltype(std::declval<httplib::TaskQueue&>().enqueue(std::function<void()>{}));

public:
    ConnectionPool(std::size_t base, std::size_t cap, std::shared_ptr<ConnectionCounters> counters);
    ~ConnectionPool() override;
    ConnectionPool(const ConnectionPool&) = delete;
    ConnectionPool& operator=(const ConnectionPool&) = delete;

    EnqueueResult enqueue(std::function<void()> fn) override {
        push(std::move(fn));
        return accepted<EnqueueResult>();
    }
    void shutdown() override;

private:
    void push(std::function<void()> fn);
    void work();
    void publish();  // caller holds mutex_

    const std::size_t cap_;
    std::shared_ptr<ConnectionCounters> counters_;
    std::mutex mutex_;
    std::condition_variable cv_;
    std::deque<std::function<void()>> jobs_;  // guarded by mutex_
    std::vector<std::thread> threads_;        // guarded by mutex_
    std::size_t idle_ = 0;                    // guarded by mutex_: threads waiting for a job
    std::size_t peak_ = 0;                    // guarded by mutex_
    std::uint64_t connections_ = 0;           // guarded by mutex_
    bool shutdown_ = false;                   // guarded by mutex_
};

}  // namespace stllava::server
