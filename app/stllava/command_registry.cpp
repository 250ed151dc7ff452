#include "command_registry.h"

#include <algorithm>

namespace stllava {

std::vector<CommandSpec>& registeredCommands() {
    static std::vector<CommandSpec> commands;
    return commands;
}

bool registerCommand(CommandSpec spec) {
    auto& all = registeredCommands();
    all.push_back(std::move(spec));
    std::sort(all.begin(), all.end(), [](const CommandSpec& a, const CommandSpec& b) { return a.order < b.order; });
    return true;
}

}  // namespace stllava
