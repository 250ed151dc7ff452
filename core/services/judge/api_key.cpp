#include "services/judge/api_key.h"

#include <QEventLoop>
#include <QMetaObject>
#include <QThread>
#include <QTimer>
#include <QtGlobal>

#include <chrono>
#include <functional>
#include <future>
#include <memory>

#ifdef STLLAVA_HAVE_KEYCHAIN
#include <qt6keychain/keychain.h>
#endif

namespace stllava::judge {

#ifdef STLLAVA_HAVE_KEYCHAIN
namespace {
// What a finished keychain job said (copied out before the job deletes itself).
struct KeychainOutcome {
    bool answered = false;
    QKeychain::Error error = QKeychain::NoError;
    QString errorString, text;
};

// Keychain jobs live on one long-lived thread of their own with a running event loop. QtKeychain's
// backends post events to their jobs after `finished`; run in a thread-pool thread's short local
// loop, those events were delivered later to destroyed objects (a crash seen 1 run in 8).
QThread* keychainThread() {
    static QThread* thread = [] {
        auto* t = new QThread;  // never stopped: lives as long as the process
        t->setObjectName(QStringLiteral("keychain"));
        t->start();
        return t;
    }();
    return thread;
}

// Creates the job with `make` on the keychain thread, starts it and waits for its answer up to
// `timeout_ms`. A job that does not answer in time finishes (and deletes itself) there later.
KeychainOutcome runKeychainJob(std::function<QKeychain::Job*()> make, int timeout_ms) {
    auto promise = std::make_shared<std::promise<KeychainOutcome>>();
    std::future<KeychainOutcome> answer = promise->get_future();
    auto* context = new QObject;
    context->moveToThread(keychainThread());
    QMetaObject::invokeMethod(
        context,
        [context, make, promise] {
            QKeychain::Job* job = make();
            job->setAutoDelete(true);
            QObject::connect(job, &QKeychain::Job::finished, context, [context, promise](QKeychain::Job* j) {
                KeychainOutcome o;
                o.answered = true;
                o.error = j->error();
                o.errorString = j->errorString();
                if (auto* read = qobject_cast<QKeychain::ReadPasswordJob*>(j)) o.text = read->textData();
                promise->set_value(o);
                context->deleteLater();
            });
            job->start();
        },
        Qt::QueuedConnection);
    if (answer.wait_for(std::chrono::milliseconds(timeout_ms)) != std::future_status::ready) return {};
    return answer.get();
}
}  // namespace
#endif

QString keychainEntryName(const QString& host) {
    return QStringLiteral("judge-api-key:") + host;
}

ApiKey resolveApiKey(const QString& host, bool use_keychain, int keychain_timeout_ms) {
    ApiKey out;
    for (const char* var : {"STLLAVA_JUDGE_API_KEY", "OPENAI_API_KEY"}) {
        const QString v = qEnvironmentVariable(var).trimmed();
        if (!v.isEmpty()) {
            out.key = v;
            out.source = QString::fromLatin1(var);
            return out;
        }
    }
    out.source = QStringLiteral("none");
    if (!use_keychain) return out;
#ifdef STLLAVA_HAVE_KEYCHAIN
    const QString entry = keychainEntryName(host);
    const KeychainOutcome r = runKeychainJob(
        [entry] {
            auto* job = new QKeychain::ReadPasswordJob(QString::fromLatin1(kKeychainService));
            job->setKey(entry);
            return job;
        },
        keychain_timeout_ms);
    if (r.answered && r.error == QKeychain::NoError && !r.text.isEmpty()) {
        out.key = r.text.trimmed();
        out.source = QStringLiteral("keychain");
    } else if (!r.answered) {
        out.note = QStringLiteral("the keychain did not answer within %1 ms").arg(keychain_timeout_ms);
    } else if (r.error != QKeychain::NoError) {
        out.note = QStringLiteral("keychain: ") + r.errorString;
    }
#else
    out.note = QStringLiteral("built without QtKeychain");
#endif
    return out;
}

QString storeApiKeyInKeychain(const QString& host, const QString& key, int timeout_ms) {
#ifdef STLLAVA_HAVE_KEYCHAIN
    const QString entry = keychainEntryName(host);
    const KeychainOutcome r = runKeychainJob(
        [entry, key] {
            auto* job = new QKeychain::WritePasswordJob(QString::fromLatin1(kKeychainService));
            job->setKey(entry);
            job->setTextData(key);
            return job;
        },
        timeout_ms);
    if (!r.answered) return QStringLiteral("the keychain did not answer within %1 ms").arg(timeout_ms);
    if (r.error != QKeychain::NoError) return r.errorString;
    return QString();
#else
    Q_UNUSED(host);
    Q_UNUSED(key);
    Q_UNUSED(timeout_ms);
    return QStringLiteral("built without QtKeychain");
#endif
}

}  // namespace stllava::judge
