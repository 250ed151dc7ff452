// `stllava demo world|run`: the parent command; each part registers itself through cmd_demo.h.
#include "cmd_demo.h"

#include "exit_codes.h"

#include <algorithm>
#include <map>
#include <memory>
#include <vector>

namespace stllava {
namespace {

std::vector<DemoPart>& parts() {
    static std::vector<DemoPart> all;
    return all;
}

CommandRun addDemo(CLI::App& app) {
    CLI::App* cmd = app.add_subcommand(
        "demo", "The synthetic demo: the synthetic medical VQA world, and the whole pipeline run on it");
    cmd->require_subcommand(1);
    auto runs = std::make_shared<std::map<CLI::App*, CommandRun>>();
    auto& all = parts();
    std::sort(all.begin(), all.end(), [](const DemoPart& a, const DemoPart& b) { return a.order < b.order; });
    for (const auto& part : all) (*runs)[cmd->get_subcommand(part.name)] = part.add(*cmd);
    return [cmd, runs]() {
        for (CLI::App* sub : cmd->get_subcommands()) {
            const auto it = runs->find(sub);
            if (it != runs->end() && it->second) return it->second();
        }
        return exit_code::kUsage;
    };
}

const bool registered = registerCommand({"demo", 15, &addDemo});

}  // namespace

bool registerDemoPart(DemoPart part) {
    parts().push_back(std::move(part));
    return true;
}

}  // namespace stllava
