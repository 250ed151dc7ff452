// The request queue of `stllava serve`: HTTP threads submit jobs; one scheduler thread collects
// what is waiting (FIFO, up to max_batch) and runs it as ONE batched generate call, handing each
// job's streamed text back to its connection.
//
// Batching: the session decodes a batch together, but a running batch cannot take new rows from
// outside (LlavaSession::generate is one call); jobs that arrive meanwhile wait and form the next
// batch as soon as it ends. A batch starts when max_batch jobs wait or when the oldest waiting job
// has waited `collect_window`, whichever is first.
// Cancel: a job whose client went away (abandon()) leaves the queue, or, when running, ends at its
// next piece of text while the other rows go on (the stream callback declines that row only).
// Threads: submit()/stats()/stop() from any thread; a job's fields are guarded by its own mutex.
#pragma once

#include "common/cancel_token.h"
#include "pipeline/request.h"

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace stllava::server {

// The session prefixes its errors with "request N: " (the index in its batch), which means nothing
// to a client whose request ran beside others: the message without it.
std::string withoutRequestIndex(std::string message);

// One HTTP request's generation.
class ServeJob {
public:
    ServeJob(std::uint64_t id, pipeline::Request request) : id_(id), request_(std::move(request)) {}
    std::uint64_t id() const { return id_; }
    const pipeline::Request& request() const { return request_; }

    // The client went away: the job stops at its next step (or never starts).
    void abandon() { abandoned_.store(true); }
    bool abandoned() const { return abandoned_.load(); }

    // Waits up to `timeout` for streamed text or the end; appends the pieces that came (one per
    // engine delta) to `pieces`. Returns true when the job has finished and every piece was taken.
    bool waitForText(std::chrono::milliseconds timeout, std::vector<std::string>& pieces);
    void waitFinished();

    // Valid once finished. error_status 0 = success (reply), else an HTTP status with a message.
    pipeline::Reply reply() const;
    int errorStatus() const;
    std::string errorMessage() const;
    int batchSize() const;  // rows of the batch it ran in (0: it never ran)

    // Scheduler side.
    void pushText(std::string_view delta);
    void finish(pipeline::Reply reply, int batch_size);
    void fail(int status, std::string message, int batch_size);
    bool streamedAny() const;
    bool finished() const;

private:
    const std::uint64_t id_;
    const pipeline::Request request_;
    std::atomic<bool> abandoned_{false};
    mutable std::mutex mutex_;
    std::condition_variable cv_;
    std::deque<std::string> pending_;  // guarded by mutex_: streamed pieces not yet taken
    bool streamed_any_ = false;        // guarded by mutex_
    bool finished_ = false;            // guarded by mutex_
    pipeline::Reply reply_;            // guarded by mutex_
    int error_status_ = 0;             // guarded by mutex_
    std::string error_message_;        // guarded by mutex_
    int batch_size_ = 0;               // guarded by mutex_
};

// Runs one batch: requests in, replies in the same order; `stream(index, delta)` returning false
// ends that request alone; `on_reply(index, reply)` hands over each reply as soon as it is final (a
// short answer goes out while its batch's long ones still run); `cancel` stops the whole batch
// (server shutdown).
using BatchRunner = std::function<std::vector<pipeline::Reply>(const std::vector<pipeline::Request>& requests,
                                                               const pipeline::TextStreamFn& stream,
                                                               const pipeline::ReplyFn& on_reply,
                                                               const CancelToken* cancel)>;

struct SchedulerOptions {
    int max_batch = 8;
    std::size_t max_queue = 32;  // waiting jobs; more are refused (503)
    std::chrono::milliseconds collect_window{5};
};

struct SchedulerStats {
    std::uint64_t submitted = 0, refused = 0, batches = 0, batch_rows = 0, cancelled = 0, failed = 0;
    std::uint64_t prompt_tokens = 0, completion_tokens = 0;
    int max_batch_seen = 0;
    std::size_t waiting = 0, running = 0;
};

class BatchScheduler {
public:
    BatchScheduler(BatchRunner runner, SchedulerOptions options);
    ~BatchScheduler();
    BatchScheduler(const BatchScheduler&) = delete;
    BatchScheduler& operator=(const BatchScheduler&) = delete;

    // Queues a job. Throws ApiError 503 when max_queue jobs already wait or the scheduler stopped.
    std::shared_ptr<ServeJob> submit(pipeline::Request request);
    SchedulerStats stats() const;
    // Cancels the running batch, fails waiting jobs (503), joins the thread. Idempotent.
    void stop();

private:
    void loop();
    void runBatch(const std::vector<std::shared_ptr<ServeJob>>& batch);

    BatchRunner runner_;
    SchedulerOptions options_;
    CancelToken shutdown_;
    mutable std::mutex mutex_;
    std::condition_variable cv_;
    struct Waiting {
        std::shared_ptr<ServeJob> job;
        std::chrono::steady_clock::time_point since;
    };
    std::deque<Waiting> queue_;  // guarded by mutex_
    SchedulerStats stats_;       // guarded by mutex_
    bool stopping_ = false;      // guarded by mutex_
    std::uint64_t next_id_ = 1;  // guarded by mutex_
    std::thread thread_;
};

}  // namespace stllava::server
