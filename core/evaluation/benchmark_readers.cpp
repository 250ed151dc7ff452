#include "evaluation/benchmark.h"

#include "common/atomic_file.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cctype>
#include <set>
#include <sstream>

namespace stllava::eval {
namespace {

using nlohmann::json;

std::string lowerExt(const std::string& path) {
    const auto slash = path.find_last_of('/');
    const auto dot = path.find_last_of('.');
    if (dot == std::string::npos || (slash != std::string::npos && dot < slash)) return "";
    std::string e = path.substr(dot + 1);
    for (auto& c : e) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return e;
}

std::string trim(const std::string& s) {
    const auto b = s.find_first_not_of(" \t\r\n");
    if (b == std::string::npos) return "";
    const auto e = s.find_last_not_of(" \t\r\n");
    return s.substr(b, e - b + 1);
}

std::string upper(std::string s) {
    for (auto& c : s) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return s;
}

std::string lower(std::string s) {
    for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

[[noreturn]] void fail(const std::string& path, const std::string& what) { throw InputError(path + ": " + what); }

std::string where(std::size_t index) { return "item " + std::to_string(index); }

// Parses the file: a JSON array, or JSON lines (one object per line) as some dataset mirrors ship.
json parseFile(const std::string& path) {
    const std::string ext = lowerExt(path);
    if (ext == "pkl" || ext == "pickle")
        fail(path, "Python pickle files are not read (unpickling runs arbitrary code); convert the "
                   "dataset to JSON (LLaVA-Med's test.json or the dataset's public JSON) first");
    if (ext == "parquet") fail(path, "parquet is not read; export the split to JSON (image, question, answer)");
    std::string text;
    try {
        text = readFile(path);
    } catch (const std::exception& e) {
        throw InputError(e.what());
    }
    if (!text.empty() && static_cast<unsigned char>(text[0]) == 0x80)
        fail(path, "this looks like a Python pickle (protocol header 0x80); it is not read (never unpickled)");
    try {
        return json::parse(text);
    } catch (const json::exception& whole) {  // parse_error, or out_of_range 406 (a number too large, "1E999")
        // JSON lines?
        json arr = json::array();
        std::istringstream in(text);
        std::string line;
        std::size_t lineno = 0;
        bool any = false;
        while (std::getline(in, line)) {
            ++lineno;
            if (trim(line).empty()) continue;
            try {
                arr.push_back(json::parse(line));
                any = true;
            } catch (const json::exception&) {
                if (lineno == 1 || !any) fail(path, std::string("not valid JSON: ") + whole.what());
                fail(path, "line " + std::to_string(lineno) + " is not valid JSON");
            }
        }
        if (!any) fail(path, std::string("not valid JSON: ") + whole.what());
        return arr;
    }
}

// A text field: strings as they are, numbers as JSON writes them (VQA-RAD has numeric answers).
std::string textField(const json& item, const char* key, const std::string& path, std::size_t index,
                      bool required = true) {
    const auto it = item.find(key);
    if (it == item.end() || it->is_null()) {
        if (required) fail(path, where(index) + " has no \"" + key + "\"");
        return "";
    }
    if (it->is_string()) return it->get<std::string>();
    if (it->is_number() || it->is_boolean()) return it->dump();
    fail(path, where(index) + ": \"" + key + "\" is " + it->type_name() + ", expected a string");
}

void setId(BenchmarkItem& b, const json& item, const char* key, const std::string& path, std::size_t index) {
    const auto it = item.find(key);
    if (it == item.end() || it->is_null()) fail(path, where(index) + " has no \"" + key + "\"");
    if (it->is_string()) {
        b.id = it->get<std::string>();
    } else if (it->is_number_integer()) {
        b.id = it->dump();
        b.id_is_number = true;
    } else {
        fail(path, where(index) + ": \"" + key + "\" must be a string or an integer");
    }
}

// "OPEN"/"CLOSED" after trimming and upper-casing (the datasets' own files have stray spaces).
metrics::AnswerType lenientType(const std::string& raw) {
    return metrics::answerTypeFromLlavaMed(upper(trim(raw)));
}

std::string stripImageToken(std::string q) {
    for (const std::string token : {"<image>\n", "\n<image>", "<image>"}) {
        for (auto pos = q.find(token); pos != std::string::npos; pos = q.find(token)) q.erase(pos, token.size());
    }
    return trim(q);
}

void readLlavaMed(const json& root, Benchmark& b) {
    for (std::size_t i = 0; i < root.size(); ++i) {
        const json& item = root[i];
        if (!item.is_object()) fail(b.path, where(i) + " is not an object");
        BenchmarkItem q;
        setId(q, item, "id", b.path, i);
        q.image = textField(item, "image", b.path, i, false);
        // LLaVA-Med's own reader also accepts the misspelt key.
        auto conv = item.find("conversations");
        if (conv == item.end()) conv = item.find("conversatons");
        if (conv == item.end() || !conv->is_array()) fail(b.path, where(i) + " (id " + q.id + ") has no \"conversations\" list");
        if (conv->size() < 2) fail(b.path, where(i) + " (id " + q.id + "): \"conversations\" needs a question and an answer");
        const json& human = (*conv)[0];
        const json& gpt = (*conv)[1];
        if (!human.is_object() || !gpt.is_object() || !human.contains("value") || !gpt.contains("value") ||
            !human["value"].is_string() || !gpt["value"].is_string())
            fail(b.path, where(i) + " (id " + q.id + "): conversation turns need a string \"value\"");
        q.question = stripImageToken(human["value"].get<std::string>());
        q.answer = gpt["value"].get<std::string>();
        q.answer_type_raw = textField(item, "answer_type", b.path, i);
        q.type = metrics::answerTypeFromLlavaMed(q.answer_type_raw);  // exact, as LLaVA-Med compares
        if (item.contains("question_type")) q.question_type = textField(item, "question_type", b.path, i, false);
        if (item.contains("modality")) q.modality = textField(item, "modality", b.path, i, false);
        b.items.push_back(std::move(q));
    }
}

// The fields VQA-RAD's and SLAKE's own JSON share: qid, an image name, question, answer and an
// answer_type read leniently.
BenchmarkItem readDatasetItem(const json& item, const char* image_key, const std::string& path, std::size_t i) {
    BenchmarkItem q;
    setId(q, item, "qid", path, i);
    q.image = textField(item, image_key, path, i);
    q.question = textField(item, "question", path, i);
    q.answer = textField(item, "answer", path, i);
    q.answer_type_raw = textField(item, "answer_type", path, i);
    q.type = lenientType(q.answer_type_raw);
    return q;
}

void readVqaRad(const json& root, Benchmark& b, const ReadOptions& o) {
    for (std::size_t i = 0; i < root.size(); ++i) {
        const json& item = root[i];
        if (!item.is_object()) fail(b.path, where(i) + " is not an object");
        const std::string phrase = trim(textField(item, "phrase_type", b.path, i));
        if (o.vqa_rad_test_only && phrase != "test_freeform" && phrase != "test_para") continue;
        BenchmarkItem q = readDatasetItem(item, "image_name", b.path, i);
        q.organ = lower(trim(textField(item, "image_organ", b.path, i, false)));
        q.question_type = upper(trim(textField(item, "question_type", b.path, i, false)));
        b.items.push_back(std::move(q));
    }
}

void readSlake(const json& root, Benchmark& b, const ReadOptions& o) {
    for (std::size_t i = 0; i < root.size(); ++i) {
        const json& item = root[i];
        if (!item.is_object()) fail(b.path, where(i) + " is not an object");
        const std::string lang = textField(item, "q_lang", b.path, i);
        if (!o.language.empty() && lang != o.language) continue;
        BenchmarkItem q = readDatasetItem(item, "img_name", b.path, i);
        q.modality = trim(textField(item, "modality", b.path, i, false));
        q.organ = trim(textField(item, "location", b.path, i, false));
        q.question_type = trim(textField(item, "content_type", b.path, i, false));
        b.items.push_back(std::move(q));
    }
}

void readPathVqaMirror(const json& root, Benchmark& b) {
    for (std::size_t i = 0; i < root.size(); ++i) {
        const json& item = root[i];
        if (!item.is_object()) fail(b.path, where(i) + " is not an object");
        BenchmarkItem q;
        if (item.contains("id") || item.contains("qid") || item.contains("question_id")) {
            setId(q, item, item.contains("id") ? "id" : item.contains("qid") ? "qid" : "question_id", b.path, i);
        } else {
            q.id = std::to_string(i);  // mirrors have no ids: the position in the file
            q.id_is_number = true;
        }
        const auto img = item.find("image");
        if (img == item.end()) fail(b.path, where(i) + " has no \"image\"");
        if (img->is_string()) {
            q.image = img->get<std::string>();
        } else if (img->is_object() && img->contains("path") && (*img)["path"].is_string()) {
            q.image = (*img)["path"].get<std::string>();  // parquet export {"bytes": ..., "path": ...}
        } else {
            fail(b.path, where(i) + ": \"image\" must be a path (string) or an object with a \"path\"");
        }
        q.question = textField(item, "question", b.path, i);
        q.answer = textField(item, "answer", b.path, i);
        const std::string a = lower(trim(q.answer));
        q.type = (a == "yes" || a == "no") ? metrics::AnswerType::Closed : metrics::AnswerType::Open;
        q.answer_type_raw = metrics::answerTypeName(q.type);
        b.items.push_back(std::move(q));
    }
}

DatasetFormat detectFromJson(const json& root) {
    if (!root.is_array() || root.empty() || !root[0].is_object()) return DatasetFormat::Auto;
    const json& first = root[0];
    if (first.contains("conversations") || first.contains("conversatons")) return DatasetFormat::LlavaMed;
    if (first.contains("qid") && first.contains("image_name") && first.contains("phrase_type")) return DatasetFormat::VqaRad;
    if (first.contains("q_lang") || (first.contains("qid") && first.contains("img_name"))) return DatasetFormat::Slake;
    if (first.contains("image") && first.contains("question") && first.contains("answer")) return DatasetFormat::PathVqa;
    return DatasetFormat::Auto;
}

std::string keysOf(const json& root) {
    if (!root.is_array() || root.empty() || !root[0].is_object()) return "";
    std::string keys;
    for (const auto& [k, v] : root[0].items()) keys += (keys.empty() ? "" : ", ") + k;
    return keys;
}

}  // namespace

const char* datasetFormatName(DatasetFormat f) {
    switch (f) {
    case DatasetFormat::Auto: return "auto";
    case DatasetFormat::LlavaMed: return "llava-med";
    case DatasetFormat::VqaRad: return "vqa-rad";
    case DatasetFormat::Slake: return "slake";
    case DatasetFormat::PathVqa: return "pathvqa";
    }
    return "?";
}

DatasetFormat datasetFormatFromName(const std::string& name) {
    for (DatasetFormat f : {DatasetFormat::Auto, DatasetFormat::LlavaMed, DatasetFormat::VqaRad, DatasetFormat::Slake,
                            DatasetFormat::PathVqa})
        if (name == datasetFormatName(f)) return f;
    throw std::invalid_argument("unknown dataset format '" + name + "' (auto, llava-med, vqa-rad, slake, pathvqa)");
}

ReadOptions readOptionsFor(const std::string& format, const std::string& language, bool all_splits) {
    ReadOptions o;
    o.format = datasetFormatFromName(format);
    o.language = language == "all" ? std::string() : language;
    o.vqa_rad_test_only = !all_splits;
    return o;
}

DatasetFormat detectFormat(const std::string& path) { return detectFromJson(parseFile(path)); }

Benchmark readBenchmark(const std::string& path, const ReadOptions& options) {
    const json root = parseFile(path);
    Benchmark b;
    b.path = path;
    if (!root.is_array())
        fail(path, std::string("expected a JSON list of questions, found a JSON ") + root.type_name());
    if (root.empty()) fail(path, "the file holds no questions");
    const DatasetFormat detected = detectFromJson(root);
    DatasetFormat f = options.format;
    if (f == DatasetFormat::Auto) {
        if (detected == DatasetFormat::Auto)
            fail(path, "unrecognised benchmark format (first item's keys: " + keysOf(root) +
                           "); supported: LLaVA-Med test.json (id, image, conversations, answer_type), VQA-RAD "
                           "public JSON (qid, image_name, phrase_type, ...), SLAKE (qid, img_name, q_lang, ...), "
                           "PathVQA JSON (image, question, answer)");
        f = detected;
    } else if (f == DatasetFormat::PathVqa && detected == DatasetFormat::LlavaMed) {
        f = DatasetFormat::LlavaMed;  // PathVQA as LLaVA-Med JSON
    }
    b.format = f;
    switch (f) {
    case DatasetFormat::LlavaMed: readLlavaMed(root, b); break;
    case DatasetFormat::VqaRad: readVqaRad(root, b, options); break;
    case DatasetFormat::Slake: readSlake(root, b, options); break;
    case DatasetFormat::PathVqa: readPathVqaMirror(root, b); break;
    case DatasetFormat::Auto: break;
    }
    if (b.items.empty())
        fail(path, std::string("no questions left after selecting the ") +
                       (f == DatasetFormat::VqaRad ? "test split (phrase_type test_freeform / test_para)"
                        : f == DatasetFormat::Slake ? "language '" + options.language + "'"
                                                    : "items"));
    std::size_t unscored = 0;
    std::set<std::string> seen;
    std::size_t dupes = 0;
    for (const auto& q : b.items) {
        unscored += q.type == metrics::AnswerType::Unscored;
        dupes += !seen.insert(q.id).second;
    }
    if (unscored > 0)
        b.warnings.push_back(std::to_string(unscored) + " question(s) have an answer_type other than OPEN/CLOSED "
                             "and are not scored (as in LLaVA-Med)");
    if (dupes > 0) b.warnings.push_back(std::to_string(dupes) + " duplicate question id(s)");
    return b;
}

}  // namespace stllava::eval
