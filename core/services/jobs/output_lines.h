// The complete lines of a child process's output, as the studio's child-process jobs read them
// (training runs, evaluations): a line ends at '\n' or at '\r' (progress lines redrawn in place);
// what follows the last end stays in `pending` for the next read.
#pragma once

#include <QByteArray>
#include <QList>

namespace stllava::jobs {

inline QList<QByteArray> takeCompleteLines(QByteArray& pending) {
    QList<QByteArray> lines;
    qsizetype start = 0;
    for (qsizetype i = 0; i < pending.size(); ++i) {
        if (pending[i] != '\n' && pending[i] != '\r') continue;
        lines << pending.mid(start, i - start);
        start = i + 1;
    }
    pending.remove(0, start);
    return lines;
}

}  // namespace stllava::jobs
