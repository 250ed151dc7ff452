// The translation context of the Review workspace's strings, "stllava::ui::ReviewWorkspace", for the
// pieces its widget tree is split into: ReviewText::tr() finds the translations the catalogues hold
// under that context. Touches nothing.
#pragma once

#include <QCoreApplication>

namespace stllava::ui {

struct ReviewText {
    Q_DECLARE_TR_FUNCTIONS(stllava::ui::ReviewWorkspace)
};

}  // namespace stllava::ui
