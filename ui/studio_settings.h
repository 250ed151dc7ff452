// The desktop application's persistent state through QSettings (the platform's usual place: on
// Linux ~/.config/STLLaVA-Med/STLLaVA-Med Studio.conf): window geometry, splitter layout, the last
// folder and model, the recent list, the preferences of the settings dialog (how a model is loaded,
// the judge endpoint, the consent to send de-identified images away, the language) and the demo
// folder. Nothing here is secret: API keys live in the keychain or the environment, never here.
#pragma once

#include <QByteArray>
#include <QSettings>
#include <QString>
#include <QStringList>

namespace stllava::ui {

// How the studio loads a model (the rest of pipeline::ModelSource comes from the folder itself).
struct ModelPreferences {
    bool useEndpoint = false;  // answers from an OpenAI-compatible endpoint instead of a local model
    QString endpointUrl = QStringLiteral("http://127.0.0.1:8080/v1");
    QString endpointModel = QStringLiteral("stllava");
    QString adapterDir;      // a LoRA adapter folder applied to every model loaded; "" = none
    QString visionTowerDir;  // a CLIP folder for models without their own tower; "" = the model's
    QString device = QStringLiteral("cpu");  // "cpu", "cuda:N"
    QString dtype = QStringLiteral("auto");  // "auto", "f32", "bf16", "f16"
    // Weight-only quantisation of the decoder's linears, CPU only: "none", "int8", "q4"
    // (pipeline::ModelSource::quant; docs/cpu-decoding.md has speed and accuracy).
    QString quant = QStringLiteral("none");
    int threads = 0;                         // CPU threads; 0 = one per core
};

// The expert judge of self-training (an OpenAI-compatible endpoint) and the consent that lets
// de-identified images go to a host other than this machine.
struct JudgePreferences {
    QString endpoint = QStringLiteral("https://api.openai.com/v1");
    QString model = QStringLiteral("gpt-4o");
    bool remoteConsent = false;
};

class StudioSettings {
public:
    static constexpr int kMaxRecent = 10;

    QByteArray geometry() const;
    void setGeometry(const QByteArray& g);
    QByteArray splitterState() const;
    void setSplitterState(const QByteArray& s);
    QString lastFolder() const;  // where the open dialogs start
    void setLastFolder(const QString& folder);
    QString lastModel() const;  // the model folder loaded at start-up
    void setLastModel(const QString& folder);
    QStringList recent() const;  // newest first, at most kMaxRecent
    void addRecent(const QString& path);
    void clearRecent();
    ModelPreferences modelPreferences() const;
    void setModelPreferences(const ModelPreferences& p);
    JudgePreferences judgePreferences() const;
    void setJudgePreferences(const JudgePreferences& p);
    QString language() const;  // "" = the system's; else a locale name such as "de" or "zh_CN"
    void setLanguage(const QString& language);
    QString demoFolder() const;  // "" = not chosen: the studio looks in the usual places
    void setDemoFolder(const QString& folder);

private:
    QSettings m_settings;
};

}  // namespace stllava::ui
