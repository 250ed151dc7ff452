// How one chat answer ended, from a local model or an endpoint: text, stop reason, token counts, speed.
#pragma once

#include <QMetaType>
#include <QString>

namespace stllava::jobs {

struct ChatOutcome {
    QString text;
    QString stopReason;  // "eos", "stop_string", "max_tokens", "cancelled"
    qint64 generatedTokens = 0;
    qint64 promptTokens = 0;
    double seconds = 0.0;
    double tokensPerSecond = 0.0;
    int deltasAfterStop = 0;  // text pieces the worker produced after Stop was pressed (<= 1)
};

}  // namespace stllava::jobs

Q_DECLARE_METATYPE(stllava::jobs::ChatOutcome)
