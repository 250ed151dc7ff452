#include "training/dataset.h"

#include "common/atomic_file.h"
#include "training/digest.h"

#include <nlohmann/json.hpp>

#include <filesystem>
#include <sstream>
#include <stdexcept>

namespace stllava::training {
namespace {

using nlohmann::json;
namespace fs = std::filesystem;

// A whole-file JSON array, or JSON lines (one object per non-empty line).
std::vector<json> readItems(const std::string& path) {
    const std::string text = readFile(path);
    std::size_t first = text.find_first_not_of(" \t\r\n");
    if (first == std::string::npos) throw std::runtime_error("data file '" + path + "': empty");
    if (text[first] == '[') {
        try {
            json j = json::parse(text);
            return j.get<std::vector<json>>();
        } catch (const json::exception& e) {
            throw std::runtime_error("data file '" + path + "': not valid JSON: " + e.what());
        }
    }
    std::vector<json> items;
    std::istringstream in(text);
    std::string line;
    std::size_t n = 0;
    while (std::getline(in, line)) {
        ++n;
        if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
        try {
            items.push_back(json::parse(line));
        } catch (const json::exception& e) {
            throw std::runtime_error("data file '" + path + "' line " + std::to_string(n) + ": not valid JSON: " + e.what());
        }
    }
    return items;
}

std::size_t countOf(const std::string& s, const std::string& what) {
    std::size_t n = 0;
    for (std::size_t p = s.find(what); p != std::string::npos; p = s.find(what, p + what.size())) ++n;
    return n;
}

std::string idOf(const json& j) {
    if (!j.is_object() || !j.contains("id")) return "";
    const json& id = j["id"];
    return id.is_string() ? id.get<std::string>() : id.dump();
}

// LLaVA turns -> Conversation. Throws std::invalid_argument with the problem.
prompt::Conversation parseTurns(const json& turns, const char* field) {
    if (!turns.is_array()) throw std::invalid_argument(std::string("'") + field + "' is not a list");
    prompt::Conversation conv;
    for (std::size_t t = 0; t < turns.size(); ++t) {
        const json& turn = turns[t];
        if (!turn.is_object() || !turn.contains("from") || !turn.contains("value") || !turn["from"].is_string() ||
            !turn["value"].is_string())
            throw std::invalid_argument(std::string(field) + " turn " + std::to_string(t) + ": needs string 'from' and 'value'");
        prompt::Role role;
        try {
            role = prompt::roleFromName(turn["from"].get<std::string>());
        } catch (const std::exception&) {
            throw std::invalid_argument(std::string(field) + " turn " + std::to_string(t) + ": unknown role '" +
                                        turn["from"].get<std::string>() + "'");
        }
        if (role == prompt::Role::System) continue;                    // the template brings its own
        if (role == prompt::Role::VUser) role = prompt::Role::User;  // question learning decides roles
        const bool expect_question = conv.size() % 2 == 0;
        if (expect_question != (role == prompt::Role::User))
            throw std::invalid_argument(std::string(field) + " turn " + std::to_string(t) +
                                        ": turns must alternate human, gpt, human, ...");
        conv.push_back({role, turn["value"].get<std::string>()});
    }
    return conv;
}

// Checks shared by both kinds; throws std::invalid_argument with the problem.
void checkConversation(const prompt::Conversation& conv, bool needs_final_answer, const std::string& image,
                       const DataOptions& options) {
    if (conv.empty()) throw std::invalid_argument("no turns");
    if (needs_final_answer && conv.back().role != prompt::Role::Assistant)
        throw std::invalid_argument("the conversation does not end with an answer");
    for (std::size_t i = 0; i < conv.size(); ++i) {
        if (conv[i].text.find_first_not_of(" \t\r\n") == std::string::npos)
            throw std::invalid_argument(std::string(conv[i].role == prompt::Role::Assistant ? "empty answer" : "empty question") +
                                        " in turn " + std::to_string(i));
    }
    const std::size_t markers = prompt::imagePlaceholderCount(conv);  // answers are rendered as text
    if (!image.empty()) {
        if (options.require_image_marker && markers != 1)
            throw std::invalid_argument(markers == 0 ? "has an image but no <image> in its text"
                                                     : "has " + std::to_string(markers) + " <image> markers for one image");
        if (options.check_images) {
            const std::string p = imagePath(options, image);
            std::error_code ec;
            if (!fs::is_regular_file(p, ec)) throw std::invalid_argument("image '" + image + "' not found (" + p + ")");
        }
    } else if (markers != 0) {
        throw std::invalid_argument("has <image> in its text but no image");
    }
}

std::string stringField(const json& j, const char* key) {
    if (!j.contains(key)) return "";
    if (!j[key].is_string()) throw std::invalid_argument(std::string("'") + key + "' is not a string");
    return j[key].get<std::string>();
}

// TRL message content: a string, or parts [{"type":"text","text"}, {"type":"image"}].
std::string trlContent(const json& content) {
    if (content.is_string()) return content.get<std::string>();
    if (!content.is_array()) throw std::invalid_argument("message content is neither text nor a list of parts");
    std::string text;
    bool image = false;
    for (const auto& part : content) {
        const std::string type = part.value("type", "");
        if (type == "image") image = true;
        else if (type == "text") text += part.value("text", "");
        else throw std::invalid_argument("unknown content part type '" + type + "'");
    }
    return image ? prompt::withImage(text) : text;
}

// TRL prompt: a string (one question) or a list of messages.
prompt::Conversation trlPrompt(const json& p) {
    if (p.is_string()) return {{prompt::Role::User, p.get<std::string>()}};
    if (!p.is_array()) throw std::invalid_argument("'prompt' is neither text nor a list of messages");
    prompt::Conversation conv;
    for (const auto& m : p) {
        if (!m.is_object() || !m.contains("role")) throw std::invalid_argument("a prompt message has no 'role'");
        const prompt::Role role = prompt::roleFromName(m["role"].get<std::string>());
        const std::string text = trlContent(m.value("content", json("")));
        if (role == prompt::Role::System) continue;
        conv.push_back({role, text});
    }
    return conv;
}

std::string trlAnswer(const json& a, const char* field) {
    if (a.is_string()) return a.get<std::string>();
    if (a.is_array() && !a.empty() && a.back().is_object()) return trlContent(a.back().value("content", json("")));
    throw std::invalid_argument(std::string("'") + field + "' is neither text nor a list of messages");
}

PreferenceItem parsePreference(const json& j, const DataOptions& options) {
    if (!j.is_object()) throw std::invalid_argument("not a JSON object");
    PreferenceItem item;
    item.id = idOf(j);
    if (j.contains("chosen_conversations") || j.contains("reject_conversations")) {
        if (!j.contains("chosen_conversations") || !j.contains("reject_conversations"))
            throw std::invalid_argument("needs both 'chosen_conversations' and 'reject_conversations'");
        item.image = stringField(j, "image");
        prompt::Conversation c = parseTurns(j["chosen_conversations"], "chosen_conversations");
        prompt::Conversation r = parseTurns(j["reject_conversations"], "reject_conversations");
        checkConversation(c, true, item.image, options);
        checkConversation(r, true, item.image, options);
        if (c.size() != r.size()) throw std::invalid_argument("chosen and rejected conversations differ in length");
        for (std::size_t i = 0; i + 1 < c.size(); ++i)
            if (c[i].text != r[i].text) throw std::invalid_argument("chosen and rejected differ before the last answer (turn " + std::to_string(i) + ")");
        item.chosen = c.back().text;
        item.rejected = r.back().text;
        c.pop_back();
        item.prompt = std::move(c);
        return item;
    }
    if (!j.contains("prompt") || !j.contains("chosen") || !j.contains("rejected"))
        throw std::invalid_argument("neither STLLaVA (chosen_conversations/reject_conversations) nor TRL (prompt/chosen/rejected) fields");
    if (j.contains("images")) {
        const json& imgs = j["images"];
        if (imgs.is_array() && imgs.size() > 1) throw std::invalid_argument("more than one image");
        if (imgs.is_array() && imgs.size() == 1) item.image = imgs[0].get<std::string>();
        else if (imgs.is_string()) item.image = imgs.get<std::string>();
    } else {
        item.image = stringField(j, "image");
    }
    item.prompt = trlPrompt(j["prompt"]);
    item.chosen = trlAnswer(j["chosen"], "chosen");
    item.rejected = trlAnswer(j["rejected"], "rejected");
    // A TRL string prompt with an image but no marker: LLaVA's convention puts it first.
    if (!item.image.empty() && !item.prompt.empty() && countOf(item.prompt[0].text, prompt::kImagePlaceholder) == 0 &&
        j["prompt"].is_array())
        item.prompt[0].text = prompt::withImage(item.prompt[0].text);
    for (const auto* answer : {&item.chosen, &item.rejected}) {
        prompt::Conversation full = item.prompt;
        full.push_back({prompt::Role::Assistant, *answer});
        checkConversation(full, true, item.image, options);
    }
    return item;
}

}  // namespace

std::string imagePath(const DataOptions& options, const std::string& image) {
    if (image.empty()) return "";
    if (options.image_folder.empty() || fs::path(image).is_absolute()) return image;
    return (fs::path(options.image_folder) / image).string();
}

std::string DataReport::summary(std::size_t max_listed) const {
    std::ostringstream s;
    s << path << ": " << usable << " of " << total << " items usable";
    if (!issues.empty()) s << ", " << issues.size() << " left out:";
    for (std::size_t i = 0; i < issues.size() && i < max_listed; ++i) {
        s << "\n  item " << issues[i].index;
        if (!issues[i].id.empty()) s << " (id " << issues[i].id << ")";
        s << ": " << issues[i].problem;
    }
    if (issues.size() > max_listed) s << "\n  ... and " << issues.size() - max_listed << " more";
    return s.str();
}

InstructDataset loadInstructData(const std::string& path, const DataOptions& options) {
    InstructDataset ds;
    ds.report.path = path;
    const std::vector<json> items = readItems(path);
    ds.report.total = items.size();
    for (std::size_t i = 0; i < items.size(); ++i) {
        const json& j = items[i];
        try {
            if (!j.is_object()) throw std::invalid_argument("not a JSON object");
            if (!j.contains("conversations")) throw std::invalid_argument("no 'conversations'");
            InstructItem item;
            item.id = idOf(j);
            item.image = stringField(j, "image");
            item.conversation = parseTurns(j["conversations"], "conversations");
            checkConversation(item.conversation, true, item.image, options);
            ds.items.push_back(std::move(item));
        } catch (const std::exception& e) {
            ds.report.issues.push_back({i, idOf(j), e.what()});
        }
    }
    ds.report.usable = ds.items.size();
    return ds;
}

PreferenceDataset loadPreferenceData(const std::string& path, const DataOptions& options) {
    PreferenceDataset ds;
    ds.report.path = path;
    const std::vector<json> items = readItems(path);
    ds.report.total = items.size();
    for (std::size_t i = 0; i < items.size(); ++i) {
        try {
            PreferenceItem item = parsePreference(items[i], options);
            if (item.id.empty()) item.id = std::to_string(i);
            ds.items.push_back(std::move(item));
        } catch (const std::exception& e) {
            ds.report.issues.push_back({i, idOf(items[i]), e.what()});
        }
    }
    ds.report.usable = ds.items.size();
    return ds;
}

std::uint64_t datasetDigest(const std::vector<PreferenceItem>& items) {
    std::uint64_t h = kFnvOffset;
    auto add = [&h](const std::string& s) {
        const std::uint64_t n = s.size();
        h = fnv1a(&n, sizeof n, h);
        h = fnv1a(s, h);
    };
    for (const auto& it : items) {
        add(it.image);
        for (const auto& m : it.prompt) add(std::string(prompt::roleName(m.role)) + ":" + m.text);
        add(it.chosen);
        add(it.rejected);
    }
    return h;
}

}  // namespace stllava::training
