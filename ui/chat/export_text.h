// The translation context of the conversation exports' words (free functions have no QObject::tr).
#pragma once

#include <QCoreApplication>

namespace stllava::ui {

class ExportText {
    Q_DECLARE_TR_FUNCTIONS(ExportText)
};

}  // namespace stllava::ui
