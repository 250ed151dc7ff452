// Where the judge's API key comes from: $STLLAVA_JUDGE_API_KEY, else $OPENAI_API_KEY, else the
// system keychain (QtKeychain: libsecret / KWallet / macOS Keychain / Windows Credential Store),
// under the service "STLLaVA-Med Studio" and the key "judge-api-key:<host>". Never from, nor to, a
// plain file. The key itself is never printed: only where it came from.
#pragma once

#include <QString>

namespace stllava::judge {

inline constexpr const char* kKeychainService = "STLLaVA-Med Studio";

struct ApiKey {
    QString key;     // "" when none was found
    QString source;  // "STLLAVA_JUDGE_API_KEY", "OPENAI_API_KEY", "keychain", or "none"
    QString note;    // why the keychain gave nothing, when it was asked
};

QString keychainEntryName(const QString& host);

// Looks in the environment, then (unless `use_keychain` is false) the keychain; a keychain that
// does not answer within `keychain_timeout_ms` (no desktop session) counts as empty.
ApiKey resolveApiKey(const QString& host, bool use_keychain, int keychain_timeout_ms = 5000);

// Stores `key` in the keychain; returns "" on success, else what went wrong.
QString storeApiKeyInKeychain(const QString& host, const QString& key, int timeout_ms = 10000);

}  // namespace stllava::judge
