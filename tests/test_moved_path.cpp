// relocatedPath() (core/common/moved_path.h) on real folders: a path that still exists is kept;
// a moved folder is found under the anchor or a parent; the longest tail wins over a shorter one
// that also exists; a bare file name never matches; nothing found gives the recorded path back;
// relative records and folders (a model folder) work too.
#include "common/moved_path.h"

#include <QTemporaryDir>
#include <QtTest>

#include <filesystem>
#include <fstream>

using stllava::relocatedPath;
namespace fs = std::filesystem;

class TestMovedPath : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;

    std::string at(const std::string& rel) const { return (fs::path(m_dir.path().toStdString()) / rel).string(); }
    void touch(const std::string& rel) const {
        fs::create_directories(fs::path(at(rel)).parent_path());
        std::ofstream(at(rel)) << "x";
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void existingPathIsKept() {
        touch("here/a.png");
        QCOMPARE(relocatedPath(at("here/a.png"), at("elsewhere")), at("here/a.png"));
        QCOMPARE(relocatedPath("", at("here")), std::string());
        QCOMPARE(relocatedPath("/no/such/x/a.png", ""), std::string("/no/such/x/a.png"));
    }

    void movedFolderIsFoundUnderTheAnchorOrAParent() {
        touch("new/demo/world/pool/images/p1.png");
        fs::create_directories(at("new/demo/selftrain"));
        const std::string old = "/gone/old/demo/world/pool/images/p1.png";
        QCOMPARE(relocatedPath(old, at("new/demo")), at("new/demo/world/pool/images/p1.png"));
        QCOMPARE(relocatedPath(old, at("new/demo/selftrain"), 1), at("new/demo/world/pool/images/p1.png"));
        QCOMPARE(relocatedPath(old, at("new/demo/selftrain"), 0), old);  // no parent allowed
        fs::create_directories(at("new/demo/models/stage1"));               // a folder, not a file
        QCOMPARE(relocatedPath("/gone/old/demo/models/stage1", at("new/demo"), 0), at("new/demo/models/stage1"));
    }

    void longestTailWins() {
        touch("anchor/images/b.png");        // two parts match
        touch("anchor/world/images/b.png");  // three parts match: this one
        QCOMPARE(relocatedPath("/old/world/images/b.png", at("anchor")), at("anchor/world/images/b.png"));
    }

    void bareFileNameNeverMatches() {
        touch("lone/c.png");
        QCOMPARE(relocatedPath("/old/somewhere/c.png", at("lone")), std::string("/old/somewhere/c.png"));
        QCOMPARE(relocatedPath("/c.png", at("lone")), std::string("/c.png"));
    }

    void relativeRecordAndNothingFound() {
        touch("rel/base/sub/d.png");
        QCOMPARE(relocatedPath("sub/d.png", at("rel/base")), at("rel/base/sub/d.png"));
        QCOMPARE(relocatedPath("/old/x/y/z.png", at("rel")), std::string("/old/x/y/z.png"));
        QCOMPARE(relocatedPath("/old/../x/./y/z.png", at("rel")), std::string("/old/../x/./y/z.png"));
    }
};

QTEST_GUILESS_MAIN(TestMovedPath)
#include "test_moved_path.moc"
