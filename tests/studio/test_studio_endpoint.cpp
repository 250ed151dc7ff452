// stllava-studio's chat answered by an OpenAI-compatible endpoint: a real `stllava serve` child on
// 127.0.0.1 with a bearer token, serving a tiny model written here.
//   - the endpoint's greedy answer equals the local session's on the same displayed pixels (the image
//     travels as a lossless PNG of what is on screen), streamed in pieces, with provenance;
//   - a wrong key is an HTTP 401 shown with a hint; a host other than this machine needs consent
//     before any pixel leaves; Stop ends the streamed answer as "cancelled".
#include "fixtures/tiny_model.h"

#include "studio_test_env.h"

#include "chat/chat_panel.h"
#include "chat/conversation_model.h"
#include "imaging/raster_codecs.h"
#include "main_window.h"
#include "pipeline/llava_session.h"
#include "read_workspace.h"
#include "services/jobs/chat_job.h"
#include "studio_settings.h"
#include "viewer/image_view.h"
#include "viewer/viewer_panel.h"

#include <QDir>
#include <QProcess>
#include <QPushButton>
#include <QRegularExpression>

#include <memory>

using namespace stllava;
using namespace stllava::ui;

namespace {
const QString kToken = QStringLiteral("endpoint-token-8c21");
}

class TestStudioEndpoint : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;
    QString m_model, m_image;
    QProcess m_serve;
    int m_port = 0;

    void useEndpoint(const QString& url) {
        StudioSettings s;
        ModelPreferences p = s.modelPreferences();
        p.useEndpoint = true;
        p.endpointUrl = url;
        p.endpointModel = QStringLiteral("tiny-ep");
        s.setModelPreferences(p);
    }

    std::unique_ptr<MainWindow> openWindow() {
        auto w = std::make_unique<MainWindow>(MainWindow::Options{true});
        QSignalSpy connected(w.get(), &MainWindow::endpointConnected);
        if (!connected.wait(30000)) return nullptr;
        w->resize(1200, 800);
        w->show();
        QSignalSpy shown(w->readWorkspace()->viewer(), &ViewerPanel::imageShown);
        w->openPath(m_image);
        if (!shown.wait(10000)) return nullptr;
        return w;
    }

    static jobs::ChatOutcome answer(MainWindow& w, const QString& question, QString* error = nullptr) {
        QSignalSpy done(w.chatJob(), &jobs::ChatJob::finished);
        QSignalSpy failed(w.chatJob(), &jobs::ChatJob::failed);
        w.readWorkspace()->chat()->ask(question);
        for (int i = 0; i < 1200 && done.isEmpty() && failed.isEmpty(); ++i) done.wait(100);
        if (!failed.isEmpty() && error) *error = failed.front().front().toString();
        return done.isEmpty() ? jobs::ChatOutcome{} : done.front().front().value<jobs::ChatOutcome>();
    }

private Q_SLOTS:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        testing::writeTinyModelFolder(m_dir.path().toStdString(), "tiny-llava");
        m_model = m_dir.filePath("tiny-llava");
        RgbImage img;
        img.width = 40;
        img.height = 30;
        for (int y = 0; y < img.height; ++y)
            for (int x = 0; x < img.width; ++x) {
                const auto v = std::uint8_t(x * 6);
                img.pixels.insert(img.pixels.end(), {v, std::uint8_t(255 - v), std::uint8_t(y * 8)});
            }
        m_image = m_dir.filePath("ramp.png");
        writePixelsPng(img, m_image.toStdString());

        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("STLLAVA_SERVE_TOKEN"), kToken);
        env.insert(QStringLiteral("OMP_NUM_THREADS"), QStringLiteral("1"));
        m_serve.setProcessEnvironment(env);
        m_serve.start(QStringLiteral(STLLAVA_BIN_DIR "/stllava"),
                      {"serve", "--model", m_model, "--port", "0", "--model-id", "tiny-ep"});
        QVERIFY(m_serve.waitForStarted(10000));
        QByteArray err;
        const QRegularExpression at(QStringLiteral("on http://127\\.0\\.0\\.1:([0-9]+)"));
        QVERIFY(QTest::qWaitFor(
            [&] {
                err += m_serve.readAllStandardError();
                const auto m = at.match(QString::fromUtf8(err));
                if (m.hasMatch()) m_port = m.captured(1).toInt();
                return m_port > 0 || m_serve.state() != QProcess::Running;
            },
            120000));
        QVERIFY2(m_port > 0, err.constData());
        qputenv("STLLAVA_JUDGE_API_KEY", kToken.toUtf8());
        useEndpoint(QStringLiteral("http://127.0.0.1:%1/v1").arg(m_port));
    }

    void cleanupTestCase() {
        if (m_serve.state() == QProcess::Running) {
            m_serve.terminate();
            if (!m_serve.waitForFinished(20000)) m_serve.kill();
        }
    }

    void endpointAnswerEqualsTheLocalModel() {
        auto w = openWindow();
        QVERIFY(w);
        QVERIFY(w->chatJob()->usesEndpoint());
        ChatPanel* chat = w->readWorkspace()->chat();
        chat->setSampling(0.0, 1.0, 24, 3);
        int pieces = 0;
        connect(w->chatJob(), &jobs::ChatJob::textArrived, this, [&] { ++pieces; });
        QString error;
        const jobs::ChatOutcome a = answer(*w, "What organ is shown?", &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QVERIFY(!a.text.isEmpty());
        QVERIFY(pieces >= 2);

        pipeline::ModelSource src;
        src.model_dir = m_model.toStdString();
        const auto session = pipeline::LlavaSession::open(src);
        pipeline::Request r;
        r.images = {pipeline::ImageInput::pixels(w->readWorkspace()->viewer()->view()->displayImage())};
        r.conversation = {{prompt::Role::User, "What organ is shown?"}};
        r.sampling.temperature = 0.0;
        r.sampling.greedy = true;
        r.sampling.max_new_tokens = 24;
        QCOMPARE(a.text, QString::fromStdString(session->generate(r).text));
        const QJsonObject p = chat->model()->messages().back().provenance;
        QCOMPARE(p.value("model").toString(), QStringLiteral("tiny-ep @ 127.0.0.1"));
        QCOMPARE(p.value("device").toString(), QStringLiteral("endpoint"));
        QVERIFY(a.generatedTokens > 0);
    }

    void stopEndsTheStream() {
        auto w = openWindow();
        QVERIFY(w);
        ChatPanel* chat = w->readWorkspace()->chat();
        chat->setSampling(1.0, 1.0, 400, 7);
        bool clicked = false;
        connect(w->chatJob(), &jobs::ChatJob::textArrived, this, [&] {
            if (clicked) return;
            clicked = true;
            QTest::mouseClick(chat->stopButton(), Qt::LeftButton);
        });
        const jobs::ChatOutcome out = answer(*w, "Is there a lesion in the liver?");
        QVERIFY(clicked);
        QCOMPARE(out.stopReason, QString("cancelled"));
        QVERIFY(out.generatedTokens < 400);
    }

    void wrongKeyIsShownWithAHint() {
        qputenv("STLLAVA_JUDGE_API_KEY", "not-the-token");
        auto w = openWindow();
        qputenv("STLLAVA_JUDGE_API_KEY", kToken.toUtf8());
        QVERIFY(w);
        QString error;
        answer(*w, "What organ is shown?", &error);
        QVERIFY2(error.contains("401") && error.contains("API key"), qPrintable(error));
        QCOMPARE(w->readWorkspace()->chat()->model()->messages().back().kind, ChatMessage::Kind::Error);
        QVERIFY(!error.contains("not-the-token"));
    }

    void remoteHostNeedsConsentBeforeAnyPixelLeaves() {
        StudioSettings s;
        JudgePreferences j = s.judgePreferences();
        j.remoteConsent = false;
        s.setJudgePreferences(j);
        useEndpoint(QStringLiteral("https://vlm.example.org/v1"));
        auto w = openWindow();
        useEndpoint(QStringLiteral("http://127.0.0.1:%1/v1").arg(m_port));
        QVERIFY(w);
        QString error;
        answer(*w, "What organ is shown?", &error);
        QVERIFY2(error.contains("consent"), qPrintable(error));
    }
};

STLLAVA_STUDIO_TEST_MAIN(TestStudioEndpoint)
#include "test_studio_endpoint.moc"
