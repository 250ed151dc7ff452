// Conversation templates with the exact strings the checkpoints were trained on (see
// ../shared/METHOD.md, "Conversation templates"), rendered for training (text segments flagged as
// loss targets or not), for generation (ending with the open assistant role "ASSISTANT:") and for
// stage-2 question generation (ending with "</s>VUSER:").
// Plain C++17; no torch. Errors: std::runtime_error naming the template and the problem.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace stllava::prompt {

inline constexpr const char* kImagePlaceholder = "<image>";

enum class Role { System, User, Assistant, VUser };
const char* roleName(Role role);  // "system", "user", "assistant", "vuser"
// Parses a role as LLaVA data writes it ("from": "human" / "gpt") or by name ("user", "assistant",
// "vuser", "system"); case-insensitive. Throws std::runtime_error naming the unknown value.
Role roleFromName(const std::string& name);

struct Message {
    Role role = Role::User;
    std::string text;
};
// An optional leading System message replaces the template's system prompt. After it, turns
// alternate: a question (User or VUser) at even positions, an Assistant answer at odd positions.
// The first question usually starts with "<image>\n" (LLaVA's convention; see withImage()).
using Conversation = std::vector<Message>;

enum class SeparatorStyle {
    Two,     // LLaVA "two": system + " " + ROLE ": " msg + (" " after a question, "</s>" after an answer)
    Llama2,  // "[INST] {q} [/INST] {a} </s>[INST] ..." (mistral_instruct; system wrapped in <<SYS>> when set)
};

struct Template {
    std::string name;
    std::string system;
    std::string user_role;       // "USER"
    std::string assistant_role;  // "ASSISTANT"
    std::string vuser_role;      // "VUSER" for v1_sq; empty when the template has no virtual user
    SeparatorStyle style = SeparatorStyle::Two;
    std::string sep;   // " "
    std::string sep2;  // "</s>"
};

// Registered templates: "vicuna_v1" (alias "v1"), "llava_v1", "v1_sq", "mistral_instruct".
// Throws std::runtime_error("unknown conversation template 'x'; valid: ...") for other names.
const Template& getTemplate(const std::string& name);
std::vector<std::string> templateNames();  // canonical names and aliases, sorted

// Picks the template for a checkpoint: `user_override` when non-empty (validated), else
// `conv_mode` (a config's conv_mode field) when it names a template, else by the model name or path:
// contains "mistral" -> mistral_instruct; "stllava" / "sq-llava" / "sq_llava" -> v1_sq; otherwise
// vicuna_v1. Case-insensitive.
std::string chooseTemplate(const std::string& model_name_or_path, const std::string& conv_mode = "",
                           const std::string& user_override = "");

// "<image>\n" + question (what LLaVA puts in the first user turn).
std::string withImage(const std::string& question);
// Text that is data, never markup: every "<image>" written as "[image]". A model's own words (an
// answer, a description, a generated question) pass through this before they stand in a
// conversation again, so a placeholder the model happened to write never reads as a second image.
// The renderers below apply it to every assistant turn.
// (Inline: the torch-free selftrain library uses it without linking the prompt library.)
inline std::string withoutImagePlaceholders(std::string text) {
    const std::string marker = kImagePlaceholder;
    for (std::size_t at = text.find(marker); at != std::string::npos; at = text.find(marker, at))
        text.replace(at, marker.size(), "[image]");
    return text;
}
// How many "<image>" placeholders the question turns (User, VUser) hold: assistant turns hold none
// once rendered (see withoutImagePlaceholders()).
std::size_t imagePlaceholderCount(const Conversation& conversation);

// A piece of rendered text; `target` = its tokens are trained on (answers and VUSER questions,
// each with its closing "</s>"); everything else gets label -100.
struct Segment {
    std::string text;
    bool target = false;
};
std::string joinSegments(const std::vector<Segment>& segments);

// Training rendering of a complete conversation (ends with an answer). For v1_sq:
//   {system} USER: <image>\n{q1} ASSISTANT: {a1}</s>VUSER: {q2}</s> ASSISTANT: {a2}</s>USER: ...
// Throws for: empty conversation, turns out of order, VUser in a template without that role.
std::vector<Segment> renderTraining(const Template& tmpl, const Conversation& conversation);
// Prompt for an answer: the conversation ends with a question; the text ends with the open
// assistant role, exactly as LLaVA's get_prompt() with a None last message: "... ASSISTANT:"
// (no trailing space), or "... [/INST]" for mistral_instruct.
std::string renderForGeneration(const Template& tmpl, const Conversation& conversation);
// Prompt for a question (stage 2): the conversation ends with an answer; the text ends with
// "</s>VUSER:". Only for templates with a VUSER role.
std::string renderForQuestion(const Template& tmpl, const Conversation& conversation);

}  // namespace stllava::prompt
