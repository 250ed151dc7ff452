// The seeded randomness of the SIGKILL suites: the seed is $STLLAVA_KILL_SEED when set (to replay a
// failure), else the clock; it is printed first, so every run says how to reproduce itself.
#pragma once

#include <QRandomGenerator>
#include <QString>
#include <QtGlobal>

#include <chrono>
#include <cstdint>

namespace stllava::testing {

inline QRandomGenerator killRandom(const char* suite) {
    bool ok = false;
    quint64 seed = qEnvironmentVariable("STLLAVA_KILL_SEED").toULongLong(&ok);
    if (!ok) seed = static_cast<quint64>(std::chrono::steady_clock::now().time_since_epoch().count());
    qInfo("%s: kill seed %llu (replay with STLLAVA_KILL_SEED=%llu)", suite, static_cast<unsigned long long>(seed),
          static_cast<unsigned long long>(seed));
    return QRandomGenerator(static_cast<quint32>(seed ^ (seed >> 32)));
}

// Uniform in [lo, hi] (hi < lo gives lo).
inline int uniform(QRandomGenerator& rng, int lo, int hi) {
    return hi <= lo ? lo : lo + static_cast<int>(rng.bounded(static_cast<quint32>(hi - lo + 1)));
}

}  // namespace stllava::testing
