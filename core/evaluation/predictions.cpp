#include "evaluation/predictions.h"

#include "common/atomic_file.h"

#include <set>
#include <unordered_map>

namespace stllava::eval {
namespace {

using nlohmann::json;

std::string asText(const json& v) { return v.is_string() ? v.get<std::string>() : v.is_null() ? "" : v.dump(); }

Prediction parseLine(const std::string& line, const std::string& path, std::size_t lineno) {
    json j;
    try {
        j = json::parse(line);
    } catch (const json::exception& e) {  // parse_error, or out_of_range 406 (a number too large)
        throw InputError(path + ": line " + std::to_string(lineno) + " is not valid JSON (" + e.what() + ")");
    }
    if (!j.is_object()) throw InputError(path + ": line " + std::to_string(lineno) + " is not a JSON object");
    const auto id = j.find("question_id");
    if (id == j.end() || !(id->is_string() || id->is_number_integer()))
        throw InputError(path + ": line " + std::to_string(lineno) + " has no \"question_id\" (string or integer)");
    const auto text = j.find("text");
    if (text == j.end() || !text->is_string())
        throw InputError(path + ": line " + std::to_string(lineno) + " has no string \"text\"");
    Prediction p;
    p.question_id = asText(*id);
    p.id_is_number = id->is_number_integer();
    p.text = text->get<std::string>();
    if (j.contains("prompt")) p.prompt = asText(j["prompt"]);
    if (j.contains("answer_id")) p.answer_id = asText(j["answer_id"]);
    if (j.contains("model_id")) p.model_id = asText(j["model_id"]);
    if (j.contains("metadata") && !j["metadata"].is_null()) p.metadata = j["metadata"];
    return p;
}

std::vector<Prediction> readImpl(const std::string& path, std::size_t* torn_bytes) {
    std::string data;
    try {
        data = readFile(path);
    } catch (const std::exception& e) {
        throw InputError(e.what());
    }
    std::vector<Prediction> out;
    std::size_t pos = 0, lineno = 0;
    if (torn_bytes) *torn_bytes = 0;
    while (pos < data.size()) {
        const auto nl = data.find('\n', pos);
        const bool last_unterminated = nl == std::string::npos;
        const std::string line = data.substr(pos, last_unterminated ? std::string::npos : nl - pos);
        ++lineno;
        const std::size_t next = last_unterminated ? data.size() : nl + 1;
        if (line.find_first_not_of(" \t\r") != std::string::npos) {
            try {
                out.push_back(parseLine(line, path, lineno));
            } catch (const InputError&) {
                if (!last_unterminated) throw;
                if (torn_bytes) {
                    *torn_bytes = data.size() - pos;
                    break;
                }
                throw InputError(path + ": the last line (" + std::to_string(lineno) +
                                 ") is cut short: the run writing it was interrupted");
            }
        }
        pos = next;
    }
    return out;
}

}  // namespace

std::vector<Prediction> readPredictions(const std::string& path) { return readImpl(path, nullptr); }

std::vector<Prediction> readPredictionsForResume(const std::string& path, std::size_t* torn_bytes) {
    std::size_t torn = 0;
    auto out = readImpl(path, &torn);
    if (torn_bytes) *torn_bytes = torn;
    return out;
}

std::string predictionLine(const Prediction& p) {
    // ordered_json keeps LLaVA-Med's key order.
    nlohmann::ordered_json j;
    if (p.id_is_number) {
        try {
            j["question_id"] = std::stoll(p.question_id);
        } catch (const std::exception&) {
            j["question_id"] = p.question_id;
        }
    } else {
        j["question_id"] = p.question_id;
    }
    j["prompt"] = p.prompt;
    j["text"] = p.text;
    j["answer_id"] = p.answer_id;
    j["model_id"] = p.model_id;
    j["metadata"] = p.metadata;
    return j.dump(-1, ' ', false, json::error_handler_t::replace) + "\n";
}

void writePredictions(const std::string& path, const std::vector<Prediction>& predictions) {
    std::string out;
    for (const auto& p : predictions) out += predictionLine(p);
    writeFileAtomic(path, out);
}

void checkPairing(const Benchmark& benchmark, const std::vector<Prediction>& predictions,
                  const std::string& predictions_path) {
    const auto& items = benchmark.items;
    std::multiset<std::string> a, b;
    for (const auto& q : items) a.insert(q.id);
    for (const auto& p : predictions) b.insert(p.question_id);
    const bool same_set = a == b;
    if (items.size() != predictions.size())
        throw InputError(predictions_path + ": " + std::to_string(predictions.size()) + " predictions for " +
                         std::to_string(items.size()) + " questions in " + benchmark.path +
                         " (LLaVA-Med pairs them by order: the id lists must be equal)");
    for (std::size_t i = 0; i < items.size(); ++i) {
        if (items[i].id != predictions[i].question_id)
            throw InputError(predictions_path + ": prediction " + std::to_string(i + 1) + " has question_id '" +
                             predictions[i].question_id + "' where " + benchmark.path + " has id '" + items[i].id +
                             "'" +
                             (same_set ? " (same ids in another order: run `stllava eval merge` to reorder)"
                                       : " (the id lists differ)"));
    }
}

std::vector<Prediction> orderLikeBenchmark(const Benchmark& benchmark, std::vector<Prediction> predictions,
                                           const std::string& what) {
    std::unordered_map<std::string, std::size_t> index;
    for (std::size_t i = 0; i < predictions.size(); ++i) {
        if (!index.emplace(predictions[i].question_id, i).second)
            throw InputError(what + ": question_id '" + predictions[i].question_id + "' appears twice");
    }
    std::vector<Prediction> out;
    out.reserve(benchmark.items.size());
    std::size_t missing = 0;
    std::string first_missing;
    for (const auto& q : benchmark.items) {
        const auto it = index.find(q.id);
        if (it == index.end()) {
            if (missing++ == 0) first_missing = q.id;
            continue;
        }
        out.push_back(std::move(predictions[it->second]));
        index.erase(it);
    }
    if (missing > 0)
        throw InputError(what + ": " + std::to_string(missing) + " question(s) of " + benchmark.path +
                         " have no prediction (first: id '" + first_missing + "')");
    if (!index.empty())
        throw InputError(what + ": " + std::to_string(index.size()) + " prediction(s) for ids not in " + benchmark.path +
                         " (e.g. '" + index.begin()->first + "')");
    return out;
}

}  // namespace stllava::eval
