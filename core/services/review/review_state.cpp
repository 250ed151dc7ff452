#include "services/review/review_state.h"

#include "common/moved_path.h"

#include <QDir>
#include <QFileInfo>
#include <QSet>

#include <map>

namespace stllava::review {

namespace {

struct KindName {
    EventKind kind;
    const char* name;
};
constexpr KindName kKinds[] = {{EventKind::Choose, "choose"}, {EventKind::Flip, "flip"},
                               {EventKind::Approve, "approve"}, {EventKind::Reject, "reject"},
                               {EventKind::Tie, "tie"},         {EventKind::BothWrong, "both_wrong"},
                               {EventKind::Note, "note"},       {EventKind::Undo, "undo"}};

}  // namespace

QString ReviewPair::imagePath() const {
    if (image.isEmpty() || imageRoot.isEmpty()) return image;
    const QString path = QFileInfo(image).isAbsolute() ? image : QDir(imageRoot).filePath(image);
    // A pair file copied or moved with its images (a demo folder, a job folder) still names their
    // old place: the same tail is looked for beside the file it was imported from.
    return QString::fromStdString(relocatedPath(path.toStdString(), imageRoot.toStdString()));
}

const char* eventKindName(EventKind k) {
    for (const auto& e : kKinds)
        if (e.kind == k) return e.name;
    return "unknown";
}

std::optional<EventKind> eventKindFromName(const QString& name) {
    for (const auto& e : kKinds)
        if (name == QLatin1String(e.name)) return e.kind;
    return std::nullopt;
}

const char* verdictName(Verdict v) {
    switch (v) {
        case Verdict::Undecided: return "undecided";
        case Verdict::Approved: return "approved";
        case Verdict::Rejected: return "rejected";
        case Verdict::Tie: return "tie";
        case Verdict::BothWrong: return "both_wrong";
    }
    return "undecided";
}

QString whyInvalid(EventKind kind, int choice, const PairState& state) {
    switch (kind) {
        case EventKind::Choose:
            return choice == 1 || choice == 2 ? QString() : QStringLiteral("choose needs answer 1 or 2");
        case EventKind::Flip:
        case EventKind::Approve:
            return state.side == 0 ? QStringLiteral("no answer is chosen yet (the judge preferred neither): "
                                                    "choose answer 1 or 2")
                                   : QString();
        case EventKind::Undo:
            return QStringLiteral("undo is recorded through undoLast()");
        default: return {};
    }
}

PairState foldEvents(int judgeChoice, const std::vector<ReviewEvent>& events) {
    QSet<qint64> undone;
    for (const auto& e : events)
        if (e.kind == EventKind::Undo) undone.insert(e.undoes);
    PairState s;
    s.side = judgeChoice == 1 || judgeChoice == 2 ? judgeChoice : 0;
    for (const auto& e : events) {
        if (e.kind == EventKind::Undo || undone.contains(e.id)) continue;
        ++s.liveEvents;
        s.lastTime = e.time;
        switch (e.kind) {
            case EventKind::Choose:
                s.side = e.choice;
                s.verdict = Verdict::Approved;
                break;
            case EventKind::Flip:
                if (s.side != 0) {
                    s.side = 3 - s.side;
                    s.verdict = Verdict::Approved;
                }
                break;
            case EventKind::Approve:
                if (s.side != 0) s.verdict = Verdict::Approved;
                break;
            case EventKind::Reject: s.verdict = Verdict::Rejected; break;
            case EventKind::Tie: s.verdict = Verdict::Tie; break;
            case EventKind::BothWrong: s.verdict = Verdict::BothWrong; break;
            case EventKind::Note: s.notes << e.note; break;
            case EventKind::Undo: break;
        }
    }
    return s;
}

Resolution resolvePair(int judgeChoice, const std::vector<ReviewEvent>& events) {
    std::map<QString, std::vector<ReviewEvent>> byCurator;
    std::vector<ReviewEvent> adjudication;
    for (const auto& e : events) (e.adjudication ? adjudication : byCurator[e.curator]).push_back(e);
    Resolution r;
    const PairState adjudicated = foldEvents(judgeChoice, adjudication);
    std::optional<PairState> common;
    for (const auto& [curator, own] : byCurator) {
        const PairState s = foldEvents(judgeChoice, own);
        if (!s.decided()) continue;
        r.curators << curator;
        if (!common)
            common = s;
        else if (!common->sameOutcome(s))
            r.conflict = true;
    }
    if (adjudicated.decided()) {
        r.adjudicated = true;
        r.state = adjudicated;
    } else if (common && !r.conflict) {
        r.state = *common;
    } else {
        r.state.side = judgeChoice == 1 || judgeChoice == 2 ? judgeChoice : 0;
    }
    return r;
}

}  // namespace stllava::review
