// The one error type for bad user input in every module: a file that is missing, unreadable or
// malformed, or a value in it that is wrong. The message always names the file; `item` (an id, a
// line, a question) and `field` (a JSON key, a tag, a tensor) narrow it down when known. The
// command line maps it to exit code 3; the UI shows it beside the thing that failed.
#pragma once

#include <stdexcept>
#include <string>

namespace stllava {

class InputError : public std::runtime_error {
public:
    // A message that already names the file (as the core's std::runtime_error messages do).
    explicit InputError(const std::string& message) : std::runtime_error(message) {}
    // "<file>: <item>: field '<field>': <problem>" (empty parts left out).
    InputError(std::string file, std::string item, std::string field, const std::string& problem)
        : std::runtime_error(compose(file, item, field, problem)),
          file_(std::move(file)),
          item_(std::move(item)),
          field_(std::move(field)) {}

    const std::string& file() const noexcept { return file_; }
    const std::string& item() const noexcept { return item_; }
    const std::string& field() const noexcept { return field_; }

private:
    static std::string compose(const std::string& file, const std::string& item, const std::string& field,
                               const std::string& problem) {
        std::string s = file;
        if (!item.empty()) s += (s.empty() ? "" : ": ") + item;
        if (!field.empty()) s += (s.empty() ? "" : ": ") + std::string("field '") + field + "'";
        return s + (s.empty() ? "" : ": ") + problem;
    }
    std::string file_, item_, field_;
};

}  // namespace stllava
