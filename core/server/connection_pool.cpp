// See connection_pool.h.
#include "server/connection_pool.h"

#include <algorithm>

namespace stllava::server {

ConnectionPool::ConnectionPool(std::size_t base, std::size_t cap, std::shared_ptr<ConnectionCounters> counters)
    : cap_(std::max<std::size_t>({cap, base, 1})), counters_(std::move(counters)) {
    std::lock_guard<std::mutex> lock(mutex_);
    const std::size_t n = std::max<std::size_t>(base, 1);
    threads_.reserve(n);
    for (std::size_t i = 0; i < n; ++i) threads_.emplace_back([this] { work(); });
    peak_ = threads_.size();
    publish();
}

ConnectionPool::~ConnectionPool() {
    shutdown();
}

void ConnectionPool::push(std::function<void()> fn) {
    std::lock_guard<std::mutex> lock(mutex_);
    if (shutdown_) return;  // httplib stops accepting before it shuts its queue down
    jobs_.push_back(std::move(fn));
    ++connections_;
    // Every idle thread already has a job to take: one more thread, unless at the cap.
    if (jobs_.size() > idle_ && threads_.size() < cap_) {
        threads_.emplace_back([this] { work(); });
        peak_ = std::max(peak_, threads_.size());
    }
    publish();
    cv_.notify_one();
}

void ConnectionPool::shutdown() {
    std::vector<std::thread> threads;
    {
        std::lock_guard<std::mutex> lock(mutex_);
        shutdown_ = true;
        threads.swap(threads_);
    }
    cv_.notify_all();
    for (auto& t : threads)
        if (t.joinable()) t.join();
    std::lock_guard<std::mutex> lock(mutex_);
    publish();
}

void ConnectionPool::work() {
    std::unique_lock<std::mutex> lock(mutex_);
    for (;;) {
        ++idle_;
        publish();
        cv_.wait(lock, [this] { return !jobs_.empty() || shutdown_; });
        --idle_;
        if (jobs_.empty()) {  // shutting down, nothing left to serve
            publish();
            return;
        }
        std::function<void()> fn = std::move(jobs_.front());
        jobs_.pop_front();
        publish();
        lock.unlock();
        fn();
        fn = nullptr;  // the connection's captures go before the thread waits again
        lock.lock();
    }
}

void ConnectionPool::publish() {
    ConnectionStats s;
    s.threads = threads_.size();
    s.busy = threads_.size() >= idle_ ? threads_.size() - idle_ : 0;
    s.parked = jobs_.size();
    s.peak_threads = peak_;
    s.connections = connections_;
    counters_->set(s);
}

}  // namespace stllava::server
