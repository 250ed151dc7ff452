#include "evaluation/report_html.h"

#include "common/atomic_file.h"
#include "evaluation/html_util.h"

#include <algorithm>
#include <map>

namespace stllava::eval {

namespace {

using metrics::Metric;

std::string pct(double fraction) { return html::fixed(100.0 * fraction); }

std::string metaTable(const EvalReport& r) {
    std::string s = "<table class=\"meta\">";
    auto row = [&](const std::string& k, const std::string& v) {
        s += "<tr><td>" + html::escape(k) + "</td><td class=\"mono\">" + html::escape(v) + "</td></tr>";
    };
    row("Benchmark", r.dataset_path + " (" + r.dataset_format + ")");
    row("Benchmark SHA-256", r.dataset_sha256);
    row("Predictions", r.predictions_path);
    row("Predictions SHA-256", r.predictions_sha256);
    if (!r.model_id.empty()) row("Model id", r.model_id);
    if (r.model.is_object()) row("Model", r.model.dump());
    if (!r.timing.empty()) row("Timing", r.timing.dump());
    s += "</table>";
    for (const auto& w : r.warnings) s += "<p><b>Warning:</b> " + html::escape(w) + "</p>";
    return s;
}

std::string summaryTable(const EvalReport& r) {
    std::string s = "<table><tr><th>Metric</th><th>Value (%)</th><th>95% CI</th><th>Questions</th></tr>";
    std::vector<html::Bar> bars;
    for (Metric m : metrics::kAllMetrics) {
        const auto k = static_cast<std::size_t>(m);
        const std::size_t n = metrics::isOpenMetric(m) ? r.summary.n_open : r.summary.n_closed;
        s += "<tr><td>" + html::escape(metrics::metricLabel(m)) + "</td>";
        if (n == 0) {
            s += "<td class=\"num\">n/a</td><td></td><td class=\"num\">0</td></tr>";
            continue;
        }
        s += "<td class=\"num\"><b>" + pct(r.summary.value[k]) + "</b></td><td class=\"num\">" + pct(r.ci[k].lo) +
             " &ndash; " + pct(r.ci[k].hi) + "</td><td class=\"num\">" + std::to_string(n) + "</td></tr>";
        bars.push_back({metrics::metricLabel(m), 100 * r.summary.value[k], 100 * r.ci[k].lo, 100 * r.ci[k].hi,
                        metrics::isOpenMetric(m) ? "#3b6ea5" : "#b5651d"});
    }
    s += "</table>";
    s += "<p>Unscored questions (answer_type not OPEN/CLOSED): " + std::to_string(r.summary.n_unscored) + "</p>";
    if (!bars.empty()) s += html::barChart(bars, "Metrics with 95% bootstrap intervals");
    return s;
}

std::string breakdownSection(const EvalReport& r) {
    std::string s;
    for (const auto& [dim, groups] : r.breakdown) {
        s += "<h2>By " + html::escape(dim) + "</h2><table><tr><th>" + html::escape(dim) +
             "</th><th>OPEN</th><th>CLOSED</th><th>Open recall</th><th>Open F1</th><th>Closed acc.</th>"
             "<th>Closed strict</th></tr>";
        std::vector<std::pair<std::string, const metrics::Summary*>> order;
        for (const auto& [label, sum] : groups) order.emplace_back(label, &sum);
        std::stable_sort(order.begin(), order.end(), [](const auto& a, const auto& b) {
            return a.second->n_open + a.second->n_closed > b.second->n_open + b.second->n_closed;
        });
        std::vector<html::Bar> bars;
        for (const auto& [label, summary] : order) {
            const metrics::Summary* sum = summary;  // a lambda may not capture a structured binding (C++17, clang)
            auto cell = [&](Metric m, std::size_t n) {
                return "<td class=\"num\">" + (n ? pct((*sum)[m]) : std::string("&ndash;")) + "</td>";
            };
            s += "<tr><td>" + html::escape(label) + "</td><td class=\"num\">" + std::to_string(sum->n_open) +
                 "</td><td class=\"num\">" + std::to_string(sum->n_closed) + "</td>" +
                 cell(Metric::OpenRecall, sum->n_open) + cell(Metric::OpenF1, sum->n_open) +
                 cell(Metric::ClosedAccuracy, sum->n_closed) + cell(Metric::ClosedAccuracyStrict, sum->n_closed) +
                 "</tr>";
            if (bars.size() < 40) {
                if (sum->n_open) bars.push_back({label + " open recall", 100 * (*sum)[Metric::OpenRecall], -1, -1, "#3b6ea5"});
                if (sum->n_closed)
                    bars.push_back({label + " closed acc.", 100 * (*sum)[Metric::ClosedAccuracy], -1, -1, "#b5651d"});
            }
        }
        s += "</table>";
        if (!bars.empty()) s += html::barChart(bars, "By " + dim + " (largest groups first)");
    }
    return s;
}

const char* kFilterScript = R"JS(<script>
function stllavaFilter(){
  var t=document.getElementById('qtext').value.toLowerCase();
  var ty=document.getElementById('qtype').value;
  var o=document.getElementById('qout').value;
  var rows=document.querySelectorAll('#questions tbody tr');
  var shown=0;
  rows.forEach(function(r){
    var ok=(!t||r.textContent.toLowerCase().indexOf(t)>=0)&&(!ty||r.dataset.type===ty)&&(!o||r.dataset.out===o);
    r.style.display=ok?'':'none'; if(ok)shown++;
  });
  document.getElementById('qcount').textContent=shown+' shown';
}
</script>)JS";

// Thumbnails are made once per distinct image, kept in one script array and put into the page
// only when a question is opened (a benchmark has many questions per image).
struct Thumbnails {
    const ThumbnailFn& fn;
    std::map<std::string, int> index;  // image -> position in uris (-1: none)
    std::vector<std::string> uris;
    int find(const std::string& image) {
        if (!fn || image.empty()) return -1;
        const auto it = index.find(image);
        if (it != index.end()) return it->second;
        const std::string uri = fn(image);
        int k = -1;
        if (!uri.empty()) {
            k = static_cast<int>(uris.size());
            uris.push_back(uri);
        }
        index.emplace(image, k);
        return k;
    }
    std::string script() const {
        if (uris.empty()) return "";
        std::string s = "<script>var stllavaThumbs=[";
        for (std::size_t i = 0; i < uris.size(); ++i) s += (i ? ",\"" : "\"") + html::escape(uris[i]) + "\"";
        s += "];document.querySelectorAll('#questions details').forEach(function(d){d.addEventListener('toggle',"
             "function(){d.querySelectorAll('img[data-t]').forEach(function(i){if(!i.getAttribute('src'))"
             "i.setAttribute('src',stllavaThumbs[+i.dataset.t]);});});});</script>";
        return s;
    }
};

std::string questionsSection(const EvalReport& r, Thumbnails& thumbs) {
    std::string s = "<h2>Questions</h2><p>Filter: <input id=\"qtext\" oninput=\"stllavaFilter()\" "
                    "placeholder=\"text\"> <select id=\"qtype\" onchange=\"stllavaFilter()\"><option value=\"\">all "
                    "types</option><option>OPEN</option><option>CLOSED</option><option>UNSCORED</option></select> "
                    "<select id=\"qout\" onchange=\"stllavaFilter()\"><option value=\"\">all outcomes</option>"
                    "<option value=\"hit\">hit / full recall</option><option value=\"part\">partial recall</option>"
                    "<option value=\"miss\">miss / zero recall</option></select> <span id=\"qcount\"></span></p>";
    s += "<table id=\"questions\"><thead><tr><th>id</th><th>type</th><th>question</th><th>reference</th>"
         "<th>prediction</th><th>score</th></tr></thead><tbody>";
    for (const auto& q : r.questions) {
        std::string outcome, score;
        if (q.score.type == metrics::AnswerType::Open) {
            outcome = q.score.recall >= 1.0 ? "hit" : q.score.recall > 0 ? "part" : "miss";
            score = "recall " + pct(q.score.recall);
        } else if (q.score.type == metrics::AnswerType::Closed) {
            outcome = q.score.closed_hit ? "hit" : "miss";
            score = std::string(q.score.closed_hit ? "hit" : "miss") + " (strict " +
                    (q.score.closed_hit_strict ? "hit" : "miss") + ")";
        } else {
            outcome = "none";
            score = "not scored";
        }
        s += "<tr class=\"" + outcome + "\" data-type=\"" + metrics::answerTypeName(q.score.type) + "\" data-out=\"" +
             outcome + "\"><td class=\"mono\">" + html::escape(q.id) + "</td><td>" +
             metrics::answerTypeName(q.score.type) + "</td><td><details><summary>" + html::escape(q.question) +
             "</summary>";
        const int t = thumbs.find(q.image);
        if (t >= 0) s += "<img class=\"thumb\" alt=\"" + html::escape(q.image) + "\" data-t=\"" + std::to_string(t) + "\"><br>";
        s += "<span class=\"mono\">image: " + html::escape(q.image) + "<br>normalised reference: " +
             html::escape(q.reference_normalized) + "<br>normalised prediction: " +
             html::escape(q.prediction_normalized) + "<br>";
        if (q.score.type == metrics::AnswerType::Open)
            s += "recall " + pct(q.score.recall) + ", precision " + pct(q.score.precision) + ", F1 " + pct(q.score.f1) +
                 ", exact " + pct(q.score.exact);
        for (const auto& [k, v] : {std::pair<const char*, const std::string*>{"question type", &q.question_type},
                                   {"modality", &q.modality}, {"organ", &q.organ}})
            if (!v->empty()) s += "<br>" + std::string(k) + ": " + html::escape(*v);
        s += "</span></details></td><td>" + html::escape(q.reference) + "</td><td>" + html::escape(q.prediction) +
             "</td><td>" + score + "</td></tr>\n";
    }
    s += "</tbody></table>";
    return s;
}

}  // namespace

std::string reportToHtml(const EvalReport& r, const ThumbnailFn& thumbnail) {
    std::string s = html::pageStart("Evaluation: " + r.dataset_path);
    s += "<h1>Evaluation report</h1>";
    s += metaTable(r);
    s += "<h2>Metrics</h2>" + summaryTable(r);
    s += "<p>Scoring: LLaVA-Med's (normalisation with its quirks; OPEN recall is the headline; closed accuracy "
         "by the substring rule). \"Closed accuracy (strict whole-word)\" is our stricter variant, shown beside "
         "it; it is not the number LLaVA-Med papers report. BLEU and candidate-list open accuracy are not "
         "computed.</p>";
    s += breakdownSection(r);
    Thumbnails thumbs{thumbnail, {}, {}};
    s += questionsSection(r, thumbs);
    s += kFilterScript;
    s += thumbs.script();
    s += html::pageEnd();
    return s;
}

void writeReportHtml(const EvalReport& report, const std::string& path, const ThumbnailFn& thumbnail) {
    writeFileAtomic(path, reportToHtml(report, thumbnail));
}

}  // namespace stllava::eval
