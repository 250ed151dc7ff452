// StreamDecoder with a real sentencepiece model (BPE, byte fallback) trained here: the deltas are
// valid UTF-8 and add up to tokenizer.decode(ids) exactly, for English, CJK, emoji, leading spaces,
// control tokens and random id sequences (including broken byte sequences).
#include "generation/stop_matcher.h"
#include "generation/stream_decoder.h"

#include <torch/torch.h>

#include "fixtures/tiny_tokenizer.h"

#include <QTemporaryDir>
#include <QTest>

#include <fstream>
#include <random>

using stllava::StreamDecoder;
using stllava::Tokenizer;

namespace {

// Strict UTF-8 check: no overlong forms, no surrogates, nothing above U+10FFFF, nothing cut off.
bool validUtf8(const std::string& s) {
    std::size_t i = 0;
    while (i < s.size()) {
        const auto c = static_cast<unsigned char>(s[i]);
        int n = 0;
        std::uint32_t cp = 0;
        if (c < 0x80) {
            ++i;
            continue;
        }
        if (c >= 0xC2 && c <= 0xDF) {
            n = 1;
            cp = c & 0x1F;
        } else if (c >= 0xE0 && c <= 0xEF) {
            n = 2;
            cp = c & 0x0F;
        } else if (c >= 0xF0 && c <= 0xF4) {
            n = 3;
            cp = c & 0x07;
        } else
            return false;
        if (i + n >= s.size()) return false;
        for (int k = 1; k <= n; ++k) {
            const auto d = static_cast<unsigned char>(s[i + k]);
            if ((d & 0xC0) != 0x80) return false;
            cp = (cp << 6) | (d & 0x3F);
        }
        if ((n == 2 && cp < 0x800) || (n == 3 && cp < 0x10000) || cp > 0x10FFFF ||
            (cp >= 0xD800 && cp <= 0xDFFF))
            return false;
        i += n + 1;
    }
    return true;
}

struct Streamed {
    std::vector<std::string> deltas;
    std::string text;
};

Streamed stream(const Tokenizer& tok, const std::vector<std::int32_t>& ids) {
    StreamDecoder dec(tok);
    Streamed out;
    for (auto id : ids) out.deltas.push_back(dec.push(id));
    out.deltas.push_back(dec.flush());
    for (const auto& d : out.deltas) out.text += d;
    return out;
}

}  // namespace

class TestStreamDecoder : public QObject {
    Q_OBJECT

    QTemporaryDir dir_;
    std::string model_path_;

    // Equality with decode() and valid UTF-8 for every delta, with a message naming the ids.
    static QString check(const Tokenizer& tok, const std::vector<std::int32_t>& ids) {
        const Streamed s = stream(tok, ids);
        const std::string want = tok.decode(ids);
        QString id_list;
        for (auto id : ids) id_list += QString::number(id) + " ";
        for (std::size_t i = 0; i < s.deltas.size(); ++i)
            if (!validUtf8(s.deltas[i]))
                return QString("delta %1 is not valid UTF-8; ids %2").arg(i).arg(id_list);
        if (s.text != want)
            return QString("streamed '%1' != decode '%2'; ids %3")
                .arg(QString::fromStdString(s.text), QString::fromStdString(want), id_list);
        return {};
    }

private Q_SLOTS:
    void initTestCase() {
        QVERIFY(dir_.isValid());
        // Chinese pieces in the vocabulary: multi-byte pieces stream whole, never half a character.
        model_path_ = stllava::testing::trainTinyTokenizer(dir_.path().toStdString(), 420,
                                                           {"胸部X线片显示心肺无异常。肝脏可见病变。"});
    }

    void utf8CheckerWorks() {
        QVERIFY(validUtf8("abc 肺 🫁 ж"));
        QVERIFY(!validUtf8("\xE8\x82"));      // cut off
        QVERIFY(!validUtf8("\xC0\xAF"));      // overlong
        QVERIFY(!validUtf8("\xED\xA0\x80"));  // surrogate
        QVERIFY(!validUtf8("\x80"));
    }

    void texts_data() {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("bos");
        QTest::newRow("english") << "The chest X-ray shows no acute abnormality." << false;
        QTest::newRow("english with bos") << "The image shows the brain." << true;
        QTest::newRow("leading and double spaces") << "  two  spaces\tand a tab  " << false;
        QTest::newRow("CJK known") << "胸部X线片显示心肺无异常。" << false;
        QTest::newRow("CJK byte fallback") << "肺部 CT 显示结节，疑似恶性肿瘤" << true;
        QTest::newRow("emoji") << "🫁 lungs 👍🏽 ok 🧠" << false;
        QTest::newRow("emoji only") << "🫁🫁" << false;
        QTest::newRow("cyrillic and accents") << "рентген: Lungenödem, café" << false;
        QTest::newRow("image tag and newlines") << "<image>\nWhat is shown?\n\nA liver." << false;
        QTest::newRow("single space") << " " << false;
    }
    void texts() {
        QFETCH(QString, text);
        QFETCH(bool, bos);
        const Tokenizer tok = Tokenizer::load(model_path_);
        const std::string s = text.toStdString();
        const auto ids = tok.encode(s, bos);
        const QString err = check(tok, ids);
        QVERIFY2(err.isEmpty(), qPrintable(err));
        QCOMPARE(stream(tok, ids).text, s);  // and decode round-trips these texts
        // With eos appended (as generation ends) nothing changes.
        auto with_eos = ids;
        with_eos.push_back(tok.eosId());
        QCOMPARE(stream(tok, with_eos).text, s);
    }

    void multiByteCharacterHeldUntilComplete() {
        const Tokenizer tok = Tokenizer::load(model_path_);
        const auto ids = tok.encode("The🫁");
        std::size_t bytes = 0;
        for (auto id : ids) bytes += tok.pieceKind(id) == Tokenizer::PieceKind::Byte;
        QCOMPARE(bytes, std::size_t{4});  // the emoji is absent from the vocabulary
        StreamDecoder dec(tok);
        std::vector<std::string> deltas;
        for (auto id : ids) deltas.push_back(dec.push(id));
        QCOMPARE(deltas.back(), std::string("🫁"));
        for (std::size_t i = deltas.size() - 4; i + 1 < deltas.size(); ++i)
            QCOMPARE(deltas[i], std::string());
        QCOMPARE(dec.flush(), std::string());
        QCOMPARE(dec.text(), std::string("The🫁"));
    }

    void unfinishedBytesAtTheEnd() {
        // A stream that stops inside a character: flush gives what decode gives (U+FFFD).
        const Tokenizer tok = Tokenizer::load(model_path_);
        std::vector<std::int32_t> ids = tok.encode("ok");
        ids.push_back(tok.pieceToId("<0xF0>"));
        ids.push_back(tok.pieceToId("<0x9F>"));
        StreamDecoder dec(tok);
        std::string all;
        for (auto id : ids) all += dec.push(id);
        QCOMPARE(all, std::string("ok"));  // the two bytes are held
        all += dec.flush();
        QCOMPARE(all, tok.decode(ids));
        QVERIFY(validUtf8(all));
    }

    void leadingSpaceAndControlPieces() {
        const Tokenizer tok = Tokenizer::load(model_path_);
        const std::int32_t space = tok.pieceToId("▁");
        const std::int32_t the = tok.pieceToId("▁The");
        QVERIFY(the != tok.unkId());
        std::vector<std::vector<std::int32_t>> cases = {
            {the, the},
            {tok.bosId(), the, the},
            {tok.bosId(), tok.bosId(), the},
            {tok.eosId(), the, tok.bosId(), the},
            {tok.pieceToId("<0x41>"), the},
            {tok.pieceToId("<0xE8>"), the, the},  // a broken byte first
        };
        if (space != tok.unkId()) {
            cases.push_back({space, the});
            cases.push_back({space, space, the});
            cases.push_back({tok.bosId(), space, the, space});
        }
        for (const auto& ids : cases) {
            const QString err = check(tok, ids);
            QVERIFY2(err.isEmpty(), qPrintable(err));
        }
    }

    void randomIdSequences() {
        // Random ids, half of them byte pieces (so characters are cut, mixed and broken), some
        // control and user-defined pieces.
        const Tokenizer tok = Tokenizer::load(model_path_);
        std::vector<std::int32_t> bytes, others;
        for (std::int32_t id = 0; id < tok.vocabSize(); ++id)
            (tok.pieceKind(id) == Tokenizer::PieceKind::Byte ? bytes : others).push_back(id);
        QCOMPARE(bytes.size(), std::size_t{256});
        // Valid multi-byte characters spelled as byte pieces, to make complete ones likely too.
        const std::string chars = "肺ж🫁é";
        std::mt19937 rng(99);
        for (int trial = 0; trial < 400; ++trial) {
            std::vector<std::int32_t> ids;
            const int len = 1 + static_cast<int>(rng() % 30);
            while (static_cast<int>(ids.size()) < len) {
                const unsigned r = rng() % 10;
                if (r < 4) {
                    ids.push_back(others[rng() % others.size()]);
                } else if (r < 7) {
                    ids.push_back(bytes[rng() % bytes.size()]);
                } else {
                    const std::size_t start = rng() % chars.size();
                    char name[8];
                    std::snprintf(name, sizeof name, "<0x%02X>", static_cast<unsigned char>(chars[start]));
                    ids.push_back(tok.pieceToId(name));
                }
            }
            const QString err = check(tok, ids);
            QVERIFY2(err.isEmpty(), qPrintable(err));
        }
    }

    void longText() {
        const Tokenizer tok = Tokenizer::load(model_path_);
        std::string s;
        for (int i = 0; i < 200; ++i)
            s += "The liver 肝脏 shows a lesion 🫁 of " + std::to_string(i) + " mm. ";
        const auto ids = tok.encode(s, true);
        QVERIFY(ids.size() > 3000);
        StreamDecoder dec(tok);
        std::string all;
        std::size_t longest_window = 0;
        for (auto id : ids) {
            const std::string d = dec.push(id);
            QVERIFY(validUtf8(d));
            all += d;
            longest_window = std::max(longest_window, dec.windowLength());
        }
        // Each step decodes a few ids, not the whole sequence (here at most the 4 bytes of the emoji).
        QVERIFY2(longest_window <= 4, qPrintable(QString::number(longest_window)));
        all += dec.flush();
        QCOMPARE(all, s);
        QCOMPARE(dec.text(), s);
        dec.reset();
        QCOMPARE(dec.text(), std::string());
        QCOMPARE(dec.push(ids[1]), tok.decode(&ids[1], 1));
    }

    void withStopStrings() {
        // Decoder and StopMatcher together, as the generation loop uses them: "</s>" typed as text
        // (several normal pieces, not the eos token) stops the stream; the text before it is kept.
        const Tokenizer tok = Tokenizer::load(model_path_);
        const auto ids = tok.encode("Is there an effusion?</s>VUSER: What is 肺?");
        StreamDecoder dec(tok);
        stllava::StopMatcher stop({"</s>", "VUSER:"}, tok.eosId());
        std::string out;
        std::size_t used = 0;
        bool stopped = false;
        for (auto id : ids) {
            ++used;
            const auto step = stop.push(id, dec.push(id));
            QVERIFY(validUtf8(step.text));
            out += step.text;
            if ((stopped = step.stopped)) break;
        }
        QVERIFY(stopped);
        QCOMPARE(out, std::string("Is there an effusion?"));
        QVERIFY(used < ids.size());  // stopped at the piece that completed "</s>"
        QVERIFY(tok.decode(std::vector<std::int32_t>(ids.begin(), ids.begin() + used)).find("</s>") !=
                std::string::npos);

        // The eos token ends a stream too, and a CJK character cut into bytes is never split.
        std::vector<std::int32_t> ids2 = tok.encode("肺 ok");
        ids2.push_back(tok.eosId());
        StreamDecoder dec2(tok);
        stllava::StopMatcher stop2({"ok?"}, tok.eosId());
        std::string out2;
        for (auto id : ids2) {
            const auto step = stop2.push(id, dec2.push(id));
            QVERIFY(validUtf8(step.text));
            out2 += step.text;
            if (step.stopped) {
                QVERIFY(step.reason == stllava::GenerationResult::StopReason::Eos);
                break;
            }
        }
        QCOMPARE(out2, std::string("肺 ok"));
    }

    void invalidIdLeavesDecoderUnchanged() {
        const Tokenizer tok = Tokenizer::load(model_path_);
        StreamDecoder dec(tok);
        const auto ids = tok.encode("The liver");
        for (auto id : ids) dec.push(id);
        QVERIFY_THROWS_EXCEPTION(std::runtime_error, dec.push(100000));
        QCOMPARE(dec.ids().size(), ids.size());
        const auto more = tok.encode(" is normal");
        std::string tail;
        for (auto id : more) tail += dec.push(id);
        auto all = ids;
        all.insert(all.end(), more.begin(), more.end());
        dec.flush();
        QCOMPARE(dec.text(), tok.decode(all));
    }
};

QTEST_GUILESS_MAIN(TestStreamDecoder)
#include "test_stream_decoder.moc"
