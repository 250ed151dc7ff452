#include "evaluation/eval_report.h"

#include <stdexcept>

namespace stllava::eval {

const std::vector<std::string>& breakdownDimensions() {
    static const std::vector<std::string> dims = {"question_type", "modality", "organ"};
    return dims;
}

const std::string& breakdownLabel(const QuestionResult& q, const std::string& dimension) {
    if (dimension == "question_type") return q.question_type;
    if (dimension == "modality") return q.modality;
    if (dimension == "organ") return q.organ;
    throw std::invalid_argument("unknown breakdown dimension '" + dimension + "'");
}

nlohmann::json scoringDescription() {
    return {
        {"name", "llava-med"},
        {"normalisation",
         "LLaVA-Med normalize_word with its quirks: punctuation deleted when the original string has it next to a "
         "space or has digit-comma-digit, else replaced by a space; periods not followed by a digit deleted (at "
         "most 32); number words to digits; articles dropped; VQA contractions; commas removed. The OPEN metrics "
         "normalise a second time, as the reference code does."},
        {"open", "recall (headline), precision, F1 over word counts; exact match = distinct reference words found / "
                 "prediction words; means over OPEN questions"},
        {"closed_accuracy", "LLaVA-Med rule: hit when the normalised prediction contains 'yes' or 'no' as "
                            "substrings and contains the normalised reference as a substring"},
        {"closed_accuracy_strict", "strict whole-word variant (not LLaVA-Med's): the reference words occur as a "
                                   "whole-word run in the prediction, and a yes/no reference's opposite word does "
                                   "not occur"},
        {"answer_type", "questions whose answer_type is not OPEN/CLOSED are not scored"},
        {"intervals", "95% bootstrap percentile intervals, resampling OPEN and CLOSED questions separately"},
        {"not_computed", "BLEU and candidate-list open accuracy (LLaVA-Med's candidate.json) are not computed"},
    };
}

void summarizeReport(EvalReport& report, const metrics::BootstrapOptions& bootstrap) {
    std::vector<metrics::ItemScore> scores;
    scores.reserve(report.questions.size());
    for (const auto& q : report.questions) scores.push_back(q.score);
    report.summary = metrics::summarize(scores);
    report.ci = metrics::bootstrapIntervals(scores, bootstrap);
    report.breakdown.clear();
    for (const auto& dim : breakdownDimensions()) {
        std::vector<std::string> labels;
        labels.reserve(report.questions.size());
        bool any = false;
        for (const auto& q : report.questions) {
            labels.push_back(breakdownLabel(q, dim));
            any |= !labels.back().empty();
        }
        if (any) report.breakdown[dim] = metrics::summarizeByGroup(scores, labels);
    }
    report.config["bootstrap"] = {{"resamples", bootstrap.resamples},
                                  {"seed", bootstrap.seed},
                                  {"level", bootstrap.level},
                                  {"method", "percentile, stratified by answer type"}};
}

EvalReport scorePredictions(const Benchmark& benchmark, const std::vector<Prediction>& predictions,
                            const metrics::BootstrapOptions& bootstrap) {
    if (benchmark.items.size() != predictions.size())
        throw std::invalid_argument("scorePredictions: predictions are not paired with the benchmark");
    EvalReport r;
    r.dataset_format = datasetFormatName(benchmark.format);
    r.dataset_path = benchmark.path;
    r.warnings = benchmark.warnings;
    metrics::AnswerScorer scorer;
    r.questions.reserve(predictions.size());
    for (std::size_t i = 0; i < predictions.size(); ++i) {
        const BenchmarkItem& item = benchmark.items[i];
        QuestionResult q;
        q.id = item.id;
        q.question = item.question;
        q.image = item.image;
        q.reference = item.answer;
        q.prediction = predictions[i].text;
        q.question_type = item.question_type;
        q.modality = item.modality;
        q.organ = item.organ;
        q.score = scorer.score(item.type, item.answer, predictions[i].text);
        q.reference_normalized = scorer.lastReferenceNormalized();
        q.prediction_normalized = scorer.lastPredictionNormalized();
        if (r.model_id.empty()) r.model_id = predictions[i].model_id;
        r.questions.push_back(std::move(q));
    }
    r.config["scoring"] = scoringDescription();
    summarizeReport(r, bootstrap);
    return r;
}

}  // namespace stllava::eval
