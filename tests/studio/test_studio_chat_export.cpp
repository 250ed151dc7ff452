// stllava-studio's conversation export (ui/chat/conversation_export.h), through the chat panel of
// a real viewer showing a DICOM file made by DCMTK's tools (and a PNG). The conversation is put into
// the conversation model directly, with the provenance the chat records (the window and frame the
// model saw, model digest, template, sampling):
//   - Markdown: the file and its image exist, the image decodes to exactly the pixels the viewer
//     showed under that window, the text holds each question, answer and provenance line, patient
//     details appear, and presentation mode hides them (name, ID, file name);
//   - PDF: a PDF file (header, page objects, an embedded image; its text when pdftotext exists);
//   - DICOM SR: dsrdump reads it and finds the question, the answer and the image's SOP instance;
//   - a raster image: no SR (a clear reason, no file), Markdown still works; an empty conversation
//     cannot be exported; the Export button is there and enabled once an answer exists.
#include "fixtures/dicom_maker.h"

#include "studio_test_env.h"

#include "chat/chat_panel.h"
#include "chat/markdown_export.h"
#include "image_conversion.h"
#include "imaging/raster_codecs.h"
#include "services/jobs/chat_job.h"
#include "viewer/viewer_panel.h"

#include <QJsonObject>
#include <QPushButton>
#include <QRegularExpression>
#include <QStandardPaths>

using namespace stllava;
using namespace stllava::ui;

namespace {

constexpr int W = 48, H = 40;

QString readText(const QString& path) {
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? QString::fromUtf8(f.readAll()) : QString();
}

}  // namespace

class TestStudioChatExport : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;

    struct Read {
        jobs::ChatJob job;
        ViewerPanel viewer;
        ChatPanel chat{&job, &viewer};
    };

    // Shows `path` in `read`'s viewer and waits for it.
    static bool show(Read& read, const QString& path) {
        QSignalSpy shown(&read.viewer, &ViewerPanel::imageShown);
        read.viewer.openFile(path);
        return shown.wait(10000);
    }

    // A question and its answer, with the provenance ChatPanel records for the image on screen.
    static void addExchange(Read& read, const QString& question, const QString& answer) {
        const ImageView* v = read.viewer.view();
        const Window w = v->window();
        const QJsonObject image{{"image", read.viewer.currentPath()},
                                {"frame", read.viewer.frame()},
                                {"stack_index", read.viewer.index()},
                                {"window", QJsonObject{{"center", w.center},
                                                       {"width", w.width},
                                                       {"invert", v->inverted()},
                                                       {"explanation", QString::fromStdString(w.explanation)}}}};
        read.chat.model()->append({ChatMessage::Kind::Question, question, image, false});
        QJsonObject p = image;
        p.insert("model", "/models/tiny-llava");
        p.insert("model_digest", "sha256:0123456789abcdef0123456789abcdef");
        p.insert("template", "llava_v1");
        p.insert("device", "cpu");
        p.insert("sampling", QJsonObject{{"temperature", 0.2}, {"top_p", 0.9}, {"max_new_tokens", 64}, {"seed", "7"}});
        p.insert("asked_at", "2026-12-02T13:00:00Z");
        p.insert("generated_tokens", 12);
        p.insert("tokens_per_second", 30.5);
        p.insert("stop_reason", "eos");
        read.chat.model()->append({ChatMessage::Kind::Answer, answer, p, false});
    }

private Q_SLOTS:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        std::vector<std::int16_t> stored(W * H);
        for (int i = 0; i < W * H; ++i) stored[std::size_t(i)] = std::int16_t((i % W) * 40);
        QVERIFY(dicomtest::makeDicom16(m_dir.path(), "DOE_JANE.dcm", W, H, stored, 16, true,
                                       {"-i", "(0008,0060)=CT", "-i", "(0028,1052)=-1024", "-i", "(0028,1053)=1",
                                        "-i", "(0028,1050)=40", "-i", "(0028,1051)=400", "-i",
                                        "(0010,0010)=Doe^Jane", "-i", "(0010,0020)=PID-77", "-i",
                                        "(0020,000d)=1.2.826.0.1.3680043.2.1125.9"}));
        RgbImage rgb;
        rgb.width = W;
        rgb.height = H;
        rgb.pixels.resize(std::size_t(W * H * 3));
        for (std::size_t i = 0; i < rgb.pixels.size(); ++i) rgb.pixels[i] = std::uint8_t(i % 251);
        writePixelsPng(rgb, m_dir.filePath("photo.png").toStdString());
    }

    void markdownHoldsImagesTextAndProvenance() {
        Read read;
        QVERIFY(show(read, m_dir.filePath("DOE_JANE.dcm")));
        QVERIFY(!read.chat.exportButton()->isEnabled());  // nothing answered yet
        QVERIFY(!read.chat.exportConversation(ExportFormat::Markdown, m_dir.filePath("empty.md")).isEmpty());
        QVERIFY(!QFile::exists(m_dir.filePath("empty.md")));

        read.viewer.view()->setWindow(Window{300.0, 600.0, "test"});
        const RgbImage seen = read.viewer.view()->displayImage();
        addExchange(read, "Is the liver enlarged?", "The liver appears normal in size.");
        addExchange(read, "Any lesion?", "No focal lesion.\n# not a heading");
        QVERIFY(read.chat.exportButton()->isEnabled());

        const QString md = m_dir.filePath("out/report.md");
        QVERIFY(QDir().mkpath(m_dir.filePath("out")));
        const QString error = read.chat.exportConversation(ExportFormat::Markdown, md);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        const QString text = readText(md);
        QVERIFY(text.contains("Is the liver enlarged?"));
        QVERIFY(text.contains("The liver appears normal in size."));
        QVERIFY(text.contains("\\# not a heading"));  // the answer's text cannot become markup
        QVERIFY(text.contains("template llava_v1"));
        QVERIFY(text.contains("seed 7"));
        QVERIFY(text.contains("sha256:012345678"));
        QVERIFY(text.contains("window C 300 / W 600"));
        QVERIFY(text.contains("PID-77"));
        QVERIFY(text.contains("Doe, Jane"));
        QVERIFY(text.contains("not a diagnosis"));
        QCOMPARE(int(text.count("](report_images/image-1.png)")), 1);  // the same image once
        QVERIFY(!QFile::exists(m_dir.filePath("out/report_images/image-2.png")));

        const QImage png(markdownImageFolder(md) + "/image-1.png");
        QVERIFY(!png.isNull());
        QCOMPARE(png.size(), QSize(W, H));
        const RgbImage decoded = toRgbImage(png);
        QVERIFY(decoded.pixels == seen.pixels);  // what the model saw, rendered again from the file

        // Presentation mode: no name, no ID, no file name (it may carry the name).
        read.viewer.presentationAction()->setChecked(true);
        const QString hidden = m_dir.filePath("out/hidden.md");
        QVERIFY(read.chat.exportConversation(ExportFormat::Markdown, hidden).isEmpty());
        const QString hiddenText = readText(hidden);
        QVERIFY(hiddenText.contains("Is the liver enlarged?"));
        QVERIFY(hiddenText.contains("presentation mode"));
        QVERIFY(!hiddenText.contains("PID-77"));
        QVERIFY(!hiddenText.contains("Doe"));
        QVERIFY(!hiddenText.contains("DOE_JANE"));
        QVERIFY(!QImage(markdownImageFolder(hidden) + "/image-1.png").isNull());
    }

    void pdfEmbedsImagesAndText() {
        Read read;
        QVERIFY(show(read, m_dir.filePath("DOE_JANE.dcm")));
        addExchange(read, "Is the liver enlarged?", "The liver appears normal in size.");
        const QString pdf = m_dir.filePath("report.pdf");
        const QString error = read.chat.exportConversation(ExportFormat::Pdf, pdf);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QFile f(pdf);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray bytes = f.readAll();
        QVERIFY(bytes.startsWith("%PDF-"));
        QVERIFY(bytes.size() > 1000);
        const int pages = int(QString::fromLatin1(bytes).count(QRegularExpression("/Type\\s*/Page(?!s)")));
        QVERIFY2(pages >= 1, qPrintable(QString::number(pages)));
        QVERIFY(bytes.contains("/Subtype /Image"));
        const QString pdftotext = QStandardPaths::findExecutable("pdftotext");
        if (!pdftotext.isEmpty()) {
            QString text;
            QVERIFY(dicomtest::runTool(pdftotext, {pdf, "-"}, &text));
            QVERIFY2(text.contains("Is the liver enlarged?"), qPrintable(text));
            QVERIFY(text.contains("The liver appears normal in size."));
            QVERIFY(text.contains("template llava_v1"));
        }
    }

    void srReferencesTheImage() {
        Read read;
        QVERIFY(show(read, m_dir.filePath("DOE_JANE.dcm")));
        addExchange(read, "Is the liver enlarged?", "The liver appears normal in size.");
        const QString sr = m_dir.filePath("report-sr.dcm");
        const QString error = read.chat.exportConversation(ExportFormat::DicomSr, sr);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QString dump;
        QVERIFY(dicomtest::runTool("dsrdump", {"+Pl", "+Pu", sr}, &dump));
        QVERIFY2(dump.contains("Is the liver enlarged?"), qPrintable(dump));
        QVERIFY(dump.contains("The liver appears normal in size."));
        QVERIFY(dump.contains("PID-77"));
        QVERIFY(dump.contains("window C 40 / W 400"));  // the file's window, as the model saw it
        QVERIFY(dump.contains("template llava_v1"));
        QVERIFY(dump.contains("sha256:0123456789abcdef0123456789abcdef"));
        QString source;
        QVERIFY(dicomtest::runTool("dcmdump", {"+P", "0008,0018", m_dir.filePath("DOE_JANE.dcm")}, &source));
        const QRegularExpressionMatch uid = QRegularExpression("\\[([0-9.]+)\\]").match(source);
        QVERIFY(uid.hasMatch());
        QVERIFY2(dump.contains(uid.captured(1)), qPrintable(dump));
    }

    // The Export menu's path: the export runs on a worker thread and reports back.
    void exportRunsOnAWorkerThread() {
        Read read;
        QVERIFY(show(read, m_dir.filePath("DOE_JANE.dcm")));
        addExchange(read, "Is the liver enlarged?", "The liver appears normal in size.");
        for (const auto& [format, name] : {std::pair{ExportFormat::Pdf, "worker.pdf"},
                                            std::pair{ExportFormat::Markdown, "worker.md"},
                                            std::pair{ExportFormat::DicomSr, "worker.dcm"}}) {
            QSignalSpy done(&read.chat, &ChatPanel::exportFinished);
            read.chat.startExport(format, m_dir.filePath(name));
            QVERIFY(!read.chat.exportButton()->isEnabled());  // one export at a time
            QVERIFY(done.wait(30000));
            QCOMPARE(done.front().at(0).toString(), m_dir.filePath(name));
            QVERIFY2(done.front().at(1).toString().isEmpty(), qPrintable(done.front().at(1).toString()));
            QVERIFY(QFileInfo(m_dir.filePath(name)).size() > 0);
            QVERIFY(read.chat.exportButton()->isEnabled());
        }
    }

    void rasterImageHasNoSr() {
        Read read;
        QVERIFY(show(read, m_dir.filePath("photo.png")));
        addExchange(read, "What is shown?", "A test pattern.");
        const QString sr = m_dir.filePath("photo-sr.dcm");
        const QString error = read.chat.exportConversation(ExportFormat::DicomSr, sr);
        QVERIFY2(error.contains("photo.png") && error.contains("not a DICOM"), qPrintable(error));
        QVERIFY(!QFile::exists(sr));
        const QString md = m_dir.filePath("photo.md");
        QVERIFY(read.chat.exportConversation(ExportFormat::Markdown, md).isEmpty());
        QVERIFY(!QImage(markdownImageFolder(md) + "/image-1.png").isNull());
    }
};

STLLAVA_STUDIO_TEST_MAIN(TestStudioChatExport)
#include "test_studio_chat_export.moc"
