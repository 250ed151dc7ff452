#include "pipeline/stage2_generation.h"

#include "common/atomic_file.h"
#include "common/input_error.h"
#include "common/sha256.h"
#include "imaging/image_loader.h"
#include "prompt/conversation.h"
#include "selftrain/job_records.h"
#include "selftrain/jsonl.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <map>
#include <set>

namespace stllava::pipeline {
namespace fs = std::filesystem;
using nlohmann::json;

namespace {

// A sampling seed from the job seed, the image and a salt: the same on every run and machine.
std::uint64_t seedFor(std::uint64_t seed, const std::string& image, std::uint64_t salt) {
    Sha256 h;
    h.update(std::to_string(seed) + "|" + std::to_string(salt) + "|" + image);
    const auto d = h.finish();
    std::uint64_t v = 0;
    for (int i = 0; i < 8; ++i) v = (v << 8) | d[static_cast<std::size_t>(i)];
    return v;
}

std::string itemId(const std::string& image, int k) {
    return image + "#q" + std::to_string(k);
}

json samplingJson(const SamplingParams& s) {
    return {{"temperature", s.temperature},
            {"top_k", s.top_k},
            {"top_p", s.top_p},
            {"max_new_tokens", s.max_new_tokens},
            {"repetition_penalty", s.repetition_penalty}};
}

json settingsJson(const Stage2Options& o, const std::string& template_name) {
    return {{"questions", o.questions},
            {"answer_seeds", o.answer_seeds},
            {"seed", o.seed},
            {"template", template_name},
            {"describe_prompt", selftrain::kDescribePrompt},
            {"describe_sampling", samplingJson(o.describe)},
            {"question_sampling", samplingJson(o.question)},
            {"answer_sampling", samplingJson(o.answer)},
            {"world_size", o.world}};
}

// job.json: written once; on resume the settings and the model must be the same.
void checkOrWriteJob(const std::string& dir, const ModelInfo& info, const json& settings) {
    const std::string path = selftrain::jobPath(dir, selftrain::kJobFile);
    json model = {{"model_dir", info.model_dir},           {"digest", info.digest},
                  {"template", info.template_name},        {"adapter", info.adapter.path},
                  {"adapter_sha256", info.adapter.digest}, {"dtype", info.dtype}};
    if (!fs::exists(path)) {
        selftrain::JobInfo job;
        job.model = model;
        job.settings = settings;
        job.created = selftrain::isoTimeNow();
        selftrain::writeJobInfo(dir, job);
        return;
    }
    selftrain::JobInfo job;
    try {
        job = selftrain::readJobInfo(dir);
    } catch (const std::exception& e) {
        throw InputError(e.what());
    }
    for (const char* key : {"questions", "answer_seeds", "seed", "template", "describe_sampling",
                            "question_sampling", "answer_sampling"})
        if (job.settings.value(key, json()) != settings[key])
            throw InputError(path, "", std::string("settings.") + key,
                             "the job was started with " + job.settings.value(key, json()).dump() +
                                 ", this run asks for " + settings[key].dump() +
                                 " (use another job folder, or the same settings)");
    if (job.model.value("digest", "") != info.digest ||
        job.model.value("adapter_sha256", "") != info.adapter.digest)
        throw InputError(path, "", "model",
                         "the job was started with another model or adapter (" + job.model.dump() + ")");
}

// Images of this shard whose items (all questions) or skip record are already in the job.
// `written` gets every item id already in the file (a torn batch may have left part of an image).
std::set<std::string> finishedImages(const std::string& items, const std::string& skipped, int questions,
                                     std::set<std::string>& written) {
    std::map<std::string, std::set<int>> seen;
    selftrain::readJsonl(items, [&](const json& j, std::size_t) {
        if (j.contains("item_id")) written.insert(j["item_id"].get<std::string>());
        if (j.contains("image") && j.contains("question_index"))
            seen[j["image"].get<std::string>()].insert(j["question_index"].get<int>());
    });
    std::set<std::string> done;
    for (const auto& [image, ks] : seen)
        if (static_cast<int>(ks.size()) >= questions) done.insert(image);
    selftrain::readJsonl(skipped, [&](const json& j, std::size_t) {
        if (j.contains("image")) done.insert(j["image"].get<std::string>());
    });
    return done;
}

Request imageRequest(const RgbImage& pixels, const std::string& path, prompt::Conversation conv,
                     const SamplingParams& s) {
    Request r;
    r.images.push_back(ImageInput::pixels(pixels, "stage2:" + path));
    r.conversation = std::move(conv);
    r.sampling = s;
    return r;
}

}  // namespace

std::string stage2ItemsFile(int rank, int world) {
    return world > 1 ? "items.rank" + std::to_string(rank) + ".jsonl" : selftrain::kItemsFile;
}
std::string stage2SkippedFile(int rank, int world) {
    return world > 1 ? "skipped.rank" + std::to_string(rank) + ".jsonl" : selftrain::kSkippedFile;
}

Stage2Stats runStage2Generation(LlavaSession& session, const Stage2Options& o) {
    const auto t0 = std::chrono::steady_clock::now();
    if (o.questions < 1) throw std::invalid_argument("stage 2: questions must be at least 1");
    if (o.answer_seeds.size() != 2)
        throw std::invalid_argument("stage 2: two answer seeds are needed (a pair)");
    if (o.world < 1 || o.rank < 0 || o.rank >= o.world)
        throw std::invalid_argument("stage 2: bad RANK / WORLD_SIZE");
    if (!session.hasVision())
        throw InputError(session.info().model_dir + ": stage 2 needs a model with a vision tower");
    if (prompt::getTemplate(session.info().template_name).vuser_role.empty())
        throw InputError(
            session.info().model_dir + ": template " + session.info().template_name +
            " has no VUSER role; stage 2 needs a model trained to ask questions (template v1_sq)");
    std::error_code ec;
    fs::create_directories(o.job_dir, ec);
    if (ec) throw InputError(o.job_dir + ": cannot create the job folder: " + ec.message());
    checkOrWriteJob(o.job_dir, session.info(), settingsJson(o, session.info().template_name));

    const std::string items_path = (fs::path(o.job_dir) / stage2ItemsFile(o.rank, o.world)).string();
    const std::string skipped_path = (fs::path(o.job_dir) / stage2SkippedFile(o.rank, o.world)).string();
    selftrain::JsonlWriter items(items_path);  // repairs a torn last line
    selftrain::JsonlWriter skipped(skipped_path);
    Stage2Stats stats;
    stats.repaired_bytes = items.repairedBytes() + skipped.repairedBytes();
    std::set<std::string> written;
    const auto done = finishedImages(items_path, skipped_path, o.questions, written);

    std::vector<std::string> todo;
    for (std::size_t i = 0; i < o.images.size(); ++i) {
        if (static_cast<int>(i % static_cast<std::size_t>(o.world)) != o.rank) continue;
        ++stats.shard_images;
        if (done.count(o.images[i]))
            ++stats.already_done;
        else
            todo.push_back(o.images[i]);
    }
    if (o.limit > 0 && todo.size() > o.limit) todo.resize(o.limit);

    GenerateSettings gs;
    gs.max_batch = o.max_batch;
    gs.cancel = o.cancel;
    const auto batch = static_cast<std::size_t>(std::max(1, o.images_per_batch));
    const prompt::Message describe{prompt::Role::User, selftrain::kDescribePrompt};
    for (std::size_t first = 0; first < todo.size(); first += batch) {
        if (isCancelled(o.cancel)) {
            stats.cancelled = true;
            break;
        }
        // Images of the batch that can be read; the others are recorded and skipped.
        struct Img {
            std::string path, sha;
            RgbImage pixels;
        };
        std::vector<Img> imgs;
        std::vector<json> skip_records;
        for (std::size_t i = first; i < std::min(todo.size(), first + batch); ++i) {
            try {
                Img im;
                im.path = todo[i];
                im.pixels = loadDisplayImage(im.path);
                im.sha = sha256File(im.path);
                imgs.push_back(std::move(im));
            } catch (const std::exception& e) {
                skip_records.push_back(selftrain::toJson(selftrain::SkippedImage{todo[i], e.what()}));
            }
        }
        std::vector<Request> reqs;
        for (const auto& im : imgs) {
            SamplingParams s = o.describe;
            s.seed = seedFor(o.seed, im.path, 0);
            reqs.push_back(imageRequest(im.pixels, im.path, {describe}, s));
        }
        // The model's words are data from here on: a "<image>" it wrote would read as a second image
        // placeholder in the question turn below, in the DPO pairs and at the judge.
        const auto asData = [](std::vector<Reply> replies) {
            for (auto& r : replies) r.text = prompt::withoutImagePlaceholders(std::move(r.text));
            return replies;
        };
        auto descriptions = asData(session.generate(reqs, {}, gs));
        reqs.clear();
        for (std::size_t i = 0; i < imgs.size(); ++i)
            for (int k = 0; k < o.questions; ++k) {
                SamplingParams s = o.question;
                s.seed = seedFor(o.seed, imgs[i].path, 1 + static_cast<std::uint64_t>(k));
                Request r = imageRequest(imgs[i].pixels, imgs[i].path,
                                         {describe, {prompt::Role::Assistant, descriptions[i].text}}, s);
                r.continuation = Continuation::Question;
                reqs.push_back(std::move(r));
            }
        auto questions = isCancelled(o.cancel) ? std::vector<Reply>() : asData(session.generate(reqs, {}, gs));
        reqs.clear();
        for (std::size_t i = 0; i < imgs.size() && !isCancelled(o.cancel); ++i)
            for (int k = 0; k < o.questions; ++k) {
                const std::string& q =
                    questions[i * static_cast<std::size_t>(o.questions) + static_cast<std::size_t>(k)].text;
                for (auto seed : o.answer_seeds) {
                    SamplingParams s = o.answer;
                    s.seed = seed;
                    reqs.push_back(imageRequest(
                        imgs[i].pixels, imgs[i].path,
                        {describe, {prompt::Role::Assistant, descriptions[i].text}, {prompt::Role::User, q}},
                        s));
                }
            }
        auto answers = isCancelled(o.cancel) ? std::vector<Reply>() : asData(session.generate(reqs, {}, gs));
        if (isCancelled(o.cancel)) {  // nothing of a cut-short batch is written
            stats.cancelled = true;
            break;
        }
        std::vector<json> records;
        for (std::size_t i = 0; i < imgs.size(); ++i)
            for (int k = 0; k < o.questions; ++k) {
                const std::size_t qi =
                    i * static_cast<std::size_t>(o.questions) + static_cast<std::size_t>(k);
                selftrain::GeneratedItem item;
                item.item_id = itemId(imgs[i].path, k);
                item.image = imgs[i].path;
                item.image_sha256 = imgs[i].sha;
                item.description = descriptions[i].text;
                item.question_index = k;
                item.question = questions[qi].text;
                for (std::size_t a = 0; a < 2; ++a) {
                    const Reply& r = answers[qi * 2 + a];
                    item.answers.push_back(r.text);
                    item.seeds.push_back(static_cast<long long>(o.answer_seeds[a]));
                    item.stop_reasons.push_back(r.stop_reason);
                    stats.generated_tokens += static_cast<std::int64_t>(r.tokens.size());
                }
                stats.generated_tokens += static_cast<std::int64_t>(questions[qi].tokens.size());
                if (!written.count(item.item_id)) records.push_back(selftrain::toJson(item));  // never twice
            }
        for (const auto& d : descriptions)
            stats.generated_tokens += static_cast<std::int64_t>(d.tokens.size());
        if (!skip_records.empty()) skipped.append(skip_records);
        if (!records.empty()) items.append(records);  // one fsync per batch
        stats.items_written += records.size();
        stats.generated_images += imgs.size();
        stats.skipped_images += skip_records.size();
        if (o.progress &&
            !o.progress(Progress{
                static_cast<std::int64_t>(stats.already_done + stats.generated_images + stats.skipped_images),
                static_cast<std::int64_t>(stats.shard_images), "images"})) {
            stats.cancelled = true;
            break;
        }
    }
    stats.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    return stats;
}

std::size_t mergeStage2Shards(const std::string& job_dir) {
    std::vector<std::pair<int, fs::path>> item_files, skip_files;
    std::error_code ec;
    for (const auto& e : fs::directory_iterator(job_dir, ec)) {
        const std::string n = e.path().filename().string();
        int rank = -1;
        if (std::sscanf(n.c_str(), "items.rank%d.jsonl", &rank) == 1)
            item_files.emplace_back(rank, e.path());
        else if (std::sscanf(n.c_str(), "skipped.rank%d.jsonl", &rank) == 1)
            skip_files.emplace_back(rank, e.path());
    }
    if (ec) throw InputError(job_dir + ": " + ec.message());
    if (item_files.empty()) throw InputError(job_dir + ": no items.rank<R>.jsonl files to merge");
    std::sort(item_files.begin(), item_files.end());
    std::sort(skip_files.begin(), skip_files.end());
    std::set<std::string> ids;
    std::string merged;
    std::size_t count = 0;
    for (const auto& rank_file : item_files) {
        const std::string file = rank_file.second.string();  // (a structured binding: no lambda capture in C++17)
        selftrain::readJsonl(file, [&](const json& j, std::size_t line) {
            const std::string id = j.value("item_id", "");
            if (!ids.insert(id).second)
                throw InputError(file, "line " + std::to_string(line), "item_id", "'" + id + "' is in two shards");
            merged += j.dump() + "\n";
            ++count;
        });
    }
    std::string skipped;
    for (const auto& [rank, path] : skip_files)
        selftrain::readJsonl(path.string(), [&](const json& j, std::size_t) { skipped += j.dump() + "\n"; });
    writeFileAtomic((fs::path(job_dir) / selftrain::kItemsFile).string(), merged);
    writeFileAtomic((fs::path(job_dir) / selftrain::kSkippedFile).string(), skipped);
    return count;
}

}  // namespace stllava::pipeline
