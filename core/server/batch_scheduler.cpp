// The request queue and batch scheduler of `stllava serve`. See batch_scheduler.h.
#include "server/batch_scheduler.h"

#include "common/input_error.h"
#include "server/openai_protocol.h"

#include <algorithm>
#include <stdexcept>

namespace stllava::server {
std::string withoutRequestIndex(std::string message) {
    if (message.rfind("request ", 0) == 0) {
        const auto colon = message.find(": ");
        if (colon != std::string::npos && message.find_first_not_of("0123456789", 8) == colon)
            message.erase(0, colon + 2);
    }
    return message;
}

bool ServeJob::waitForText(std::chrono::milliseconds timeout, std::vector<std::string>& pieces) {
    std::unique_lock<std::mutex> lock(mutex_);
    cv_.wait_for(lock, timeout, [&] { return finished_ || !pending_.empty(); });
    for (auto& p : pending_) pieces.push_back(std::move(p));
    pending_.clear();
    return finished_;
}

void ServeJob::waitFinished() {
    std::unique_lock<std::mutex> lock(mutex_);
    cv_.wait(lock, [&] { return finished_; });
}

pipeline::Reply ServeJob::reply() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return reply_;
}
int ServeJob::errorStatus() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return error_status_;
}
std::string ServeJob::errorMessage() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return error_message_;
}
int ServeJob::batchSize() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return batch_size_;
}
bool ServeJob::streamedAny() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return streamed_any_;
}
bool ServeJob::finished() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return finished_;
}

void ServeJob::pushText(std::string_view delta) {
    {
        std::lock_guard<std::mutex> lock(mutex_);
        pending_.emplace_back(delta);
        streamed_any_ = true;
    }
    cv_.notify_all();
}

void ServeJob::finish(pipeline::Reply reply, int batch_size) {
    {
        std::lock_guard<std::mutex> lock(mutex_);
        reply_ = std::move(reply);
        batch_size_ = batch_size;
        finished_ = true;
    }
    cv_.notify_all();
}

void ServeJob::fail(int status, std::string message, int batch_size) {
    {
        std::lock_guard<std::mutex> lock(mutex_);
        error_status_ = status;
        error_message_ = std::move(message);
        batch_size_ = batch_size;
        finished_ = true;
    }
    cv_.notify_all();
}

BatchScheduler::BatchScheduler(BatchRunner runner, SchedulerOptions options)
    : runner_(std::move(runner)), options_(options) {
    if (options_.max_batch < 1) throw std::invalid_argument("max batch must be at least 1");
    thread_ = std::thread([this] { loop(); });
}

BatchScheduler::~BatchScheduler() {
    stop();
}

std::shared_ptr<ServeJob> BatchScheduler::submit(pipeline::Request request) {
    std::shared_ptr<ServeJob> job;
    {
        std::lock_guard<std::mutex> lock(mutex_);
        if (stopping_) throw ApiError(503, "overloaded_error", "the server is shutting down");
        if (queue_.size() >= options_.max_queue) {
            ++stats_.refused;
            throw ApiError(503, "overloaded_error",
                           "the request queue is full (" + std::to_string(options_.max_queue) +
                               " waiting); retry later");
        }
        job = std::make_shared<ServeJob>(next_id_++, std::move(request));
        queue_.push_back({job, std::chrono::steady_clock::now()});
        ++stats_.submitted;
    }
    cv_.notify_all();
    return job;
}

SchedulerStats BatchScheduler::stats() const {
    std::lock_guard<std::mutex> lock(mutex_);
    SchedulerStats s = stats_;
    s.waiting = queue_.size();
    return s;
}

void BatchScheduler::stop() {
    {
        std::lock_guard<std::mutex> lock(mutex_);
        if (stopping_ && !thread_.joinable()) return;
        stopping_ = true;
    }
    shutdown_.cancel();
    cv_.notify_all();
    if (thread_.joinable()) thread_.join();
}

void BatchScheduler::loop() {
    for (;;) {
        std::vector<std::shared_ptr<ServeJob>> batch;
        {
            std::unique_lock<std::mutex> lock(mutex_);
            // Drops jobs whose clients left while waiting; true when a batch should start now.
            auto ready = [&] {
                while (!queue_.empty() && queue_.front().job->abandoned()) {
                    queue_.front().job->fail(499, "the client closed the connection", 0);
                    ++stats_.cancelled;
                    queue_.pop_front();
                }
                return stopping_ || static_cast<int>(queue_.size()) >= options_.max_batch ||
                       (!queue_.empty() &&
                        std::chrono::steady_clock::now() >= queue_.front().since + options_.collect_window);
            };
            while (!ready()) {
                if (queue_.empty())
                    cv_.wait(lock);
                else
                    cv_.wait_until(lock, queue_.front().since + options_.collect_window);
            }
            if (stopping_) {
                for (auto& w : queue_) w.job->fail(503, "the server is shutting down", 0);
                queue_.clear();
                return;
            }
            while (!queue_.empty() && static_cast<int>(batch.size()) < options_.max_batch) {
                if (!queue_.front().job->abandoned())
                    batch.push_back(queue_.front().job);
                else
                    ++stats_.cancelled, queue_.front().job->fail(499, "the client closed the connection", 0);
                queue_.pop_front();
            }
            stats_.running = batch.size();
        }
        if (!batch.empty()) runBatch(batch);
        std::lock_guard<std::mutex> lock(mutex_);
        stats_.running = 0;
    }
}

void BatchScheduler::runBatch(const std::vector<std::shared_ptr<ServeJob>>& batch) {
    const int n = static_cast<int>(batch.size());
    std::vector<pipeline::Request> requests;
    requests.reserve(batch.size());
    for (const auto& job : batch) requests.push_back(job->request());
    // Runs on this thread inside generate(): text to its job; a gone client declines its row only.
    const pipeline::TextStreamFn stream = [&batch](std::size_t index, std::string_view delta) {
        ServeJob& job = *batch[index];
        if (job.abandoned()) return false;
        job.pushText(delta);
        return true;
    };
    {
        std::lock_guard<std::mutex> lock(mutex_);
        ++stats_.batches;
        stats_.batch_rows += batch.size();
        stats_.max_batch_seen = std::max(stats_.max_batch_seen, n);
    }
    // A reply goes to its client as soon as it is final; the rest of the batch runs on.
    const pipeline::ReplyFn on_reply = [this, &batch, n](std::size_t i, const pipeline::Reply& reply) {
        if (i >= batch.size() || batch[i]->finished()) return;
        {
            std::lock_guard<std::mutex> lock(mutex_);
            if (batch[i]->abandoned() || reply.stop_reason == "cancelled") ++stats_.cancelled;
            stats_.prompt_tokens += static_cast<std::uint64_t>(reply.prompt_tokens);
            stats_.completion_tokens += reply.tokens.size();
        }
        batch[i]->finish(reply, n);
    };
    std::vector<pipeline::Reply> replies;
    try {
        replies = runner_(requests, stream, on_reply, &shutdown_);
    } catch (const std::exception& e) {
        std::vector<std::shared_ptr<ServeJob>> open;
        for (const auto& job : batch)
            if (!job->finished()) open.push_back(job);
        // One bad request must not fail its neighbours: when nothing was streamed yet, each runs alone.
        const bool any_streamed =
            std::any_of(open.begin(), open.end(), [](const auto& j) { return j->streamedAny(); });
        if (n > 1 && !any_streamed) {
            for (const auto& job : open) runBatch({job});
            return;
        }
        const bool bad_input = dynamic_cast<const InputError*>(&e) != nullptr ||
                               dynamic_cast<const std::invalid_argument*>(&e) != nullptr;
        for (const auto& job : open) job->fail(bad_input ? 400 : 500, withoutRequestIndex(e.what()), n);
        std::lock_guard<std::mutex> lock(mutex_);
        stats_.failed += open.size();
        return;
    }
    for (std::size_t i = 0; i < batch.size() && i < replies.size(); ++i) on_reply(i, replies[i]);
}

}  // namespace stllava::server
