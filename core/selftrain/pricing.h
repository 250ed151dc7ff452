// Judge prices in US dollars per million tokens, per model, and the cost of a reply's `usage`.
// The built-in table is a starting point that goes stale: a price file overrides it
// ({"gpt-4o": {"input_per_mtok": 2.5, "output_per_mtok": 10.0}, ...}). A model with no price has
// no cost figure (reported as unpriced), never a guessed one.
#pragma once

#include "selftrain/job_records.h"

#include <map>
#include <optional>
#include <string>

namespace stllava::selftrain {

struct ModelPrice {
    double input_per_mtok = 0.0;
    double output_per_mtok = 0.0;
};

class PriceTable {
public:
    // OpenAI's published list prices for the usual judges (USD / 1M tokens, standard tier, 2024-08).
    static PriceTable builtIn();
    // Entries of a JSON file replace or add to this table; throws RecordError naming the file and model.
    void load(const std::string& path);
    void set(const std::string& model, ModelPrice price) { m_prices[model] = price; }
    // Exact name first, then the longest known name that `model` starts with ("gpt-4o-2024-08-06").
    std::optional<ModelPrice> find(const std::string& model) const;
    std::optional<double> cost(const std::string& model, const Usage& usage) const;

private:
    std::map<std::string, ModelPrice> m_prices;
};

}  // namespace stllava::selftrain
