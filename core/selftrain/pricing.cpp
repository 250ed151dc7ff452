#include "selftrain/pricing.h"

#include "common/atomic_file.h"
#include "selftrain/jsonl.h"

#include <nlohmann/json.hpp>

namespace stllava::selftrain {

PriceTable PriceTable::builtIn() {
    PriceTable t;
    t.set("gpt-4o", {2.50, 10.00});
    t.set("gpt-4o-mini", {0.15, 0.60});
    t.set("gpt-4-turbo", {10.00, 30.00});
    return t;
}

void PriceTable::load(const std::string& path) {
    nlohmann::json j;
    try {
        j = nlohmann::json::parse(readFile(path));
    } catch (const nlohmann::json::exception& e) {
        throw RecordError(path, 0, std::string("not valid JSON: ") + e.what());
    } catch (const std::runtime_error&) {
        throw RecordError(path, 0, "price file cannot be read");
    }
    if (!j.is_object())
        throw RecordError(path, 0, "expected {\"model\": {\"input_per_mtok\": x, \"output_per_mtok\": y}}");
    const RecordContext c{path, 0};
    for (const auto& [model, entry] : j.items()) {
        if (!entry.is_object()) c.fail(model, "expected an object with input_per_mtok and output_per_mtok");
        ModelPrice p;
        p.input_per_mtok = c.number(entry, "input_per_mtok");
        p.output_per_mtok = c.number(entry, "output_per_mtok");
        if (p.input_per_mtok < 0 || p.output_per_mtok < 0) c.fail(model, "prices cannot be negative");
        m_prices[model] = p;
    }
}

std::optional<ModelPrice> PriceTable::find(const std::string& model) const {
    if (const auto it = m_prices.find(model); it != m_prices.end()) return it->second;
    std::optional<ModelPrice> best;
    std::size_t best_len = 0;
    for (const auto& [name, price] : m_prices) {
        if (name.size() > best_len && model.compare(0, name.size(), name) == 0 &&
            model.size() > name.size() && model[name.size()] == '-') {
            best = price;
            best_len = name.size();
        }
    }
    return best;
}

std::optional<double> PriceTable::cost(const std::string& model, const Usage& usage) const {
    const auto p = find(model);
    if (!p) return std::nullopt;
    return (static_cast<double>(usage.prompt_tokens) * p->input_per_mtok +
            static_cast<double>(usage.completion_tokens) * p->output_per_mtok) /
           1e6;
}

}  // namespace stllava::selftrain
