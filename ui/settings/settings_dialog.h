// Settings of stllava-studio (Ctrl+,): what answers in the chat (a local model folder, loaded with
// an adapter, CLIP tower, device, dtype and CPU threads; or an OpenAI-compatible endpoint such as
// `stllava serve` on a GPU server); the expert judge's endpoint and model, its API key (stored in
// the system keychain, never in the settings file) and the consent to send de-identified images to
// a host other than this machine; the interface language and the demo folder. OK checks every value
// and says what is wrong beside it; nothing is saved until all are right.
#pragma once

#include "studio_settings.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QRadioButton;
class QSpinBox;
class QTabWidget;

namespace stllava::ui {

class SettingsDialog : public QDialog {
    Q_OBJECT
public:
    explicit SettingsDialog(QWidget* parent = nullptr);

    // What the dialog holds now (also before it is accepted): for tests and for the main window.
    QString modelFolder() const;
    ModelPreferences modelPreferences() const;
    JudgePreferences judgePreferences() const;
    QString language() const;
    QString demoFolder() const;
    // The problems that keep OK from saving, one per line ("" = none).
    QString problems() const;

public Q_SLOTS:
    void accept() override;

Q_SIGNALS:
    void keyStored(bool ok, const QString& message);

private:
    QWidget* buildModelPage();
    QWidget* buildJudgePage();
    QWidget* buildInterfacePage();
    void load();
    void save();
    void storeKey();
    void showKeySource();
    QLineEdit* folderField(QWidget* page, const QString& title, QWidget** row);

    QTabWidget* m_tabs;
    QRadioButton* m_local;
    QRadioButton* m_remote;
    QLineEdit* m_endpointUrl;
    QLineEdit* m_endpointModel;
    QLineEdit* m_model;
    QLineEdit* m_adapter;
    QLineEdit* m_tower;
    QComboBox* m_device;
    QComboBox* m_dtype;
    QComboBox* m_quant;
    QSpinBox* m_threads;
    QLineEdit* m_endpoint;
    QLineEdit* m_judgeModel;
    QLineEdit* m_key;
    QPushButton* m_storeKey;
    QLabel* m_keySource;
    QCheckBox* m_consent;
    QComboBox* m_language;
    QLineEdit* m_demo;
    QLabel* m_problems;
};

}  // namespace stllava::ui
