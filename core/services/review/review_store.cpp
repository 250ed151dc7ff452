#include "services/review/review_store.h"

#include "services/review/review_schema.h"
#include "services/review/review_state.h"
#include "services/review/sql_dialect.h"

#include <QDateTime>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QThread>
#include <QVariant>

#include <algorithm>
#include <atomic>
#include <type_traits>

namespace stllava::review {

namespace {

std::atomic<int> g_connections{0};

// A statement or commit that conflicted with another writer (sql_dialect.h): the transaction is run again.
class TransientConflict : public ReviewStoreError {
public:
    using ReviewStoreError::ReviewStoreError;
};

QString utcNow() {
    return QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
}

QVariant optional(const std::optional<double>& v) {
    return v ? QVariant(*v) : QVariant(QMetaType(QMetaType::Double));
}
QVariant optional(const std::optional<qint64>& v) {
    return v ? QVariant(*v) : QVariant(QMetaType(QMetaType::LongLong));
}
std::optional<double> optionalDouble(const QVariant& v) {
    return v.isNull() ? std::nullopt : std::optional<double>(v.toDouble());
}

QVariant orderText(const OrderEvidence& o) {
    if (!o.present) return QVariant(QMetaType(QMetaType::QString));
    QJsonObject j{{QStringLiteral("status"), o.status},
                  {QStringLiteral("rationale"), o.rationale},
                  {QStringLiteral("reply"), o.reply}};
    if (o.scoreAnswer1) j.insert(QStringLiteral("score_answer1"), *o.scoreAnswer1);
    if (o.scoreAnswer2) j.insert(QStringLiteral("score_answer2"), *o.scoreAnswer2);
    return QString::fromUtf8(QJsonDocument(j).toJson(QJsonDocument::Compact));
}

OrderEvidence orderFromText(const QVariant& v) {
    OrderEvidence o;
    if (v.isNull()) return o;
    const QJsonObject j = QJsonDocument::fromJson(v.toString().toUtf8()).object();
    o.present = true;
    o.status = j.value(QStringLiteral("status")).toString();
    o.rationale = j.value(QStringLiteral("rationale")).toString();
    o.reply = j.value(QStringLiteral("reply")).toString();
    if (j.contains(QStringLiteral("score_answer1"))) o.scoreAnswer1 = j.value(QStringLiteral("score_answer1")).toDouble();
    if (j.contains(QStringLiteral("score_answer2"))) o.scoreAnswer2 = j.value(QStringLiteral("score_answer2")).toDouble();
    return o;
}

// Empty, never NULL, for the NOT NULL text columns (a record may lack a field).
QString text(const QString& s) {
    return s.isNull() ? QStringLiteral("") : s;
}

// The judge's evidence columns, in the order of the UPDATE and INSERT statements below.
QVariantList evidenceValues(const ReviewPair& p) {
    return {text(p.judgeStatus),
            text(p.reason),
            text(p.judgeModel),
            p.judgeChoice,
            optional(p.score1),
            optional(p.score2),
            p.margin,
            p.ordersAgree ? QVariant(int(*p.ordersAgree)) : QVariant(QMetaType(QMetaType::Int)),
            orderText(p.order12),
            orderText(p.order21)};
}

const char* kPairColumns =
    "pair_id, position, image, image_root, describe_prompt, description, question, answer1, answer2, seed1, "
    "seed2, judge_status, reason, judge_model, judge_choice, score1, score2, margin, orders_agree, order12, order21";

ReviewPair pairFromRow(const QSqlQuery& q) {
    ReviewPair p;
    p.id = q.value(0).toString();
    p.position = q.value(1).toLongLong();
    p.image = q.value(2).toString();
    p.imageRoot = q.value(3).toString();
    p.describePrompt = q.value(4).toString();
    p.description = q.value(5).toString();
    p.question = q.value(6).toString();
    p.answer1 = q.value(7).toString();
    p.answer2 = q.value(8).toString();
    if (!q.value(9).isNull()) p.seed1 = q.value(9).toLongLong();
    if (!q.value(10).isNull()) p.seed2 = q.value(10).toLongLong();
    p.judgeStatus = q.value(11).toString();
    p.reason = q.value(12).toString();
    p.judgeModel = q.value(13).toString();
    p.judgeChoice = q.value(14).toInt();
    p.score1 = optionalDouble(q.value(15));
    p.score2 = optionalDouble(q.value(16));
    p.margin = q.value(17).toDouble();
    if (!q.value(18).isNull()) p.ordersAgree = q.value(18).toInt() != 0;
    p.order12 = orderFromText(q.value(19));
    p.order21 = orderFromText(q.value(20));
    return p;
}

bool sameVariant(const QVariant& a, const QVariant& b) {
    if (a.isNull() || b.isNull()) return a.isNull() == b.isNull();
    if (a.typeId() == QMetaType::Double || b.typeId() == QMetaType::Double)
        return std::abs(a.toDouble() - b.toDouble()) < 1e-12;
    return a.toString() == b.toString();
}

}  // namespace

ReviewStore::ReviewStore(const QString& location)
    : m_path(location), m_connection(QStringLiteral("stllava-review-%1").arg(++g_connections)) {
    try {
        const StoreLocation l = parseStoreLocation(location);
        m_backend = l.backend;
        m_db = openStoreConnection(l, m_connection);
    } catch (const std::runtime_error& e) {
        throw ReviewStoreError(e.what());
    }
    try {
        migrateSchema(m_db, location);
    } catch (const std::runtime_error& e) {
        m_db.close();
        m_db = QSqlDatabase();
        QSqlDatabase::removeDatabase(m_connection);
        throw ReviewStoreError(e.what());
    }
}

ReviewStore::~ReviewStore() {
    m_db.close();
    m_db = QSqlDatabase();
    QSqlDatabase::removeDatabase(m_connection);
}

void ReviewStore::fail(const QString& what, const QString& why) const {
    throw ReviewStoreError(QStringLiteral("%1: %2: %3").arg(m_path, what, why).toStdString());
}

void ReviewStore::exec(QSqlQuery& q, const char* what) {
    if (q.exec()) return;
    const QSqlError error = q.lastError();
    // Before the statement is released: PostgreSQL refuses anything but ROLLBACK in a failed transaction.
    rollback();
    if (isTransientConflict(m_backend, error))
        throw TransientConflict(QStringLiteral("%1: %2: %3").arg(m_path, QString::fromLatin1(what), error.text()).toStdString());
    fail(QString::fromLatin1(what), error.text());
}

void ReviewStore::begin(const char* what) {
    QSqlQuery q(m_db);
    if (!q.exec(beginWriteStatement(m_backend))) {
        const QSqlError error = q.lastError();
        if (isTransientConflict(m_backend, error))
            throw TransientConflict(QStringLiteral("%1: %2: %3").arg(m_path, QString::fromLatin1(what), error.text()).toStdString());
        fail(QString::fromLatin1(what), error.text());
    }
    m_inTransaction = true;
}

void ReviewStore::commit(const char* what) {
    QSqlQuery q(m_db);
    if (q.exec(QStringLiteral("COMMIT"))) {
        m_inTransaction = false;
        return;
    }
    const QSqlError error = q.lastError();
    // A failed COMMIT ends the transaction on PostgreSQL; SQLite keeps it open until ROLLBACK.
    if (m_backend == StoreBackend::Postgres) m_inTransaction = false;
    rollback();
    if (isTransientConflict(m_backend, error))
        throw TransientConflict(QStringLiteral("%1: %2: %3").arg(m_path, QString::fromLatin1(what), error.text()).toStdString());
    fail(QString::fromLatin1(what), QStringLiteral("not committed: ") + error.text());
}

void ReviewStore::rollback() {
    if (!m_inTransaction) return;
    m_inTransaction = false;
    QSqlQuery(m_db).exec(QStringLiteral("ROLLBACK"));
}

template <class Body>
auto ReviewStore::writeTransaction(const char* what, Body&& body) -> decltype(body()) {
    // PostgreSQL's serialization failures are resolved by running again (quickly); SQLite has
    // already waited its busy timeout for the write lock, so it tries only a few times more.
    const int attempts = m_backend == StoreBackend::Postgres ? 100 : 3;
    for (int attempt = 1;; ++attempt) {
        try {
            begin(what);
            if constexpr (std::is_void_v<decltype(body())>) {
                body();
                commit(what);
                return;
            } else {
                auto result = body();
                commit(what);
                return result;
            }
        } catch (const TransientConflict& e) {
            rollback();
            if (attempt >= attempts)
                fail(QString::fromLatin1(what),
                     QStringLiteral("gave up after %1 conflicts with other writers (%2)").arg(attempt).arg(QString::fromUtf8(e.what())));
            QThread::msleep(1 + QRandomGenerator::global()->bounded(2 + 2 * std::min(attempt, 20)));
        } catch (...) {
            rollback();
            throw;
        }
    }
}

int ReviewStore::schemaVersion() {
    return review::schemaVersion(m_db);
}

QString ReviewStore::journalMode() {
    QSqlQuery q(m_db);
    if (m_backend == StoreBackend::Postgres) {
        QStringList off;
        for (const char* setting : {"fsync", "synchronous_commit"}) {
            if (!q.exec(QStringLiteral("SHOW ") + QLatin1String(setting)) || !q.next()) return {};
            const QString value = q.value(0).toString();
            if (value != QLatin1String("on")) off << QLatin1String(setting) + QLatin1Char('=') + value;
        }
        return off.isEmpty() ? QStringLiteral("wal") : QStringLiteral("wal (%1)").arg(off.join(QStringLiteral(", ")));
    }
    if (!q.exec(QStringLiteral("PRAGMA journal_mode")) || !q.next()) return {};
    return q.value(0).toString().toLower();
}

ImportSummary ReviewStore::importFile(const QString& file) {
    return importFiles({file});
}

ImportSummary ReviewStore::importJob(const QString& jobFolder) {
    const QStringList files = jobPairFiles(jobFolder);
    if (files.isEmpty())
        throw ReviewStoreError(QStringLiteral("%1: no pairs.stllava.json, pairs.trl.jsonl or pairs.review.jsonl "
                                              "(run `stllava selftrain pairs --job` on it first)")
                                   .arg(jobFolder)
                                   .toStdString());
    return importFiles(files);
}

ImportSummary ReviewStore::importFiles(const QStringList& files) {
    std::vector<PairFileContents> contents;
    for (const QString& f : files) {
        try {
            contents.push_back(readPairFile(f));
        } catch (const std::exception& e) {
            throw ReviewStoreError(e.what());
        }
    }
    return writeTransaction("import", [&] { return importContents(files, contents); });
}

ImportSummary ReviewStore::importContents(const QStringList& files, const std::vector<PairFileContents>& contents) {
    ImportSummary s;
    s.files = files;
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("INSERT INTO imports (source, time, added, updated, unchanged, refused) VALUES (?, ?, 0, 0, 0, 0)") +
              returningId(m_backend, "import_id"));
    q.addBindValue(files.join(QStringLiteral(";")));
    q.addBindValue(utcNow());
    exec(q, "import");
    const qint64 importId = insertedId(m_backend, q);
    q.prepare(QStringLiteral("SELECT COALESCE(MAX(position), 0) FROM pairs"));
    exec(q, "import");
    qint64 position = q.next() ? q.value(0).toLongLong() : 0;

    for (std::size_t f = 0; f < contents.size(); ++f) {
        s.issues.insert(s.issues.end(), contents[f].issues.begin(), contents[f].issues.end());
        qint64 record = 0;
        for (const ReviewPair& p : contents[f].pairs) {
            ++record;
            QSqlQuery find(m_db);
            find.prepare(QStringLiteral("SELECT question, answer1, answer2, judge_status, reason, judge_model, "
                                        "judge_choice, score1, score2, margin, orders_agree, order12, order21 "
                                        "FROM pairs WHERE pair_id = ?"));
            find.addBindValue(p.id);
            exec(find, "import");
            const QVariantList evidence = evidenceValues(p);
            if (find.next()) {
                if (find.value(0).toString() != p.question || find.value(1).toString() != p.answer1 ||
                    find.value(2).toString() != p.answer2) {
                    ++s.refused;
                    s.issues.push_back({files[int(f)], record, p.id,
                                        QStringLiteral("the question or answers differ from the stored pair of that id; "
                                                       "kept as stored (decisions refer to it)")});
                    continue;
                }
                bool same = true;
                for (int i = 0; i < evidence.size(); ++i) same = same && sameVariant(find.value(3 + i), evidence[i]);
                if (same) {
                    ++s.unchanged;
                    continue;
                }
                QSqlQuery up(m_db);
                up.prepare(QStringLiteral("UPDATE pairs SET judge_status = ?, reason = ?, judge_model = ?, judge_choice = ?, "
                                          "score1 = ?, score2 = ?, margin = ?, orders_agree = ?, order12 = ?, order21 = ? "
                                          "WHERE pair_id = ?"));
                for (const QVariant& v : evidence) up.addBindValue(v);
                up.addBindValue(p.id);
                exec(up, "import");
                ++s.updated;
                continue;
            }
            QSqlQuery ins(m_db);
            ins.prepare(QStringLiteral("INSERT INTO pairs (%1, import_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
                                       "?, ?, ?, ?, ?, ?, ?, ?)")
                            .arg(QLatin1String(kPairColumns)));
            for (const QVariant& v : QVariantList{p.id, ++position, text(p.image), text(p.imageRoot), text(p.describePrompt),
                                                  text(p.description), text(p.question), text(p.answer1), text(p.answer2), optional(p.seed1), optional(p.seed2)})
                ins.addBindValue(v);
            for (const QVariant& v : evidence) ins.addBindValue(v);
            ins.addBindValue(importId);
            exec(ins, "import");
            ++s.added;
        }
    }
    q.prepare(QStringLiteral("UPDATE imports SET added = ?, updated = ?, unchanged = ?, refused = ? WHERE import_id = ?"));
    for (const QVariant& v : QVariantList{s.added, s.updated, s.unchanged, s.refused, importId}) q.addBindValue(v);
    exec(q, "import");
    return s;
}

std::vector<ReviewPair> ReviewStore::pairs() {
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT %1 FROM pairs ORDER BY position").arg(QLatin1String(kPairColumns)));
    exec(q, "pairs");
    std::vector<ReviewPair> out;
    while (q.next()) out.push_back(pairFromRow(q));
    return out;
}

std::optional<ReviewPair> ReviewStore::pair(const QString& id) {
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT %1 FROM pairs WHERE pair_id = ?").arg(QLatin1String(kPairColumns)));
    q.addBindValue(id);
    exec(q, "pair");
    if (!q.next()) return std::nullopt;
    return pairFromRow(q);
}

int ReviewStore::pairCount() {
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT COUNT(*) FROM pairs"));
    exec(q, "pairs");
    return q.next() ? q.value(0).toInt() : 0;
}

ReviewEvent ReviewStore::readEvent(const QSqlQuery& q) const {
    ReviewEvent e;
    e.id = q.value(0).toLongLong();
    e.pairId = q.value(1).toString();
    e.curator = q.value(2).toString();
    e.kind = eventKindFromName(q.value(3).toString()).value_or(EventKind::Note);
    e.choice = q.value(4).toInt();
    e.note = q.value(5).toString();
    e.undoes = q.value(6).toLongLong();
    e.adjudication = q.value(7).toInt() != 0;
    e.shownOrder = q.value(8).toString();
    e.time = q.value(9).toString();
    return e;
}

std::vector<ReviewEvent> ReviewStore::eventsWhere(const QString& where, const QVariantList& binds) {
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT event_id, pair_id, curator, kind, choice, note, undoes, adjudication, shown_order, "
                             "time FROM events %1 ORDER BY event_id")
                  .arg(where));
    for (const QVariant& v : binds) q.addBindValue(v);
    exec(q, "events");
    std::vector<ReviewEvent> out;
    while (q.next()) out.push_back(readEvent(q));
    return out;
}

std::vector<ReviewEvent> ReviewStore::events(const QString& pairId) {
    if (pairId.isEmpty()) return eventsWhere({}, {});
    return eventsWhere(QStringLiteral("WHERE pair_id = ?"), {pairId});
}

QStringList ReviewStore::curators() {
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT DISTINCT curator FROM events WHERE adjudication = 0"));
    exec(q, "curators");
    QStringList out;
    while (q.next()) out << q.value(0).toString();
    std::sort(out.begin(), out.end());  // here, not in SQL: PostgreSQL would sort by the database's collation
    return out;
}

qint64 ReviewStore::decide(const QString& pairId, const QString& curator, EventKind kind, int choice,
                           const QString& note, bool adjudication, const QString& shownOrder) {
    if (curator.trimmed().isEmpty()) fail(QStringLiteral("decide"), QStringLiteral("no curator name"));
    const auto p = pair(pairId);
    if (!p) fail(QStringLiteral("decide"), QStringLiteral("no pair '%1' in the store").arg(pairId));
    return writeTransaction("decide", [&] {
        const QString why = whyInvalid(kind, choice, state(pairId, curator, adjudication));
        if (!why.isEmpty()) fail(QStringLiteral("pair '%1'").arg(pairId), why);
        QSqlQuery q(m_db);
        q.prepare(QStringLiteral("INSERT INTO events (pair_id, curator, kind, choice, note, undoes, adjudication, shown_order, "
                                 "time) VALUES (?, ?, ?, ?, ?, NULL, ?, ?, ?)") +
                  returningId(m_backend, "event_id"));
        for (const QVariant& v : QVariantList{pairId, curator, QString::fromLatin1(eventKindName(kind)),
                                              kind == EventKind::Choose ? choice : 0, text(note), int(adjudication),
                                              text(shownOrder), utcNow()})
            q.addBindValue(v);
        exec(q, "decide");
        return insertedId(m_backend, q);
    });
}

std::optional<ReviewEvent> ReviewStore::undoLast(const QString& curator, bool adjudication) {
    return writeTransaction("undo", [&]() -> std::optional<ReviewEvent> {
        const auto own = eventsWhere(QStringLiteral("WHERE curator = ? AND adjudication = ?"), {curator, int(adjudication)});
        QSet<qint64> undone;
        for (const auto& e : own)
            if (e.kind == EventKind::Undo) undone.insert(e.undoes);
        std::optional<ReviewEvent> target;
        for (auto it = own.rbegin(); it != own.rend() && !target; ++it)
            if (it->kind != EventKind::Undo && !undone.contains(it->id)) target = *it;
        if (!target) return std::nullopt;
        QSqlQuery q(m_db);
        q.prepare(QStringLiteral("INSERT INTO events (pair_id, curator, kind, choice, note, undoes, adjudication, shown_order, "
                                 "time) VALUES (?, ?, 'undo', 0, '', ?, ?, '', ?)"));
        for (const QVariant& v : QVariantList{target->pairId, curator, target->id, int(adjudication), utcNow()})
            q.addBindValue(v);
        exec(q, "undo");
        return target;
    });
}

PairState ReviewStore::state(const QString& pairId, const QString& curator, bool adjudication) {
    const auto p = pair(pairId);
    const auto own = adjudication ? eventsWhere(QStringLiteral("WHERE pair_id = ? AND adjudication = 1"), {pairId})
                                  : eventsWhere(QStringLiteral("WHERE pair_id = ? AND curator = ? AND adjudication = 0"),
                                                {pairId, curator});
    return foldEvents(p ? p->judgeChoice : 0, own);
}

std::map<QString, PairState> ReviewStore::states(const QString& curator, bool adjudication) {
    std::map<QString, std::vector<ReviewEvent>> byPair;
    const auto all = adjudication ? eventsWhere(QStringLiteral("WHERE adjudication = 1"), {})
                                  : eventsWhere(QStringLiteral("WHERE curator = ? AND adjudication = 0"), {curator});
    for (const auto& e : all) byPair[e.pairId].push_back(e);
    std::map<QString, PairState> out;
    for (const ReviewPair& p : pairs()) out[p.id] = foldEvents(p.judgeChoice, byPair[p.id]);
    return out;
}

std::map<QString, Resolution> ReviewStore::resolutions() {
    std::map<QString, std::vector<ReviewEvent>> byPair;
    for (const auto& e : events()) byPair[e.pairId].push_back(e);
    std::map<QString, Resolution> out;
    for (const ReviewPair& p : pairs()) out[p.id] = resolvePair(p.judgeChoice, byPair[p.id]);
    return out;
}

QStringList ReviewStore::adjudicationQueue() {
    const auto all = resolutions();
    QStringList out;
    for (const ReviewPair& p : pairs()) {
        const Resolution& r = all.at(p.id);
        if (r.conflict && !r.adjudicated) out << p.id;
    }
    return out;
}

bool ReviewStore::blindSwapped(const QString& pairId, const QString& curator) {
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT swapped FROM blind_orders WHERE pair_id = ? AND curator = ?"));
    q.addBindValue(pairId);
    q.addBindValue(curator);
    exec(q, "blind order");
    if (q.next()) return q.value(0).toInt() != 0;
    QSqlQuery ins(m_db);
    ins.prepare(QStringLiteral("INSERT INTO blind_orders (pair_id, curator, swapped) VALUES (?, ?, ?) ON CONFLICT DO NOTHING"));
    ins.addBindValue(pairId);
    ins.addBindValue(curator);
    ins.addBindValue(int(QRandomGenerator::system()->bounded(2)));
    exec(ins, "blind order");
    exec(q, "blind order");  // another process may have drawn first: its draw counts
    return q.next() && q.value(0).toInt() != 0;
}

ExportSummary ReviewStore::exportApproved(const QString& file, PairFormat format) {
    const auto all = resolutions();
    std::vector<ApprovedPair> approved;
    ExportSummary s;
    s.path = file;
    for (const ReviewPair& p : pairs()) {
        const Resolution& r = all.at(p.id);
        if (r.state.verdict != Verdict::Approved || r.state.side == 0) continue;
        if (p.judgeChoice != 0 && p.judgeChoice != r.state.side) ++s.flipped;
        approved.push_back({p, r});
    }
    try {
        writeApprovedPairs(file, approved, format);
    } catch (const std::exception& e) {
        throw ReviewStoreError(e.what());
    }
    s.written = int(approved.size());
    return s;
}

Agreement ReviewStore::agreementWithJudge(const QString& curator) {
    const auto mine = states(curator);
    std::vector<std::pair<int, int>> ratings;
    for (const ReviewPair& p : pairs()) {
        const PairState& s = mine.at(p.id);
        if (!p.score1 || !p.score2) continue;
        if (s.verdict != Verdict::Approved && s.verdict != Verdict::Tie && s.verdict != Verdict::BothWrong) continue;
        const int curatorCategory = s.verdict == Verdict::Approved ? s.side - 1 : 2;
        const int judgeCategory = p.judgeChoice == 1 || p.judgeChoice == 2 ? p.judgeChoice - 1 : 2;
        ratings.emplace_back(curatorCategory, judgeCategory);
    }
    return measureAgreement(ratings, 3);
}

Agreement ReviewStore::agreementBetween(const QString& curatorA, const QString& curatorB) {
    const auto a = states(curatorA), b = states(curatorB);
    auto category = [](const PairState& s) {
        switch (s.verdict) {
            case Verdict::Approved: return s.side - 1;
            case Verdict::Rejected: return 2;
            case Verdict::Tie: return 3;
            default: return 4;
        }
    };
    std::vector<std::pair<int, int>> ratings;
    for (const auto& [id, sa] : a) {
        const auto it = b.find(id);
        if (!sa.decided() || it == b.end() || !it->second.decided()) continue;
        ratings.emplace_back(category(sa), category(it->second));
    }
    return measureAgreement(ratings, 5);
}

}  // namespace stllava::review
