// Data parallel over torch.distributed: two processes over Gloo on 127.0.0.1 (batch 1 x
// accumulation 2 each) reach the same weights as one process with the same global batch (batch 1 x
// accumulation 4). The order of float additions differs (all-reduce vs local accumulation), so the
// weights agree within rtol 1e-4 / atol 1e-5 after 4 AdamW steps, not bit for bit.
// This executable is also the worker: with STLLAVA_DIST_WORKER set it trains and exits.
#include "safetensors/safetensors.h"
#include "training/checkpoint.h"
#include "training/distributed.h"
#include "training/trainer.h"
#include "fixtures/training_data.h"

#include <QCoreApplication>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <cstdlib>
#include <unistd.h>

using namespace stllava::training;

namespace {

// argv: tokenizer data output accum
int workerMain(int argc, char** argv) {
    if (argc < 5) return 2;
    try {
        const stllava::Tokenizer tok = stllava::Tokenizer::load(argv[1]);
        const InstructDataset data = loadInstructData(argv[2]);
        TrainConfig c = presetSft();
        c.output_dir = argv[3];
        c.grad_accum = std::atoi(argv[4]);
        c.batch_size = 1;
        c.epochs = 2;
        c.decoder = "full";
        c.vision = "frozen";
        c.sq_r = 0.5;
        c.max_length = 1024;
        c.warmup_ratio = 0.0;
        c.lr = {3e-3, 3e-3, 3e-3, 3e-3};
        c.group_by_length = false;  // mega-batches depend on the world size
        c.keep_last = 1;
        const DistEnv env = distEnvFromEnvironment();
        auto group = ProcessGroup::create(env, torch::kCPU, std::chrono::seconds(60));
        // Ranks start from different weights on purpose: the trainer broadcasts rank 0's.
        auto m = fixtures::tinyModel(tok.vocabSize(), false, 100 + static_cast<std::uint64_t>(env.rank));
        prepareModel(*m, c);
        Trainer t(m, tok, c, group.get());
        TrainControl control;
        const auto r = t.trainSft(data, control);
        std::printf("rank %d of %d (%s): %lld steps, loss %.6f\n", env.rank, env.world_size, group->backend(),
                    static_cast<long long>(r.steps), r.last_loss);
        return r.steps == 4 ? 0 : 1;
    } catch (const std::exception& e) {
        std::fprintf(stderr, "worker failed: %s\n", e.what());
        return 1;
    }
}

}  // namespace

class TestDistributed : public QObject {
    Q_OBJECT
    QTemporaryDir dir_;
    std::string d_, tok_;

    QProcess* start(const QStringList& args, int rank, int world, int port) {
        auto* p = new QProcess(this);
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert("STLLAVA_DIST_WORKER", "1");
        env.insert("RANK", QString::number(rank));
        env.insert("WORLD_SIZE", QString::number(world));
        env.insert("LOCAL_RANK", QString::number(rank));
        env.insert("MASTER_ADDR", "127.0.0.1");
        env.insert("MASTER_PORT", QString::number(port));
        env.insert("OMP_NUM_THREADS", "1");
        p->setProcessEnvironment(env);
        p->setProcessChannelMode(QProcess::MergedChannels);
        p->start(QCoreApplication::applicationFilePath(), args);
        return p;
    }
    void finish(QProcess* p) {
        QVERIFY(p->waitForFinished(120000));
        const QByteArray out = p->readAll();
        qInfo("%s", out.trimmed().constData());
        QCOMPARE(p->exitCode(), 0);
    }

private Q_SLOTS:
    void initTestCase() {
        QVERIFY(dir_.isValid());
        d_ = dir_.path().toStdString();
        tok_ = fixtures::trainTokenizer(d_);
        fixtures::writeJson(d_ + "/data.json", fixtures::instructItems(8, 2));
    }

    void environment() {
        ::setenv("SLURM_PROCID", "3", 1);
        ::setenv("SLURM_NTASKS", "8", 1);
        ::setenv("SLURM_LOCALID", "1", 1);
        ::setenv("MASTER_ADDR", "node07", 1);
        ::setenv("MASTER_PORT", "29511", 1);
        DistEnv e = distEnvFromEnvironment();
        QCOMPARE(e.rank, 3);
        QCOMPARE(e.world_size, 8);
        QCOMPARE(e.local_rank, 1);
        QCOMPARE(e.master_addr, std::string("node07"));
        QCOMPARE(e.master_port, 29511);
        ::setenv("RANK", "1", 1);  // torchrun's variables win over Slurm's
        ::setenv("WORLD_SIZE", "2", 1);
        e = distEnvFromEnvironment();
        QCOMPARE(e.rank, 1);
        QCOMPARE(e.world_size, 2);
        ::setenv("RANK", "2", 1);
        QVERIFY_THROWS_EXCEPTION(std::runtime_error, distEnvFromEnvironment());
        ::setenv("RANK", "x", 1);
        QVERIFY_THROWS_EXCEPTION(std::runtime_error, distEnvFromEnvironment());
        for (const char* v : {"RANK", "WORLD_SIZE", "SLURM_PROCID", "SLURM_NTASKS", "SLURM_LOCALID", "MASTER_ADDR", "MASTER_PORT"}) ::unsetenv(v);
        QCOMPARE(distEnvFromEnvironment().world_size, 1);
    }

    void twoProcessesMatchOne() {
        const int port = 20000 + static_cast<int>(::getpid() % 20000);
        const QString tok = QString::fromStdString(tok_), data = QString::fromStdString(d_ + "/data.json");
        const QString one = QString::fromStdString(d_ + "/one"), two = QString::fromStdString(d_ + "/two");
        QProcess* single = start({tok, data, one, "4"}, 0, 1, port);
        finish(single);
        QProcess* r0 = start({tok, data, two, "2"}, 0, 2, port + 1);
        QProcess* r1 = start({tok, data, two, "2"}, 1, 2, port + 1);
        finish(r0);
        finish(r1);
        const auto a = readCheckpoint(latestCheckpoint(one.toStdString()));
        const auto b = readCheckpoint(latestCheckpoint(two.toStdString()));
        QCOMPARE(a.state["step"].get<int>(), 4);
        QCOMPARE(b.state["step"].get<int>(), 4);
        QCOMPARE(b.state["world_size"].get<int>(), 2);
        QCOMPARE(a.trainable.size(), b.trainable.size());
        double worst = 0;
        for (std::size_t i = 0; i < a.trainable.size(); ++i) {
            QCOMPARE(a.trainable[i].first, b.trainable[i].first);
            worst = std::max(worst, (a.trainable[i].second - b.trainable[i].second).abs().max().item<double>());
            QVERIFY2(torch::allclose(a.trainable[i].second, b.trainable[i].second, 1e-4, 1e-5), a.trainable[i].first.c_str());
        }
        qInfo("largest weight difference 1 vs 2 processes: %g", worst);
        // Training moved the weights (the comparison is not vacuous).
        auto m = fixtures::tinyModel(stllava::Tokenizer::load(tok_).vocabSize(), false, 100);
        double moved = 0;
        for (const auto& item : m->named_parameters())
            for (const auto& [name, t] : a.trainable)
                if (name == item.key()) moved = std::max(moved, (t - item.value()).abs().max().item<double>());
        QVERIFY(moved > 1e-3);
    }
};

int main(int argc, char** argv) {
    if (std::getenv("STLLAVA_DIST_WORKER")) return workerMain(argc, argv);
    QCoreApplication app(argc, argv);
    TestDistributed t;
    return QTest::qExec(&t, argc, argv);
}
#include "test_distributed.moc"
