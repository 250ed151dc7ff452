#include "services/review/pair_file_reader.h"

#include "common/atomic_file.h"

#include <QDir>
#include <QFileInfo>

#include <nlohmann/json.hpp>

#include <cmath>
#include <sstream>
#include <stdexcept>

namespace stllava::review {

using nlohmann::json;

namespace {

QString qs(const std::string& s) {
    return QString::fromStdString(s);
}

QString textOf(const json& v, const char* what) {
    if (v.is_string()) return qs(v.get<std::string>());
    throw std::invalid_argument(std::string(what) + ": expected a string");
}

// A TRL message's text: a string content, or the text parts of a content list.
QString messageText(const json& message, const char* what) {
    if (!message.is_object() || !message.contains("content")) throw std::invalid_argument(std::string(what) + ": not a message");
    const json& c = message.at("content");
    if (c.is_string()) return qs(c.get<std::string>());
    if (!c.is_array()) throw std::invalid_argument(std::string(what) + ": content is neither text nor parts");
    QString out;
    for (const auto& part : c)
        if (part.value("type", std::string()) == "text") out += qs(part.value("text", std::string()));
    return out;
}

std::optional<double> optNumber(const json& j, const char* key) {
    if (!j.is_object() || !j.contains(key) || !j.at(key).is_number()) return std::nullopt;
    return j.at(key).get<double>();
}

OrderEvidence orderEvidence(const json& j) {
    OrderEvidence o;
    if (!j.is_object()) return o;
    o.present = true;
    o.status = qs(j.value("status", std::string()));
    o.scoreAnswer1 = optNumber(j, "score_answer1");
    o.scoreAnswer2 = optNumber(j, "score_answer2");
    if (j.contains("rationale") && j.at("rationale").is_string()) o.rationale = qs(j.at("rationale").get<std::string>());
    if (j.contains("reply") && j.at("reply").is_string()) o.reply = qs(j.at("reply").get<std::string>());
    return o;
}

QString stripImageMarker(QString text) {
    text.remove(QStringLiteral("<image>\n"));
    text.remove(QStringLiteral("<image>"));
    return text.trimmed();
}

// Answers given as chosen / rejected become answer 1 / 2 through "chosen_answer".
void placeAnswers(ReviewPair& p, const QString& chosen, const QString& rejected) {
    if (p.judgeChoice == 2) {
        p.answer1 = rejected;
        p.answer2 = chosen;
    } else {
        p.answer1 = chosen;
        p.answer2 = rejected;
    }
}

void readEvidence(const json& r, ReviewPair& p, bool hasChosenSide) {
    p.judgeStatus = qs(r.value("status", std::string(hasChosenSide ? "auto_accepted" : "needs_review")));
    p.reason = qs(r.value("reason", std::string()));
    p.judgeModel = qs(r.value("judge_model", std::string()));
    p.judgeChoice = r.contains("chosen_answer") && r.at("chosen_answer").is_number_integer()
                        ? r.at("chosen_answer").get<int>()
                        : (hasChosenSide ? 1 : 0);
    if (p.judgeChoice != 0 && p.judgeChoice != 1 && p.judgeChoice != 2)
        throw std::invalid_argument("field 'chosen_answer': expected 0, 1 or 2");
    const json scores = r.value("scores", json::object());
    p.score1 = optNumber(scores, "answer1");
    p.score2 = optNumber(scores, "answer2");
    p.margin = optNumber(scores, "margin").value_or(p.score1 && p.score2 ? std::abs(*p.score1 - *p.score2) : 0.0);
    if (scores.contains("orders_agree") && scores.at("orders_agree").is_boolean())
        p.ordersAgree = scores.at("orders_agree").get<bool>();
    p.order12 = orderEvidence(scores.value("order_12", json()));
    p.order21 = orderEvidence(scores.value("order_21", json()));
    const json seeds = r.value("seeds", json::object());
    if (seeds.is_object() && seeds.contains("chosen") && seeds.contains("rejected") && p.judgeChoice != 0) {
        // Integers only: a number like 1e80 read as one would be undefined behaviour (fuzz finding 6).
        if (!seeds.at("chosen").is_number_integer() || !seeds.at("rejected").is_number_integer())
            throw std::invalid_argument("field 'seeds': expected integers 'chosen' and 'rejected'");
        const qint64 c = seeds.at("chosen").get<qint64>(), j = seeds.at("rejected").get<qint64>();
        p.seed1 = p.judgeChoice == 1 ? c : j;
        p.seed2 = p.judgeChoice == 1 ? j : c;
    }
}

ReviewPair fromStllava(const json& r) {
    const json& chosen = r.at("chosen_conversations");
    const json& rejected = r.at("reject_conversations");
    if (!chosen.is_array() || chosen.size() < 2 || !rejected.is_array() || rejected.size() != chosen.size())
        throw std::invalid_argument("chosen_conversations / reject_conversations: need two turns or more, as many in each");
    ReviewPair p;
    readEvidence(r, p, true);
    const std::size_t n = chosen.size();
    if (n >= 4) {
        p.describePrompt = stripImageMarker(textOf(chosen[0].at("value"), "chosen_conversations[0]"));
        p.description = textOf(chosen[1].at("value"), "chosen_conversations[1]");
    }
    p.question = stripImageMarker(textOf(chosen[n - 2].at("value"), "the question turn"));
    placeAnswers(p, textOf(chosen[n - 1].at("value"), "the chosen answer"),
                 textOf(rejected[n - 1].at("value"), "the rejected answer"));
    if (r.contains("image") && r.at("image").is_string()) p.image = qs(r.at("image").get<std::string>());
    return p;
}

ReviewPair fromTrl(const json& r) {
    ReviewPair p;
    readEvidence(r, p, true);
    const json& prompt = r.at("prompt");
    auto lastText = [](const json& v, const char* what) {
        if (v.is_string()) return qs(v.get<std::string>());
        if (!v.is_array() || v.empty()) throw std::invalid_argument(std::string(what) + ": expected messages");
        return messageText(v.back(), what);
    };
    if (prompt.is_array() && prompt.size() >= 3) {
        p.describePrompt = messageText(prompt[0], "prompt[0]");
        p.description = messageText(prompt[1], "prompt[1]");
    }
    p.question = stripImageMarker(lastText(prompt, "prompt"));
    placeAnswers(p, lastText(r.at("chosen"), "chosen"), lastText(r.at("rejected"), "rejected"));
    if (r.contains("images") && r.at("images").is_array() && !r.at("images").empty())
        p.image = textOf(r.at("images")[0], "images[0]");
    return p;
}

ReviewPair fromReviewList(const json& r) {
    ReviewPair p;
    readEvidence(r, p, false);
    const json& answers = r.at("answers");
    if (!answers.is_array() || answers.size() != 2)
        throw std::invalid_argument("field 'answers': not two answers (nothing to prefer)");
    p.answer1 = textOf(answers[0], "answers[0]");
    p.answer2 = textOf(answers[1], "answers[1]");
    p.describePrompt = qs(r.value("describe_prompt", std::string()));
    p.description = qs(r.value("description", std::string()));
    p.question = textOf(r.at("question"), "question");
    if (r.contains("image") && r.at("image").is_string()) p.image = qs(r.at("image").get<std::string>());
    return p;
}

ReviewPair fromRecord(const json& r) {
    if (!r.is_object()) throw std::invalid_argument("not a JSON object");
    ReviewPair p;
    if (r.contains("chosen_conversations"))
        p = fromStllava(r);
    else if (r.contains("prompt") && r.contains("chosen"))
        p = fromTrl(r);
    else if (r.contains("answers"))
        p = fromReviewList(r);
    else
        throw std::invalid_argument("neither an STLLaVA pair, a TRL pair nor a review item");
    if (!r.contains("id") || !(r.at("id").is_string() || r.at("id").is_number()))
        throw std::invalid_argument("field 'id' missing (the store keys pairs on it)");
    p.id = r.at("id").is_string() ? qs(r.at("id").get<std::string>()) : qs(r.at("id").dump());
    return p;
}

}  // namespace

PairFileContents readPairFile(const QString& path) {
    const std::string file = path.toStdString();
    const std::string text = readFile(file);  // throws naming the file
    const QString root = QFileInfo(path).absolutePath();
    PairFileContents out;
    auto take = [&](const json& record, qint64 position) {
        try {
            ReviewPair p = fromRecord(record);
            p.imageRoot = root;
            out.pairs.push_back(std::move(p));
        } catch (const std::exception& e) {
            QString id;
            if (record.is_object() && record.contains("id") && record.at("id").is_string())
                id = qs(record.at("id").get<std::string>());
            out.issues.push_back({path, position, id, QString::fromUtf8(e.what())});
        }
    };
    const auto first = text.find_first_not_of(" \t\r\n");
    if (first != std::string::npos && text[first] == '[') {
        json all;
        try {
            all = json::parse(text);
        } catch (const std::exception& e) {
            throw std::runtime_error(file + ": not JSON: " + e.what());
        }
        qint64 i = 0;
        for (const auto& r : all) take(r, ++i);
        return out;
    }
    std::istringstream lines(text);
    qint64 n = 0;
    bool parsedAny = false;
    for (std::string line; std::getline(lines, line);) {
        ++n;
        if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
        json r;
        try {
            r = json::parse(line);
        } catch (const std::exception& e) {
            if (lines.eof() && !text.empty() && text.back() != '\n') break;  // a torn last line
            out.issues.push_back({path, n, QString(), QStringLiteral("not JSON: %1").arg(QString::fromUtf8(e.what()))});
            continue;
        }
        parsedAny = true;
        take(r, n);
    }
    if (!parsedAny && !out.issues.empty()) throw std::runtime_error(file + ": no line is JSON");
    return out;
}

QStringList jobPairFiles(const QString& jobFolder) {
    const QDir dir(jobFolder);
    QStringList files;
    if (QFileInfo::exists(dir.filePath(QStringLiteral("pairs.stllava.json"))))
        files << dir.filePath(QStringLiteral("pairs.stllava.json"));
    else if (QFileInfo::exists(dir.filePath(QStringLiteral("pairs.trl.jsonl"))))
        files << dir.filePath(QStringLiteral("pairs.trl.jsonl"));
    if (QFileInfo::exists(dir.filePath(QStringLiteral("pairs.review.jsonl"))))
        files << dir.filePath(QStringLiteral("pairs.review.jsonl"));
    return files;
}

}  // namespace stllava::review
