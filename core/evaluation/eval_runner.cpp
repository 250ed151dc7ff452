#include "evaluation/eval_runner.h"

#include "common/launch_env.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstdlib>
#include <cstring>
#include <random>
#include <stdexcept>
#include <unordered_set>

#include "common/atomic_file.h"

namespace stllava::eval {

const char* promptVariantName(PromptVariant v) { return v == PromptVariant::Plain ? "plain" : "closed-yes-no"; }

PromptVariant promptVariantFromName(const std::string& name) {
    if (name == "plain") return PromptVariant::Plain;
    if (name == "closed-yes-no") return PromptVariant::ClosedYesNo;
    throw std::invalid_argument("unknown prompt variant '" + name + "' (plain, closed-yes-no)");
}

std::string questionFor(const BenchmarkItem& item, PromptVariant variant) {
    if (variant == PromptVariant::ClosedYesNo && item.type == metrics::AnswerType::Closed)
        return item.question + kYesNoOptions;
    return item.question;
}

namespace {

std::string answerId() {
    static const char* alphabet = "23456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";  // shortuuid's
    std::random_device rd;
    std::mt19937_64 g((static_cast<std::uint64_t>(rd()) << 32) ^ rd());
    std::string s;
    for (int i = 0; i < 22; ++i) s.push_back(alphabet[g() % 57]);
    return s;
}

// Appends `data` in one write and makes it durable before returning.
void appendDurably(const std::string& path, const std::string& data) {
    const int fd = ::open(path.c_str(), O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0644);
    if (fd < 0) throw std::runtime_error("cannot open '" + path + "' for appending: " + std::strerror(errno));
    try {
        writeAll(fd, data.data(), data.size(), path);
    } catch (...) {
        ::close(fd);
        throw;
    }
    if (::fsync(fd) != 0) {
        const int e = errno;
        ::close(fd);
        throw std::runtime_error("fsync of '" + path + "' failed: " + std::strerror(e));
    }
    ::close(fd);
}

}  // namespace

Shard Shard::fromEnvironment() {
    const LaunchEnv env = launchEnvFromEnvironment();  // torchrun's or Slurm's variables
    Shard s;
    s.rank = env.rank;
    s.world = env.world_size;
    return s;
}

std::string shardOutputPath(const std::string& out, const Shard& shard) {
    if (shard.world <= 1) return out;
    const auto pos = out.find("{rank}");
    if (pos != std::string::npos) return out.substr(0, pos) + std::to_string(shard.rank) + out.substr(pos + 6);
    return out + ".rank" + std::to_string(shard.rank);
}

RunStats runBenchmark(const Benchmark& benchmark, const AnswerBatchFn& answer, const RunOptions& o) {
    if (o.batch < 1) throw std::invalid_argument("runBenchmark: batch must be at least 1");
    if (o.shard.world < 1 || o.shard.rank < 0 || o.shard.rank >= o.shard.world)
        throw std::invalid_argument("runBenchmark: bad shard");
    const auto t0 = std::chrono::steady_clock::now();
    RunStats stats;

    std::vector<const BenchmarkItem*> mine;
    std::unordered_set<std::string> mine_ids;
    for (std::size_t i = 0; i < benchmark.items.size(); ++i) {
        if (static_cast<int>(i % static_cast<std::size_t>(o.shard.world)) != o.shard.rank) continue;
        mine.push_back(&benchmark.items[i]);
        if (!mine_ids.insert(benchmark.items[i].id).second)
            throw InputError(benchmark.path + ": question id '" + benchmark.items[i].id +
                             "' appears twice; a resumable run needs unique ids");
    }
    stats.shard_questions = mine.size();

    // Resume: what the output already holds.
    std::unordered_set<std::string> done;
    struct stat st {};
    if (::stat(o.out_path.c_str(), &st) == 0) {
        const auto existing = readPredictionsForResume(o.out_path, &stats.torn_bytes_dropped);
        if (stats.torn_bytes_dropped > 0) {
            // Cut the torn tail of an interrupted append so the next append starts on a fresh line.
            const auto keep = static_cast<off_t>(st.st_size) - static_cast<off_t>(stats.torn_bytes_dropped);
            if (::truncate(o.out_path.c_str(), keep) != 0)
                throw std::runtime_error("cannot cut the torn last line of '" + o.out_path + "': " + std::strerror(errno));
        }
        for (const auto& p : existing) {
            if (!mine_ids.count(p.question_id))
                throw InputError(o.out_path + ": holds a prediction for question_id '" + p.question_id +
                                 "', which is not a question of this run (" + benchmark.path + ", shard " +
                                 std::to_string(o.shard.rank) + " of " + std::to_string(o.shard.world) +
                                 "); use another --out");
            if (!done.insert(p.question_id).second)
                throw InputError(o.out_path + ": question_id '" + p.question_id + "' appears twice");
        }
    } else if (errno != ENOENT) {
        throw std::runtime_error("cannot stat '" + o.out_path + "': " + std::strerror(errno));
    }
    stats.already_done = done.size();

    std::vector<const BenchmarkItem*> todo;
    for (const auto* q : mine)
        if (!done.count(q->id)) todo.push_back(q);
    if (o.limit > 0 && todo.size() > o.limit) todo.resize(o.limit);

    const auto total = static_cast<std::int64_t>(stats.shard_questions);
    auto report = [&](std::int64_t finished) {
        if (o.progress && !o.progress({finished, total, "answering"})) throw Cancelled();
    };
    report(static_cast<std::int64_t>(stats.already_done));
    for (std::size_t start = 0; start < todo.size(); start += static_cast<std::size_t>(o.batch)) {
        const std::size_t end = std::min(todo.size(), start + static_cast<std::size_t>(o.batch));
        std::vector<AnswerRequest> batch;
        for (std::size_t i = start; i < end; ++i) batch.push_back({todo[i], questionFor(*todo[i], o.variant)});
        const std::vector<Answer> answers = answer(batch);
        if (answers.size() != batch.size())
            throw std::runtime_error("the answerer returned " + std::to_string(answers.size()) + " answers for " +
                                     std::to_string(batch.size()) + " questions");
        std::string lines;
        for (std::size_t k = 0; k < batch.size(); ++k) {
            Prediction p;
            p.question_id = batch[k].item->id;
            p.id_is_number = batch[k].item->id_is_number;
            p.prompt = batch[k].question;
            p.text = answers[k].text;
            p.answer_id = answerId();
            p.model_id = o.model_id;
            p.metadata = answers[k].metadata;
            p.metadata["prompt_variant"] = promptVariantName(o.variant);
            lines += predictionLine(p);
        }
        appendDurably(o.out_path, lines);
        stats.generated += batch.size();
        report(static_cast<std::int64_t>(stats.already_done + stats.generated));
    }
    stats.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    return stats;
}

}  // namespace stllava::eval
