#include "services/judge/api_key.h"

#include <QEventLoop>
#include <QTimer>
#include <QtGlobal>

#ifdef STLLAVA_HAVE_KEYCHAIN
#include <qt6keychain/keychain.h>
#endif

namespace stllava::judge {

#ifdef STLLAVA_HAVE_KEYCHAIN
namespace {
// Runs a keychain job in a local event loop; false when it did not finish within `timeout_ms`.
bool runKeychainJob(QKeychain::Job& job, int timeout_ms) {
    QEventLoop loop;
    QTimer timeout;
    timeout.setSingleShot(true);
    QObject::connect(&job, &QKeychain::Job::finished, &loop, &QEventLoop::quit);
    QObject::connect(&timeout, &QTimer::timeout, &loop, &QEventLoop::quit);
    timeout.start(timeout_ms);
    job.start();
    loop.exec();
    return timeout.isActive();
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
    QKeychain::ReadPasswordJob job(QString::fromLatin1(kKeychainService));
    job.setAutoDelete(false);
    job.setKey(keychainEntryName(host));
    const bool answered = runKeychainJob(job, keychain_timeout_ms);
    if (answered && job.error() == QKeychain::NoError && !job.textData().isEmpty()) {
        out.key = job.textData().trimmed();
        out.source = QStringLiteral("keychain");
    } else if (!answered) {
        out.note = QStringLiteral("the keychain did not answer within %1 ms").arg(keychain_timeout_ms);
    } else if (job.error() != QKeychain::NoError) {
        out.note = QStringLiteral("keychain: ") + job.errorString();
    }
#else
    out.note = QStringLiteral("built without QtKeychain");
#endif
    return out;
}

QString storeApiKeyInKeychain(const QString& host, const QString& key, int timeout_ms) {
#ifdef STLLAVA_HAVE_KEYCHAIN
    QKeychain::WritePasswordJob job(QString::fromLatin1(kKeychainService));
    job.setAutoDelete(false);
    job.setKey(keychainEntryName(host));
    job.setTextData(key);
    if (!runKeychainJob(job, timeout_ms))
        return QStringLiteral("the keychain did not answer within %1 ms").arg(timeout_ms);
    if (job.error() != QKeychain::NoError) return job.errorString();
    return QString();
#else
    Q_UNUSED(host);
    Q_UNUSED(key);
    Q_UNUSED(timeout_ms);
    return QStringLiteral("built without QtKeychain");
#endif
}

}  // namespace stllava::judge
