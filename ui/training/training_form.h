// The form a training run starts from: its kind (stage 1: SFT with question learning; stage-2
// generation; DPO), the paper's or the demo's preset, and the fields of that kind (paths, lengths,
// batch, learning rate, LoRA, checkpoints; for generation the model, images, questions, seeds and
// job folder). Every edit re-checks the form; validityChanged() says whether it may start and, when
// not, names the field and the problem. The config a run gets is the preset with the form's values
// over it, so keys the form does not show (per-part learning rates, the ViT's LoRA, ...) keep the
// preset's values. "Run as" says how the run is launched: a child process (default), a worker
// thread of this window, or torchrun on several processes (TrainingRunSpec::Launch).
#pragma once

#include "training/training_presets.h"

#include <QJsonObject>
#include <QString>
#include <QWidget>

#include <map>
#include <vector>

class QComboBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;
class QStackedWidget;

namespace stllava::ui {

class TrainingForm : public QWidget {
    Q_OBJECT
public:
    explicit TrainingForm(QWidget* parent = nullptr);

    TrainingKind kind() const;
    void setKind(TrainingKind kind);  // shows that kind's fields with the last preset used for it
    // Fills the current kind's fields from `preset` (training config or generation options).
    void applyPreset(const QJsonObject& preset);
    void usePaperPreset();
    bool useDemoPreset();  // false (and message()) when the demo has no record for this kind
    void setDemoRoot(const QString& root);
    QString demoRoot() const { return m_demoRoot; }

    // "" when the form may start, else "<field>: <problem>" for the first bad field.
    QString validate();
    QString invalidField() const { return m_invalidKey; }  // its key ("" when valid)
    QString message() const;  // the shown message line
    bool isValid() { return validate().isEmpty(); }
    // Checks the form again and updates its message (files and folders change on disk as runs go).
    void recheck() { revalidate(); }
    // The run the form describes (call when valid). The run name defaults to the output folder's.
    jobs::TrainingRunSpec spec() const;

    // The field of `key` (config key, or for generation "model", "adapter", "images", "out",
    // "questions", "seeds", ..., or "name"), for tests and the one-click loop.
    QLineEdit* field(const QString& key) const;
    void setValue(const QString& key, const QString& value);

Q_SIGNALS:
    void validityChanged(bool valid, const QString& message);

private:
    enum class Type { Folder, OptionalFolder, File, OutputFolder, Whole, Number, Seeds };
    struct Field {
        QString key;
        QString label;  // as shown, without the colon
        Type type;
        QLineEdit* edit = nullptr;
        QWidget* row = nullptr;  // the form row's field: the line, or the line with its browse button
        qint64 minWhole = 0, maxWhole = 0;
        double minNumber = 0, maxNumber = 0;
        bool minExclusive = false;
        int page = 0;          // 0: training (SFT / DPO), 1: generation
        int onlyKind = -1;     // -1: every kind of its page, else that TrainingKind only
    };
    void addPath(QFormLayout* form, int page, const QString& key, const QString& label, Type type,
                 const QString& toolTip, int onlyKind = -1);
    Field& addLine(QFormLayout* form, int page, const QString& key, const QString& label, Type type,
                   const QString& toolTip, int onlyKind = -1);
    void addWhole(QFormLayout* form, int page, const QString& key, const QString& label, qint64 min, qint64 max,
                  const QString& toolTip, int onlyKind = -1);
    void addNumber(QFormLayout* form, int page, const QString& key, const QString& label, double min, double max,
                   bool minExclusive, const QString& toolTip, int onlyKind = -1);
    bool shown(const Field& f, TrainingKind k) const;
    QJsonObject collect(TrainingKind k) const;  // that kind's preset with the form's values over it
    QString check(const Field& f) const;
    void revalidate();
    void updateRows();
    QString text(const QString& key) const;

    std::vector<Field> m_fields;
    std::map<int, QFormLayout*> m_forms;  // page -> its form
    std::map<int, QJsonObject> m_presets;  // TrainingKind -> the preset its fields came from
    QComboBox* m_kind;
    QComboBox* m_template;
    QComboBox* m_decoder;
    QComboBox* m_vision;
    QLineEdit* m_name;
    QComboBox* m_launch;   // how the run is launched (TrainingRunSpec::Launch)
    QSpinBox* m_processes; // torchrun's processes
    QPushButton* m_demoButton;
    QStackedWidget* m_pages;
    QLabel* m_message;
    QString m_demoRoot;
    QString m_invalidKey;
    QString m_presetNote;
    bool m_filling = false;
    TrainingKind m_shownKind = TrainingKind::Sft;
};

}  // namespace stllava::ui
