// stllava-studio's Read workspace viewer with real DICOM files made by DCMTK's tools:
//   - a CT file opens under its own window; dragging with the left (or right) button changes the
//     window by the documented rule and the rendered pixels follow the DICOM linear window formula
//     (computed here, independently of core/imaging);
//   - presets, invert and auto;
//   - a folder with two series gives a two-row series list with thumbnails from the background scan;
//   - the privacy indicator names the identifying tags; presentation mode hides it.
#include "studio_test_env.h"
#include "fixtures/dicom_maker.h"

#include "main_window.h"
#include "read_workspace.h"
#include "series/series_list_model.h"
#include "viewer/privacy_summary.h"
#include "viewer/viewer_panel.h"

#include <QComboBox>
#include <QDir>
#include <QLabel>
#include <QListView>
#include <QMimeData>
#include <QSlider>

#include <cmath>

using namespace stllava;
using namespace stllava::ui;

namespace {

constexpr int W = 64, H = 48;

// Stored values: a horizontal ramp from 0 to 2016 (HU = stored - 1024: -1024 .. 992).
std::vector<std::int16_t> ramp() {
    std::vector<std::int16_t> v(static_cast<std::size_t>(W) * H);
    for (int y = 0; y < H; ++y)
        for (int x = 0; x < W; ++x)
            v[static_cast<std::size_t>(y) * W + x] = static_cast<std::int16_t>(x * 32);
    return v;
}

// DICOM PS3.3 C.11.2.1.2.1 (linear), written out here from the standard.
int expectedGrey(double hu, double c, double w) {
    double y;
    if (hu <= c - 0.5 - (w - 1) / 2)
        y = 0;
    else if (hu > c - 0.5 + (w - 1) / 2)
        y = 255;
    else
        y = ((hu - (c - 0.5)) / (w - 1) + 0.5) * 255;
    return static_cast<int>(std::lround(y));
}

int greyAt(const RgbImage& img, int x, int y) {
    return img.pixels[(static_cast<std::size_t>(y) * img.width + x) * 3];
}

}  // namespace

class TestStudioViewer : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    QString ct() const { return m_dir.filePath("ct.dcm"); }

    // Opens the CT file in `window` and waits until it is on screen.
    bool openCt(MainWindow& window) {
        window.show();
        ViewerPanel* viewer = window.readWorkspace()->viewer();
        QSignalSpy shown(viewer, &ViewerPanel::imageShown);
        window.openPath(ct());
        return shown.wait(10000);
    }

private Q_SLOTS:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        QVERIFY(dicomtest::makeDicom16(m_dir.path(), "ct.dcm", W, H, ramp(), 16, true,
                                       {"-i", "(0008,0060)=CT",
                                        "-i", "(0028,1052)=-1024",
                                        "-i", "(0028,1053)=1",
                                        "-i", "(0028,1050)=40\\-600",
                                        "-i", "(0028,1051)=400\\1500",
                                        "-i", "(0028,1055)=SOFT\\LUNG",
                                        "-i", "(0010,0010)=Doe^Jane",
                                        "-i", "(0010,0020)=PID-77",
                                        "-i", "(0020,000d)=1.2.826.0.1.3680043.2.1125.1",
                                        "-i", "(0008,103e)=Axial soft tissue"}));
    }

    void dragChangesWindowAndPixels_data() {
        QTest::addColumn<int>("button");
        QTest::newRow("left drag") << int(Qt::LeftButton);
        QTest::newRow("right drag") << int(Qt::RightButton);
    }

    void dragChangesWindowAndPixels() {
        QFETCH(int, button);
        MainWindow window(MainWindow::Options{false});
        window.resize(1200, 800);
        QVERIFY(openCt(window));
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        ViewerPanel* viewer = window.readWorkspace()->viewer();
        ImageView* view = viewer->view();
        QCOMPARE(view->window().center, 40.0);
        QCOMPARE(view->window().width, 400.0);
        const int px = 40;  // HU = 40 * 32 - 1024 = 256
        const double hu = px * 32 - 1024;
        QCOMPARE(greyAt(view->displayImage(), px, 10), expectedGrey(hu, 40, 400));

        // Drag 64 px right and 32 px down: step = 400 / 256 = 1.5625 -> width 500, centre 90.
        const QPoint from = view->rect().center();
        const QPoint to = from + QPoint(64, 32);
        QTest::mousePress(view, Qt::MouseButton(button), Qt::NoModifier, from);
        QTest::mouseMove(view, from + QPoint(32, 16));
        QCOMPARE(view->window().width, 450.0);  // live while dragging
        QCOMPARE(view->window().center, 65.0);
        QTest::mouseMove(view, to);
        QTest::mouseRelease(view, Qt::MouseButton(button), Qt::NoModifier, to);
        QCOMPARE(view->window().width, 500.0);
        QCOMPARE(view->window().center, 90.0);
        for (int x : {0, 20, 30, 36, 40, 45, 63})
            QCOMPARE(greyAt(view->displayImage(), x, 10), expectedGrey(x * 32 - 1024, 90, 500));
        QVERIFY(greyAt(view->displayImage(), px, 10) != expectedGrey(hu, 40, 400));
        // The live values are on screen.
        const auto labels = viewer->findChildren<QLabel*>();
        bool shown = false;
        for (QLabel* l : labels) shown = shown || l->text().contains("W 500  L 90");
        QVERIFY(shown);
    }

    void presetsInvertAndAuto() {
        MainWindow window(MainWindow::Options{false});
        QVERIFY(openCt(window));
        ViewerPanel* viewer = window.readWorkspace()->viewer();
        ImageView* view = viewer->view();
        auto* presets = viewer->findChild<QComboBox*>();
        QVERIFY(presets);
        // Entries: placeholder, the file's two windows, then the CT presets.
        QVERIFY(presets->itemText(1).startsWith("SOFT"));
        QVERIFY(presets->itemText(2).startsWith("LUNG"));
        int lung = -1;
        for (int i = 0; i < presets->count(); ++i)
            if (presets->itemText(i).startsWith("CT Lung")) lung = i;
        QVERIFY(lung > 2);
        presets->activated(lung);
        QCOMPARE(view->window().center, -600.0);
        QCOMPARE(view->window().width, 1500.0);
        presets->activated(2);  // the file's second window
        QCOMPARE(view->window().center, -600.0);
        QCOMPARE(view->window().width, 1500.0);
        const int before = greyAt(view->displayImage(), 20, 5);
        view->setInverted(true);
        QCOMPARE(greyAt(view->displayImage(), 20, 5), 255 - before);
        view->setInverted(false);
        view->autoWindow();  // 0.5 / 99.5 percentiles of -1024 .. 992: about the full ramp
        QVERIFY(view->window().width > 1800 && view->window().width < 2100);
        QVERIFY(greyAt(view->displayImage(), 0, 0) <= 5);
        QVERIFY(greyAt(view->displayImage(), W - 1, 0) >= 250);
    }

    void zoomFitAndActualSize() {
        MainWindow window(MainWindow::Options{false});
        window.resize(1200, 800);
        QVERIFY(openCt(window));
        ViewerPanel* viewer = window.readWorkspace()->viewer();
        ImageView* view = viewer->view();
        const double fit = view->zoom();
        QVERIFY(fit > 1.0);  // 64 x 48 enlarged to the view
        view->actualSize();
        QCOMPARE(view->zoom(), 1.0);
        const QPointF anchor = view->rect().center();
        const QPointF under = view->widgetToImage(anchor);
        view->setZoom(2.0, anchor);
        QCOMPARE(view->widgetToImage(anchor), under);  // zoom keeps the point under the cursor
        view->fitToView();
        QCOMPARE(view->zoom(), fit);
    }

    void privacyIndicatorAndPresentationMode() {
        MainWindow window(MainWindow::Options{false});
        QVERIFY(openCt(window));
        ViewerPanel* viewer = window.readWorkspace()->viewer();
        const QString text = viewer->privacyText();
        QVERIFY2(text.startsWith("Identifiable (2 tag"), qPrintable(text));  // name and ID
        const QString details = privacyOf(*viewer->view()->image()).details();
        QVERIFY2(details.contains("patient name, patient ID."), qPrintable(details));
        // img2dcm writes Secondary Capture: pixels may carry burned-in text.
        QVERIFY2(text.contains("Burned-in"), qPrintable(text));
        viewer->presentationAction()->setChecked(true);
        QVERIFY(viewer->view()->presentationMode());
        QLabel* privacy = nullptr;
        for (QLabel* l : viewer->findChildren<QLabel*>())
            if (l->text() == text) privacy = l;
        QVERIFY(privacy);
        QVERIFY(!privacy->isVisible());
    }

    void multiFrameSlider() {
        // Three frames of 64 x 48: frame f holds the value 100 * f everywhere.
        std::vector<std::int16_t> stored;
        for (int f = 0; f < 3; ++f) stored.insert(stored.end(), std::size_t(W) * H, std::int16_t(100 * f));
        QVERIFY(
            dicomtest::makeDicom16(m_dir.path(), "mf.dcm", W, H, stored, 16, true, {"-i", "(0028,0008)=3"}));
        MainWindow window(MainWindow::Options{false});
        window.show();
        ViewerPanel* viewer = window.readWorkspace()->viewer();
        QSignalSpy shown(viewer, &ViewerPanel::imageShown);
        window.openPath(m_dir.filePath("mf.dcm"));
        QVERIFY(shown.wait(10000));
        QCOMPARE(viewer->count(), 3);
        QCOMPARE(viewer->frame(), 0);
        const Window kept{150, 100, "test"};
        viewer->view()->setWindow(kept);
        auto* slider = viewer->findChild<QSlider*>();
        QVERIFY(slider && slider->isEnabled());
        slider->setValue(2);
        QVERIFY(shown.wait(10000));
        QCOMPARE(viewer->frame(), 2);
        QCOMPARE(viewer->view()->image()->frame, 2);
        QCOMPARE(viewer->view()->image()->values.front(), 200.0f);
        QCOMPARE(viewer->view()->window().center, 150.0);  // scrolling keeps the reader's window
        QCOMPARE(greyAt(viewer->view()->displayImage(), 0, 0), expectedGrey(200, 150, 100));
    }

    void dropAndKeyboard() {
        MainWindow window(MainWindow::Options{false});
        window.show();
        ViewerPanel* viewer = window.readWorkspace()->viewer();
        QMimeData mime;
        mime.setUrls({QUrl::fromLocalFile(ct())});
        QDragEnterEvent enter(QPoint(10, 10), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        enter.ignore();
        QCoreApplication::sendEvent(&window, &enter);
        QVERIFY(enter.isAccepted());
        QSignalSpy shown(viewer, &ViewerPanel::imageShown);
        QDropEvent drop(QPointF(10, 10), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QCoreApplication::sendEvent(&window, &drop);
        QVERIFY(shown.wait(10000));
        QCOMPARE(viewer->currentPath(), QFileInfo(ct()).absoluteFilePath());
        // Viewer keys while the image has focus: I inverts, T hides the tag overlay.
        viewer->view()->setFocus();
        QTest::keyClick(viewer->view(), Qt::Key_I);
        QVERIFY(viewer->view()->inverted());
        QTest::keyClick(viewer->view(), Qt::Key_T);
        QVERIFY(!viewer->view()->overlayVisible());
    }

    void folderGivesSeriesList() {
        QTemporaryDir folder;
        const std::vector<std::uint8_t> px(32 * 32, 100);
        for (int s = 0; s < 2; ++s)
            for (int i = 0; i < 3; ++i) {
                const QString name = QString("s%1_%2.dcm").arg(s).arg(i);
                QVERIFY(dicomtest::makeDicom8(folder.path(), name, 32, 32, px));
                QVERIFY(dicomtest::runTool(
                    "dcmodify",
                    {"-nb", "-i", "(0020,000d)=1.2.3.4", "-i", QString("(0020,000e)=1.2.3.4.%1").arg(s + 1),
                     "-i", QString("(0020,0011)=%1").arg(s + 1), "-i", QString("(0020,0013)=%1").arg(i + 1),
                     "-i", QString("(0008,103e)=Series %1").arg(s + 1), folder.filePath(name)}));
                QFile::remove(folder.filePath(name + ".bak"));
            }
        QFile junk(folder.filePath("notes.txt"));
        QVERIFY(junk.open(QIODevice::WriteOnly));
        junk.write("not DICOM");
        junk.close();

        MainWindow window(MainWindow::Options{false});
        window.show();
        ReadWorkspace* read = window.readWorkspace();
        QSignalSpy scanned(read, &ReadWorkspace::folderScanned);
        QSignalSpy thumbs(read, &ReadWorkspace::thumbnailsDone);
        QSignalSpy shown(read->viewer(), &ViewerPanel::imageShown);
        window.openPath(folder.path());
        QVERIFY(scanned.wait(20000));
        QCOMPARE(scanned.front().front().toInt(), 2);
        SeriesListModel* model = read->seriesModel();
        QCOMPARE(model->rowCount(), 2);
        QVERIFY(model->data(model->index(0), Qt::DisplayRole).toString().startsWith("Series 1"));
        QCOMPARE(model->data(model->index(1), SeriesListModel::ImageCountRole).toInt(), 3);
        QVERIFY(thumbs.count() > 0 || thumbs.wait(20000));
        QVERIFY(model->hasThumbnail(0) && model->hasThumbnail(1));
        // The first series is shown: its middle image, with the slider over its three files.
        QVERIFY(shown.count() > 0 || shown.wait(10000));
        QCOMPARE(read->viewer()->count(), 3);
        QCOMPARE(read->viewer()->index(), 1);
        read->seriesList()->setCurrentIndex(model->index(1));
        QVERIFY(shown.wait(10000));
        QVERIFY(read->viewer()->currentPath().contains("s1_"));
        QVERIFY(window.jobsStatus().contains("No jobs"));
    }
};

STLLAVA_STUDIO_TEST_MAIN(TestStudioViewer)
#include "test_studio_viewer.moc"
