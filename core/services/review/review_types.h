// Value types of the preference review store (core/services/review): a preference pair as imported
// from `stllava selftrain pairs` (both answers, the judge's averaged and per-order scores, rationale,
// status), a curator's decision event, and the state a curator's events give a pair. Qt Core only.
#pragma once

#include <QString>
#include <QStringList>

#include <optional>

namespace stllava::review {

// One answer order the judge saw: "12" (answer 1 shown first) or "21".
struct OrderEvidence {
    bool present = false;
    QString status;  // "ok", "unparseable", "failed"
    std::optional<double> scoreAnswer1, scoreAnswer2;  // mapped back to the original answers
    QString rationale;
    QString reply;  // kept for replies that were not parsed
};

struct ReviewPair {
    QString id;  // the item id of the self-training job ("<image key>#q<k>"): the store's key
    QString image;  // as written in the pairs file
    QString imageRoot;  // folder of the file it was imported from (relative images resolve there)
    QString describePrompt, description, question;
    QString answer1, answer2;
    std::optional<qint64> seed1, seed2;
    QString judgeStatus;  // "auto_accepted", "needs_review", "rejected", "incomplete"
    QString reason;       // why it has that status (selftrain/pairs.h reason names)
    QString judgeModel;
    int judgeChoice = 0;  // 1 or 2 when the judge preferred one answer, else 0
    std::optional<double> score1, score2;  // averaged over the orders judged
    double margin = 0.0;
    std::optional<bool> ordersAgree;
    OrderEvidence order12, order21;
    qint64 position = 0;  // import order (the list's natural order)

    QString imagePath() const;  // absolute when relative to imageRoot; a moved folder found again (moved_path.h)
};

// What a curator can record about a pair. Every decision is an appended event; undo is one too.
enum class EventKind { Choose, Flip, Approve, Reject, Tie, BothWrong, Note, Undo };
const char* eventKindName(EventKind k);             // "choose", "flip", ..., "both_wrong", "note", "undo"
std::optional<EventKind> eventKindFromName(const QString& name);

struct ReviewEvent {
    qint64 id = 0;
    QString pairId;
    QString curator;
    EventKind kind = EventKind::Note;
    int choice = 0;      // Choose: the original answer (1 or 2) preferred
    QString note;        // Note: the text
    qint64 undoes = 0;   // Undo: the event it takes back
    bool adjudication = false;  // recorded in the adjudication queue (overrides the curators)
    QString shownOrder;  // "12" / "21" when decided in blind mode, else ""
    QString time;        // UTC, ISO 8601 with milliseconds
};

// The outcome of a pair for one curator (or for the adjudicators), derived from the events.
enum class Verdict { Undecided, Approved, Rejected, Tie, BothWrong };
const char* verdictName(Verdict v);  // "undecided", "approved", "rejected", "tie", "both_wrong"

struct PairState {
    Verdict verdict = Verdict::Undecided;
    int side = 0;  // the answer (1 or 2) that is chosen; the judge's until a choose or flip
    QStringList notes;
    int liveEvents = 0;  // events that count (not undone)
    QString lastTime;

    bool decided() const { return verdict != Verdict::Undecided; }
    bool sameOutcome(const PairState& o) const {
        return verdict == o.verdict && (verdict != Verdict::Approved || side == o.side);
    }
};

// The pair's outcome over every curator: an adjudication wins; else the curators' common outcome;
// curators who decided differently put the pair into the adjudication queue (`conflict`).
struct Resolution {
    PairState state;
    bool conflict = false;
    bool adjudicated = false;
    QStringList curators;  // who decided it (adjudicators excluded)
};

}  // namespace stllava::review
