#include "services/judge/api_key.h"

#include <QEventLoop>
#include <QMutex>
#include <QMutexLocker>
#include <QTimer>
#include <QtGlobal>

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

// One keychain job at a time in this process: QtKeychain's backends share state between jobs.
QMutex& keychainMutex() {
    static QMutex m;
    return m;
}

// Runs `job` (heap-allocated, auto-deleting) in a local event loop. The job owns its lifetime: a
// job that does not finish within `timeout_ms` is left to finish and delete itself later, never
// destroyed under QtKeychain's feet (which crashed when a stack job went out of scope early).
KeychainOutcome runKeychainJob(QKeychain::Job* job, int timeout_ms) {
    QMutexLocker lock(&keychainMutex());
    auto outcome = std::make_shared<KeychainOutcome>();
    QEventLoop loop;
    QTimer timeout;
    timeout.setSingleShot(true);
    job->setAutoDelete(true);
    QObject::connect(job, &QKeychain::Job::finished, &loop, [outcome, &loop](QKeychain::Job* j) {
        outcome->answered = true;
        outcome->error = j->error();
        outcome->errorString = j->errorString();
        if (auto* read = qobject_cast<QKeychain::ReadPasswordJob*>(j)) outcome->text = read->textData();
        loop.quit();
    });
    QObject::connect(&timeout, &QTimer::timeout, &loop, &QEventLoop::quit);
    timeout.start(timeout_ms);
    job->start();
    loop.exec();
    QObject::disconnect(job, nullptr, &loop, nullptr);
    return *outcome;
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
    auto* job = new QKeychain::ReadPasswordJob(QString::fromLatin1(kKeychainService));
    job->setKey(keychainEntryName(host));
    const KeychainOutcome r = runKeychainJob(job, keychain_timeout_ms);
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
    auto* job = new QKeychain::WritePasswordJob(QString::fromLatin1(kKeychainService));
    job->setKey(keychainEntryName(host));
    job->setTextData(key);
    const KeychainOutcome r = runKeychainJob(job, timeout_ms);
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
