// Conversation templates and their renderings (LLaVA's conversation.py get_prompt(), SQ-LLaVA's
// v1_sq with the VUSER role), with the text split into loss-target and ignored segments.
#include "prompt/conversation.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <stdexcept>

namespace stllava::prompt {
namespace {

const char* const kVicunaSystem =
    "A chat between a curious user and an artificial intelligence assistant. "
    "The assistant gives helpful, detailed, and polite answers to the user's questions.";
const char* const kLlavaSystem =
    "A chat between a curious human and an artificial intelligence assistant. "
    "The assistant gives helpful, detailed, and polite answers to the human's questions.";
// SQ-LLaVA appends this to the vicuna system prompt with no space in between.
const char* const kSqSuffix =
    "Also, the artificial intelligence assistant is a curious virtual user. The virtual user asks complex questions "
    "that are relevant to the content in the image, for example, asking about background knowledge of the objects in "
    "the image, asking to discuss about events happening in the image, etc. Again, do not ask about uncertain details.";

const std::map<std::string, Template>& registry() {
    static const std::map<std::string, Template> templates = [] {
        std::map<std::string, Template> t;
        t["vicuna_v1"] = {"vicuna_v1", kVicunaSystem, "USER", "ASSISTANT", "", SeparatorStyle::Two, " ", "</s>"};
        t["llava_v1"] = {"llava_v1", kLlavaSystem, "USER", "ASSISTANT", "", SeparatorStyle::Two, " ", "</s>"};
        t["v1_sq"] = {"v1_sq", std::string(kVicunaSystem) + kSqSuffix, "USER", "ASSISTANT", "VUSER", SeparatorStyle::Two, " ", "</s>"};
        t["mistral_instruct"] = {"mistral_instruct", "", "USER", "ASSISTANT", "", SeparatorStyle::Llama2, "", "</s>"};
        return t;
    }();
    return templates;
}

const std::map<std::string, std::string>& aliases() {
    static const std::map<std::string, std::string> a = {{"v1", "vicuna_v1"}};
    return a;
}

std::string lower(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return s;
}

bool endsWith(const std::string& s, const std::string& suffix) {
    return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

bool isQuestion(Role r) { return r == Role::User || r == Role::VUser; }

// The system prompt in use and the turns after it, checked for order and roles.
// Assistant turns are copied with their placeholders neutralised (withoutImagePlaceholders()).
struct Turns {
    std::string system;
    std::vector<Message> turns;
};

Turns splitTurns(const Template& tmpl, const Conversation& conversation) {
    Turns out;
    out.system = tmpl.system;
    std::size_t first = 0;
    if (!conversation.empty() && conversation[0].role == Role::System) {
        out.system = conversation[0].text;
        first = 1;
    }
    for (std::size_t i = first; i < conversation.size(); ++i) {
        const Message& m = conversation[i];
        const std::size_t turn = i - first;
        const auto where = "template '" + tmpl.name + "': message " + std::to_string(i) + " (" + roleName(m.role) + ")";
        if (m.role == Role::System) throw std::runtime_error(where + ": a system message may only come first");
        if (turn % 2 == 0 && !isQuestion(m.role))
            throw std::runtime_error(where + ": expected a user or vuser question here (turns alternate question, answer)");
        if (turn % 2 == 1 && m.role != Role::Assistant)
            throw std::runtime_error(where + ": expected an assistant answer here (turns alternate question, answer)");
        if (m.role == Role::VUser && tmpl.vuser_role.empty())
            throw std::runtime_error(where + ": this template has no VUSER role (use v1_sq)");
        if (m.role == Role::VUser && tmpl.style != SeparatorStyle::Two)
            throw std::runtime_error(where + ": VUSER turns need the 'two' separator style");
        out.turns.push_back(m);
        if (m.role == Role::Assistant) out.turns.back().text = withoutImagePlaceholders(m.text);
    }
    return out;
}

void add(std::vector<Segment>& segs, const std::string& text, bool target) {
    if (text.empty()) return;
    if (!segs.empty() && segs.back().target == target)
        segs.back().text += text;
    else
        segs.push_back({text, target});
}

// Renders the turns; `open_role` (when non-empty) is appended after them as LLaVA does for a None
// message: "ROLE:" in the two style, nothing in the llama-2 style.
std::vector<Segment> render(const Template& tmpl, const Turns& t, const std::string& open_role) {
    std::vector<Segment> segs;
    if (tmpl.style == SeparatorStyle::Two) {
        add(segs, t.system + tmpl.sep, false);
        for (std::size_t i = 0; i < t.turns.size(); ++i) {
            const Message& m = t.turns[i];
            if (m.role == Role::User) {
                add(segs, tmpl.user_role + ": " + m.text + tmpl.sep, false);
            } else if (m.role == Role::VUser) {
                // SQ-LLaVA: the virtual user's question carries its own "</s>" and is a target.
                const std::string q = endsWith(m.text, tmpl.sep2) ? m.text : m.text + tmpl.sep2;
                add(segs, tmpl.vuser_role + ": ", false);
                add(segs, q, true);
                add(segs, tmpl.sep, false);
            } else {
                add(segs, tmpl.assistant_role + ": ", false);
                add(segs, m.text + tmpl.sep2, true);
            }
        }
        if (!open_role.empty()) add(segs, open_role + ":", false);
        return segs;
    }
    // Llama-2 style (mistral_instruct), LLaVA's LLAMA_2 get_prompt: every answer is written as
    // " " + answer + " " + sep2, so a space stands before the closing "</s>":
    // "[INST] {sys}{q} [/INST] {a} </s>[INST] ...". The answer, that space and "</s>" are the target.
    for (std::size_t i = 0; i < t.turns.size(); ++i) {
        const Message& m = t.turns[i];
        if (i % 2 == 0) {
            const std::string sys = (i == 0 && !t.system.empty()) ? "<<SYS>>\n" + t.system + "\n<</SYS>>\n\n" : "";
            add(segs, tmpl.sep + "[INST] " + sys + m.text + " [/INST]", false);
        } else {
            add(segs, " ", false);
            add(segs, m.text + " " + tmpl.sep2, true);
        }
    }
    return segs;
}

}  // namespace

const char* roleName(Role role) {
    switch (role) {
        case Role::System: return "system";
        case Role::User: return "user";
        case Role::Assistant: return "assistant";
        case Role::VUser: return "vuser";
    }
    return "?";
}

Role roleFromName(const std::string& name) {
    const std::string n = lower(name);
    if (n == "human" || n == "user") return Role::User;
    if (n == "gpt" || n == "assistant") return Role::Assistant;
    if (n == "vuser") return Role::VUser;
    if (n == "system") return Role::System;
    throw std::runtime_error("unknown conversation role '" + name + "'; valid: human, user, gpt, assistant, vuser, system");
}

std::vector<std::string> templateNames() {
    std::vector<std::string> names;
    for (const auto& kv : registry()) names.push_back(kv.first);
    for (const auto& kv : aliases()) names.push_back(kv.first);
    std::sort(names.begin(), names.end());
    return names;
}

const Template& getTemplate(const std::string& name) {
    const auto alias = aliases().find(name);
    const auto it = registry().find(alias == aliases().end() ? name : alias->second);
    if (it == registry().end()) {
        std::string valid;
        for (const auto& n : templateNames()) valid += (valid.empty() ? "" : ", ") + n;
        throw std::runtime_error("unknown conversation template '" + name + "'; valid: " + valid);
    }
    return it->second;
}

std::string chooseTemplate(const std::string& model_name_or_path, const std::string& conv_mode, const std::string& user_override) {
    if (!user_override.empty()) return getTemplate(user_override).name;
    if (!conv_mode.empty()) {
        const auto names = templateNames();
        if (std::find(names.begin(), names.end(), conv_mode) != names.end()) return getTemplate(conv_mode).name;
    }
    const std::string m = lower(model_name_or_path);
    if (m.find("mistral") != std::string::npos) return "mistral_instruct";
    for (const char* sq : {"stllava", "st-llava", "sq-llava", "sq_llava", "sqllava"})
        if (m.find(sq) != std::string::npos) return "v1_sq";
    return "vicuna_v1";
}

std::string withImage(const std::string& question) { return std::string(kImagePlaceholder) + "\n" + question; }

std::size_t imagePlaceholderCount(const Conversation& conversation) {
    const std::string marker = kImagePlaceholder;
    std::size_t n = 0;
    for (const auto& m : conversation)
        if (isQuestion(m.role))
            for (std::size_t at = m.text.find(marker); at != std::string::npos; at = m.text.find(marker, at + 1)) ++n;
    return n;
}

std::string joinSegments(const std::vector<Segment>& segments) {
    std::string s;
    for (const auto& seg : segments) s += seg.text;
    return s;
}

std::vector<Segment> renderTraining(const Template& tmpl, const Conversation& conversation) {
    const Turns t = splitTurns(tmpl, conversation);
    if (t.turns.empty()) throw std::runtime_error("template '" + tmpl.name + "': cannot render an empty conversation for training");
    if (t.turns.size() % 2 != 0)
        throw std::runtime_error("template '" + tmpl.name + "': a training conversation must end with an assistant answer");
    return render(tmpl, t, "");
}

std::string renderForGeneration(const Template& tmpl, const Conversation& conversation) {
    const Turns t = splitTurns(tmpl, conversation);
    if (t.turns.empty() || t.turns.size() % 2 != 1)
        throw std::runtime_error("template '" + tmpl.name + "': a prompt for an answer must end with a question");
    return joinSegments(render(tmpl, t, tmpl.style == SeparatorStyle::Two ? tmpl.assistant_role : ""));
}

std::string renderForQuestion(const Template& tmpl, const Conversation& conversation) {
    if (tmpl.vuser_role.empty())
        throw std::runtime_error("template '" + tmpl.name + "' has no VUSER role; question generation needs v1_sq");
    const Turns t = splitTurns(tmpl, conversation);
    if (t.turns.empty() || t.turns.size() % 2 != 0)
        throw std::runtime_error("template '" + tmpl.name + "': a prompt for a question must end with an assistant answer");
    return joinSegments(render(tmpl, t, tmpl.vuser_role));
}

}  // namespace stllava::prompt
