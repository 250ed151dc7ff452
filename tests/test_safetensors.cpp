// safetensors reader/writer: bit-exact round trips, dtype conversion, a file built byte by byte,
// sharded checkpoints, and malformed files that must give errors naming file and tensor.
#include "safetensors/safetensors.h"

#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <cstring>
#include <fstream>
#include <functional>
#include <limits>
#include <random>

namespace st = stllava::st;

namespace {

std::string le64(std::uint64_t v) {
    std::string s(8, '\0');
    for (int i = 0; i < 8; ++i) s[i] = static_cast<char>((v >> (8 * i)) & 0xFF);
    return s;
}

// A safetensors file as bytes: length prefix (or a claimed one), header text, data.
std::string fileBytes(const std::string& header, const std::string& data, std::optional<std::uint64_t> claimed = std::nullopt) {
    return le64(claimed ? *claimed : header.size()) + header + data;
}

template <typename T>
std::string raw(std::initializer_list<T> values) {
    std::string s;
    for (T v : values) s.append(reinterpret_cast<const char*>(&v), sizeof(T));
    return s;
}

void writeBytes(const std::string& path, const std::string& bytes) {
    std::ofstream out(path, std::ios::binary);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
}

std::string readBytes(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
}

// The message of the std::runtime_error that `fn` throws, or "<no exception>".
std::string errorOf(const std::function<void()>& fn) {
    try {
        fn();
    } catch (const std::runtime_error& e) {
        return e.what();
    }
    return "<no exception>";
}
bool contains(const std::string& s, const std::string& part) { return s.find(part) != std::string::npos; }

bool sameBytes(const torch::Tensor& a, const torch::Tensor& b) {
    if (a.scalar_type() != b.scalar_type() || a.sizes() != b.sizes()) return false;
    if (a.numel() == 0) return true;  // empty tensors have no data pointer to compare
    const auto ca = a.contiguous(), cb = b.contiguous();
    return std::memcmp(ca.data_ptr(), cb.data_ptr(), static_cast<std::size_t>(ca.numel() * ca.element_size())) == 0;
}

// samples/overall.safetensors from the reference implementation's repository (huggingface/
// safetensors, commit bd71d43, public domain / Unlicense): written by the reference Python writer
// from np.array(range(-3, 3)) in each dtype, metadata {"test": "a"}, header not padded.
const char kReferenceSample[] =
    "\x0e\x02\x00\x00\x00\x00\x00\x00\x7b\x22\x5f\x5f\x6d\x65\x74\x61\x64\x61\x74\x61\x5f\x5f\x22\x3a"
    "\x7b\x22\x74\x65\x73\x74\x22\x3a\x22\x61\x22\x7d\x2c\x22\x42\x22\x3a\x7b\x22\x64\x74\x79\x70\x65"
    "\x22\x3a\x22\x55\x38\x22\x2c\x22\x73\x68\x61\x70\x65\x22\x3a\x5b\x36\x5d\x2c\x22\x64\x61\x74\x61"
    "\x5f\x6f\x66\x66\x73\x65\x74\x73\x22\x3a\x5b\x30\x2c\x36\x5d\x7d\x2c\x22\x48\x22\x3a\x7b\x22\x64"
    "\x74\x79\x70\x65\x22\x3a\x22\x55\x31\x36\x22\x2c\x22\x73\x68\x61\x70\x65\x22\x3a\x5b\x36\x5d\x2c"
    "\x22\x64\x61\x74\x61\x5f\x6f\x66\x66\x73\x65\x74\x73\x22\x3a\x5b\x36\x2c\x31\x38\x5d\x7d\x2c\x22"
    "\x49\x22\x3a\x7b\x22\x64\x74\x79\x70\x65\x22\x3a\x22\x55\x33\x32\x22\x2c\x22\x73\x68\x61\x70\x65"
    "\x22\x3a\x5b\x36\x5d\x2c\x22\x64\x61\x74\x61\x5f\x6f\x66\x66\x73\x65\x74\x73\x22\x3a\x5b\x31\x38"
    "\x2c\x34\x32\x5d\x7d\x2c\x22\x62\x22\x3a\x7b\x22\x64\x74\x79\x70\x65\x22\x3a\x22\x49\x38\x22\x2c"
    "\x22\x73\x68\x61\x70\x65\x22\x3a\x5b\x36\x5d\x2c\x22\x64\x61\x74\x61\x5f\x6f\x66\x66\x73\x65\x74"
    "\x73\x22\x3a\x5b\x34\x32\x2c\x34\x38\x5d\x7d\x2c\x22\x64\x22\x3a\x7b\x22\x64\x74\x79\x70\x65\x22"
    "\x3a\x22\x46\x36\x34\x22\x2c\x22\x73\x68\x61\x70\x65\x22\x3a\x5b\x36\x5d\x2c\x22\x64\x61\x74\x61"
    "\x5f\x6f\x66\x66\x73\x65\x74\x73\x22\x3a\x5b\x34\x38\x2c\x39\x36\x5d\x7d\x2c\x22\x65\x22\x3a\x7b"
    "\x22\x64\x74\x79\x70\x65\x22\x3a\x22\x46\x31\x36\x22\x2c\x22\x73\x68\x61\x70\x65\x22\x3a\x5b\x36"
    "\x5d\x2c\x22\x64\x61\x74\x61\x5f\x6f\x66\x66\x73\x65\x74\x73\x22\x3a\x5b\x39\x36\x2c\x31\x30\x38"
    "\x5d\x7d\x2c\x22\x66\x22\x3a\x7b\x22\x64\x74\x79\x70\x65\x22\x3a\x22\x46\x33\x32\x22\x2c\x22\x73"
    "\x68\x61\x70\x65\x22\x3a\x5b\x36\x5d\x2c\x22\x64\x61\x74\x61\x5f\x6f\x66\x66\x73\x65\x74\x73\x22"
    "\x3a\x5b\x31\x30\x38\x2c\x31\x33\x32\x5d\x7d\x2c\x22\x68\x22\x3a\x7b\x22\x64\x74\x79\x70\x65\x22"
    "\x3a\x22\x49\x31\x36\x22\x2c\x22\x73\x68\x61\x70\x65\x22\x3a\x5b\x36\x5d\x2c\x22\x64\x61\x74\x61"
    "\x5f\x6f\x66\x66\x73\x65\x74\x73\x22\x3a\x5b\x31\x33\x32\x2c\x31\x34\x34\x5d\x7d\x2c\x22\x69\x22"
    "\x3a\x7b\x22\x64\x74\x79\x70\x65\x22\x3a\x22\x49\x33\x32\x22\x2c\x22\x73\x68\x61\x70\x65\x22\x3a"
    "\x5b\x36\x5d\x2c\x22\x64\x61\x74\x61\x5f\x6f\x66\x66\x73\x65\x74\x73\x22\x3a\x5b\x31\x34\x34\x2c"
    "\x31\x36\x38\x5d\x7d\x7d\xfd\xfe\xff\x00\x01\x02\xfd\xff\xfe\xff\xff\xff\x00\x00\x01\x00\x02\x00"
    "\xfd\xff\xff\xff\xfe\xff\xff\xff\xff\xff\xff\xff\x00\x00\x00\x00\x01\x00\x00\x00\x02\x00\x00\x00"
    "\xfd\xfe\xff\x00\x01\x02\x00\x00\x00\x00\x00\x00\x08\xc0\x00\x00\x00\x00\x00\x00\x00\xc0\x00\x00"
    "\x00\x00\x00\x00\xf0\xbf\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\xf0\x3f\x00\x00"
    "\x00\x00\x00\x00\x00\x40\x00\xc2\x00\xc0\x00\xbc\x00\x00\x00\x3c\x00\x40\x00\x00\x40\xc0\x00\x00"
    "\x00\xc0\x00\x00\x80\xbf\x00\x00\x00\x00\x00\x00\x80\x3f\x00\x00\x00\x40\xfd\xff\xfe\xff\xff\xff"
    "\x00\x00\x01\x00\x02\x00\xfd\xff\xff\xff\xfe\xff\xff\xff\xff\xff\xff\xff\x00\x00\x00\x00\x01\x00"
    "\x00\x00\x02\x00\x00\x00";

}  // namespace

class TestSafetensors : public QObject {
    Q_OBJECT
    QTemporaryDir dir_;
    std::string path(const char* name) const { return dir_.filePath(name).toStdString(); }

private Q_SLOTS:
    void initTestCase() { QVERIFY(dir_.isValid()); }

    void roundTripBitExact_data() {
        QTest::addColumn<int>("dtype");
        QTest::addColumn<QString>("name");
        QTest::newRow("bool") << int(torch::kBool) << "BOOL";
        QTest::newRow("uint8") << int(torch::kUInt8) << "U8";
        QTest::newRow("int8") << int(torch::kInt8) << "I8";
        QTest::newRow("int16") << int(torch::kInt16) << "I16";
        QTest::newRow("int32") << int(torch::kInt32) << "I32";
        QTest::newRow("int64") << int(torch::kInt64) << "I64";
        QTest::newRow("float16") << int(torch::kFloat16) << "F16";
        QTest::newRow("bfloat16") << int(torch::kBFloat16) << "BF16";
        QTest::newRow("float32") << int(torch::kFloat32) << "F32";
        QTest::newRow("float64") << int(torch::kFloat64) << "F64";
        QTest::newRow("complex64") << int(torch::kComplexFloat) << "C64";
    }
    void roundTripBitExact() {
        QFETCH(int, dtype);
        QFETCH(QString, name);
        const auto type = static_cast<torch::Dtype>(dtype);
        torch::manual_seed(7);
        torch::Tensor a;
        if (type == torch::kBool) {
            a = torch::rand({3, 5}) > 0.5;
        } else if (torch::isFloatingType(type)) {
            a = (torch::randn({3, 5}) * 100).to(type);
            a.view(-1)[0] = std::numeric_limits<float>::quiet_NaN();
            a.view(-1)[1] = -std::numeric_limits<float>::infinity();
            a.view(-1)[2] = -0.0;
        } else {
            a = torch::randint(-100, 100, {3, 5}).to(type);
            if (type == torch::kInt64) a.view(-1)[0] = std::numeric_limits<std::int64_t>::min();
        }
        const auto scalar = torch::tensor(42).to(type == torch::kBool ? torch::kBool : type);  // 0-d
        const auto empty = torch::empty({0, 4}, torch::TensorOptions().dtype(type));
        const auto strided = a.t();  // not contiguous: the writer makes a contiguous copy
        const std::string file = path("rt.safetensors");
        st::save(file, {{"a", a}, {"scalar", scalar}, {"empty", empty}, {"strided", strided}}, {{"format", "pt"}});

        QCOMPARE(st::safetensorsDtypeName(type), name.toStdString());
        const auto f = st::File::open(file);
        QCOMPARE(f->tensors().size(), std::size_t(4));
        QCOMPARE(f->find("a")->dtype, name.toStdString());
        QCOMPARE(f->metadata().at("format"), std::string("pt"));
        QVERIFY(sameBytes(f->load("a"), a));
        QVERIFY(sameBytes(f->load("scalar"), scalar));
        QCOMPARE(f->load("scalar").dim(), 0);
        QVERIFY(sameBytes(f->load("empty"), empty));
        QVERIFY(sameBytes(f->load("strided"), strided.contiguous()));
    }

    void headerIsPaddedWithSpaces() {
        const std::string file = path("pad.safetensors");
        st::save(file, {{"x", torch::ones({3}, torch::kInt8)}});
        const std::string bytes = readBytes(file);
        std::uint64_t n = 0;
        for (int i = 7; i >= 0; --i) n = (n << 8) | static_cast<unsigned char>(bytes[i]);
        QCOMPARE(n % 8, std::uint64_t(0));
        QCOMPARE(bytes.size(), std::size_t(8 + n + 3));
        const std::string header = bytes.substr(8, n);
        QVERIFY(header.find('}') != std::string::npos);
        for (std::size_t i = header.find_last_of('}') + 1; i < header.size(); ++i) QCOMPARE(header[i], ' ');
    }

    void conversionOnLoad() {
        // BF16 and F16 bit patterns with exact float values.
        const std::string data = raw<std::uint16_t>({0x3FC0, 0xC010, 0x4049}) +  // bf16 1.5, -2.25, 3.140625
                                 raw<std::uint16_t>({0x3555, 0x7BFF, 0x0001});   // f16 0.333251953125, 65504, 2^-24
        const std::string header =
            R"({"b":{"dtype":"BF16","shape":[3],"data_offsets":[0,6]},"h":{"dtype":"F16","shape":[3],"data_offsets":[6,12]}})";
        const std::string file = path("conv.safetensors");
        writeBytes(file, fileBytes(header, data));
        const auto f = st::File::open(file);
        const auto b = f->load("b", torch::kFloat32);
        QCOMPARE(b.scalar_type(), torch::kFloat32);
        QCOMPARE(b[0].item<float>(), 1.5f);
        QCOMPARE(b[1].item<float>(), -2.25f);
        QCOMPARE(b[2].item<float>(), 3.140625f);
        const auto h = f->load("h", torch::kFloat32);
        QCOMPARE(h[0].item<float>(), 0.333251953125f);
        QCOMPARE(h[1].item<float>(), 65504.0f);
        QCOMPARE(h[2].item<float>(), std::ldexp(1.0f, -24));
        QCOMPARE(f->load("b").scalar_type(), torch::kBFloat16);  // no conversion asked: stored dtype
        QCOMPARE(f->load("h", torch::kFloat64)[1].item<double>(), 65504.0);
    }

    void handWrittenFileEveryDtype() {
        // Data section laid out by hand, header keys deliberately not in offset order.
        std::string data;
        auto add = [&](const std::string& bytes) {
            const auto begin = data.size();
            data += bytes;
            return std::to_string(begin) + "," + std::to_string(data.size());
        };
        const std::string f32 = add(raw<float>({1.0f, -2.5f, 1e-3f, 7.0f}));
        const std::string i64 = add(raw<std::int64_t>({-9000000000LL, 3}));
        const std::string u16 = add(raw<std::uint16_t>({65535, 1}));
        const std::string u32 = add(raw<std::uint32_t>({4294967295u}));
        const std::string u64 = add(raw<std::uint64_t>({9223372036854775807ull}));
        const std::string boo = add(std::string("\x00\x01\x02", 3));
        const std::string e4m3 = add(std::string("\x38\x40\xB8\x7E\x01\x7F", 6));
        const std::string e5m2 = add(std::string("\x3C\x7C\x01\xC0", 4));
        const std::string i8 = add(std::string("\xFF\x7F", 2));
        const std::string f64 = add(raw<double>({0.1}));
        const std::string fnuz = add(std::string("\x40\x80\xC0\x01", 4));  // E4M3FNUZ 1, NaN, -1, 2^-10
        const std::string e5fnuz = add(std::string("\x40\x80", 2));       // E5M2FNUZ 1, NaN
        const std::string e8m0 = add(std::string("\x7F\x80\x00\xFF", 4));  // 1, 2, 2^-127, NaN
        const std::string header = "{\"__metadata__\":{\"format\":\"pt\",\"note\":\"hand\"},"
                                   "\"u64\":{\"dtype\":\"U64\",\"shape\":[1],\"data_offsets\":[" + u64 + "]},"
                                   "\"f32\":{\"dtype\":\"F32\",\"shape\":[2,2],\"data_offsets\":[" + f32 + "]},"
                                   "\"i64\":{\"dtype\":\"I64\",\"shape\":[2],\"data_offsets\":[" + i64 + "]},"
                                   "\"u16\":{\"dtype\":\"U16\",\"shape\":[2],\"data_offsets\":[" + u16 + "]},"
                                   "\"u32\":{\"dtype\":\"U32\",\"shape\":[],\"data_offsets\":[" + u32 + "]},"
                                   "\"bool\":{\"dtype\":\"BOOL\",\"shape\":[3],\"data_offsets\":[" + boo + "]},"
                                   "\"e4m3\":{\"dtype\":\"F8_E4M3\",\"shape\":[6],\"data_offsets\":[" + e4m3 + "]},"
                                   "\"e5m2\":{\"dtype\":\"F8_E5M2\",\"shape\":[2,2],\"data_offsets\":[" + e5m2 + "]},"
                                   "\"i8\":{\"dtype\":\"I8\",\"shape\":[2],\"data_offsets\":[" + i8 + "]},"
                                   "\"f64\":{\"dtype\":\"F64\",\"shape\":[1,1],\"data_offsets\":[" + f64 + "]},"
                                   "\"fnuz\":{\"dtype\":\"F8_E4M3FNUZ\",\"shape\":[4],\"data_offsets\":[" + fnuz + "]},"
                                   "\"e5fnuz\":{\"dtype\":\"F8_E5M2FNUZ\",\"shape\":[2],\"data_offsets\":[" + e5fnuz + "]},"
                                   "\"e8m0\":{\"dtype\":\"F8_E8M0\",\"shape\":[4],\"data_offsets\":[" + e8m0 + "]}}";
        const std::string file = path("hand.safetensors");
        writeBytes(file, fileBytes(header, data));

        const auto f = st::File::open(file);
        QCOMPARE(f->tensors().size(), std::size_t(13));
        QCOMPARE(f->tensors().front().name, std::string("f32"));  // data-offset order
        QCOMPARE(f->metadata().at("note"), std::string("hand"));
        const auto a = f->load("f32");
        QCOMPARE(a.sizes().vec(), (std::vector<std::int64_t>{2, 2}));
        QCOMPARE(a[0][1].item<float>(), -2.5f);
        QCOMPARE(a[1][0].item<float>(), 1e-3f);
        QCOMPARE(f->load("i64")[0].item<std::int64_t>(), -9000000000LL);
        QCOMPARE(f->load("u16").scalar_type(), torch::kInt32);
        QCOMPARE(f->load("u16")[0].item<std::int32_t>(), 65535);
        QCOMPARE(f->load("u32").scalar_type(), torch::kInt64);
        QCOMPARE(f->load("u32").dim(), 0);
        QCOMPARE(f->load("u32").item<std::int64_t>(), 4294967295LL);
        QCOMPARE(f->load("u64")[0].item<std::int64_t>(), std::numeric_limits<std::int64_t>::max());
        const auto bo = f->load("bool");
        QCOMPARE(bo.scalar_type(), torch::kBool);
        QCOMPARE(bo[0].item<bool>(), false);
        QCOMPARE(bo[1].item<bool>(), true);
        QCOMPARE(bo[2].item<bool>(), true);  // any non-zero byte is true
        const auto e4 = f->load("e4m3");
        QCOMPARE(e4.scalar_type(), torch::kFloat32);
        QCOMPARE(e4[0].item<float>(), 1.0f);
        QCOMPARE(e4[1].item<float>(), 2.0f);
        QCOMPARE(e4[2].item<float>(), -1.0f);
        QCOMPARE(e4[3].item<float>(), 448.0f);  // largest E4M3 value
        QCOMPARE(e4[4].item<float>(), std::ldexp(1.0f, -9));  // smallest subnormal
        QVERIFY(std::isnan(e4[5].item<float>()));
        const auto e5 = f->load("e5m2").view(-1);
        QCOMPARE(e5[0].item<float>(), 1.0f);
        QVERIFY(std::isinf(e5[1].item<float>()));
        QCOMPARE(e5[2].item<float>(), std::ldexp(1.0f, -16));
        QCOMPARE(e5[3].item<float>(), -2.0f);
        QCOMPARE(f->load("i8")[0].item<std::int8_t>(), std::int8_t(-1));
        QCOMPARE(f->load("f64")[0][0].item<double>(), 0.1);
        QCOMPARE(f->load("f64", torch::kFloat32).scalar_type(), torch::kFloat32);
        const auto fz = f->load("fnuz");
        QCOMPARE(fz[0].item<float>(), 1.0f);
        QVERIFY(std::isnan(fz[1].item<float>()));
        QCOMPARE(fz[2].item<float>(), -1.0f);
        QCOMPARE(fz[3].item<float>(), std::ldexp(1.0f, -10));
        QCOMPARE(f->load("e5fnuz")[0].item<float>(), 1.0f);
        QVERIFY(std::isnan(f->load("e5fnuz")[1].item<float>()));
        const auto e8 = f->load("e8m0");
        QCOMPARE(e8[0].item<float>(), 1.0f);
        QCOMPARE(e8[1].item<float>(), 2.0f);
        QCOMPARE(e8[2].item<float>(), std::ldexp(1.0f, -127));
        QVERIFY(std::isnan(e8[3].item<float>()));

        QCOMPARE(st::torchDtypeFor("U16"), torch::kInt32);
        QCOMPARE(st::torchDtypeFor("F8_E5M2"), torch::kFloat32);
        QCOMPARE(st::safetensorsDtypeSize("BF16"), std::size_t(2));
        QVERIFY_THROWS_EXCEPTION(std::runtime_error, st::torchDtypeFor("F4"));
    }

    void u64AboveInt64IsAnError() {
        const std::string file = path("u64big.safetensors");
        writeBytes(file, fileBytes(R"({"big":{"dtype":"U64","shape":[1],"data_offsets":[0,8]}})",
                                   raw<std::uint64_t>({18446744073709551615ull})));
        const auto f = st::File::open(file);
        const std::string msg = errorOf([&] { f->load("big"); });
        QVERIFY2(contains(msg, file) && contains(msg, "'big'") && contains(msg, "does not fit int64"), msg.c_str());
        QVERIFY_THROWS_EXCEPTION(std::runtime_error, f->load("absent"));
    }

    void referenceWrittenFile() {
        const std::string file = path("overall.safetensors");
        writeBytes(file, std::string(kReferenceSample, sizeof(kReferenceSample) - 1));
        const auto f = st::File::open(file);
        QCOMPARE(f->tensors().size(), std::size_t(9));
        QCOMPARE(f->metadata().at("test"), std::string("a"));
        const auto values = [&](const char* name) {
            const auto t = f->load(name, torch::kFloat64);
            return std::vector<double>(t.data_ptr<double>(), t.data_ptr<double>() + t.numel());
        };
        const std::vector<double> signed_values = {-3, -2, -1, 0, 1, 2};
        for (const char* name : {"b", "h", "i", "e", "f", "d"}) QCOMPARE(values(name), signed_values);
        QCOMPARE(values("B"), (std::vector<double>{253, 254, 255, 0, 1, 2}));
        QCOMPARE(values("H"), (std::vector<double>{65533, 65534, 65535, 0, 1, 2}));
        QCOMPARE(values("I"), (std::vector<double>{4294967293.0, 4294967294.0, 4294967295.0, 0, 1, 2}));
        QCOMPARE(f->find("e")->dtype, std::string("F16"));
        QCOMPARE(f->load("I").scalar_type(), torch::kInt64);
    }

    void shardedCheckpoint() {
        const std::string folder = path("sharded");
        std::vector<std::pair<std::string, torch::Tensor>> tensors;
        for (int i = 0; i < 5; ++i) tensors.emplace_back("layer." + std::to_string(i) + ".weight", torch::randn({8, 8}));  // 256 B each
        tensors.emplace_back("ids", torch::arange(10));
        const auto files = st::saveSharded(folder, tensors, 600, {{"format", "pt"}});
        QCOMPARE(files.back(), std::string("model.safetensors.index.json"));
        QVERIFY(files.size() >= 4);  // at least 3 shards + index
        for (const auto& target : {folder, folder + "/model.safetensors.index.json"}) {
            const auto ck = st::Checkpoint::open(target);
            QCOMPARE(ck.names().size(), tensors.size());
            for (const auto& [name, t] : tensors) {
                QVERIFY(ck.contains(name));
                QVERIFY(sameBytes(ck.load(name), t));
            }
            QCOMPARE(ck.info("ids").dtype, std::string("I64"));
            QCOMPARE(ck.metadata().at("format"), std::string("pt"));
            QVERIFY_THROWS_EXCEPTION(std::runtime_error, ck.info("nope"));
        }
        // A single shard is written as model.safetensors, and a folder with it opens.
        const std::string single = path("single");
        QCOMPARE(st::saveSharded(single, tensors, 1ull << 30).size(), std::size_t(1));
        QCOMPARE(st::Checkpoint::open(single).names().size(), tensors.size());
        QVERIFY(sameBytes(st::Checkpoint::open(single + "/model.safetensors").load("ids"), torch::arange(10)));
    }

    void handWrittenIndex() {
        QVERIFY(QDir(dir_.path()).mkpath("hf"));
        const std::string folder = path("hf");
        st::save(folder + "/part-a.safetensors", {{"w1", torch::ones({2})}, {"w2", torch::zeros({3})}});
        st::save(folder + "/part-b.safetensors", {{"w3", torch::full({1}, 3.0)}});
        writeBytes(folder + "/model.safetensors.index.json",
                   R"({"metadata":{"total_size":24},"weight_map":{"w1":"part-a.safetensors","w2":"part-a.safetensors","w3":"part-b.safetensors"}})");
        const auto ck = st::Checkpoint::open(folder);
        QCOMPARE(ck.names(), (std::vector<std::string>{"w1", "w2", "w3"}));
        QCOMPARE(ck.load("w3")[0].item<float>(), 3.0f);

        const auto expectError = [](const std::string& target, const std::string& part) {
            const std::string msg = errorOf([&] { st::Checkpoint::open(target); });
            QVERIFY2(contains(msg, part), msg.c_str());
        };
        writeBytes(folder + "/bad1.index.json", R"({"weight_map":{"w1":"part-c.safetensors"}})");
        expectError(folder + "/bad1.index.json", "shard 'part-c.safetensors'");
        writeBytes(folder + "/bad2.index.json", R"({"weight_map":{"w9":"part-a.safetensors"}})");
        expectError(folder + "/bad2.index.json", "tensor 'w9'");
        writeBytes(folder + "/bad3.index.json", R"({"weight_map":{"w1":"../x.safetensors"}})");
        expectError(folder + "/bad3.index.json", "plain file name");
        writeBytes(folder + "/bad4.index.json", R"({"weight_map": [})");
        expectError(folder + "/bad4.index.json", "not valid JSON");
        expectError(path("absent-folder"), "does not exist");
        QVERIFY(QDir(dir_.path()).mkpath("emptyfolder"));
        expectError(path("emptyfolder"), "no .safetensors");
    }

    void malformed_data() {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("tensor");   // must be named in the message ("" = none expected)
        QTest::addColumn<QString>("problem");  // a phrase the message must contain
        const auto row = [](const char* tag, const std::string& bytes, const char* tensor, const char* problem) {
            QTest::newRow(tag) << QByteArray(bytes.data(), static_cast<int>(bytes.size())) << QString(tensor) << QString(problem);
        };
        const std::string f32x4 = raw<float>({1, 2, 3, 4});
        row("empty file", "", "", "too short");
        row("truncated length", std::string("\x10\x00\x00", 3), "", "too short");
        row("truncated header", le64(200) + R"({"a":{"dtype":)", "", "larger than the file");
        row("header length larger than file", fileBytes(R"({"a":{"dtype":"F32","shape":[4],"data_offsets":[0,16]}})", f32x4, 5000), "",
            "larger than the file");
        row("header over 100 MB claimed", fileBytes("{}", "", 200000000ull), "", "100 MB");
        row("bad JSON", fileBytes(R"({"a":{"dtype":"F32",,}})", f32x4), "", "not valid JSON");
        row("header not an object", fileBytes("[1,2]", ""), "", "not a JSON object");
        row("truncated data", fileBytes(R"({"a":{"dtype":"F32","shape":[4],"data_offsets":[0,16]}})", f32x4.substr(0, 9)), "a",
            "past the end");
        row("offsets out of bounds",
            fileBytes(R"({"a":{"dtype":"F32","shape":[2],"data_offsets":[0,8]},"far":{"dtype":"F32","shape":[2],"data_offsets":[1000,1008]}})",
                      f32x4),
            "far", "past the end");
        row("overlapping offsets",
            fileBytes(R"({"a":{"dtype":"F32","shape":[2],"data_offsets":[0,8]},"b":{"dtype":"F32","shape":[2],"data_offsets":[4,12]}})",
                      f32x4.substr(0, 12)),
            "b", "overlap");
        row("gap between tensors",
            fileBytes(R"({"a":{"dtype":"F32","shape":[1],"data_offsets":[0,4]},"b":{"dtype":"F32","shape":[1],"data_offsets":[8,12]}})",
                      f32x4.substr(0, 12)),
            "b", "gap");
        row("trailing bytes", fileBytes(R"({"a":{"dtype":"F32","shape":[3],"data_offsets":[0,12]}})", f32x4), "", "after the last tensor");
        row("wrong size for shape", fileBytes(R"({"w":{"dtype":"F32","shape":[3],"data_offsets":[0,16]}})", f32x4), "w", "needs 12 bytes");
        row("duplicate names",
            fileBytes(R"({"a":{"dtype":"F32","shape":[2],"data_offsets":[0,8]},"a":{"dtype":"F32","shape":[2],"data_offsets":[8,16]}})", f32x4),
            "a", "more than once");
        row("duplicate field", fileBytes(R"({"a":{"dtype":"F32","dtype":"I32","shape":[4],"data_offsets":[0,16]}})", f32x4), "",
            "duplicate key \"dtype\"");
        row("unknown dtype", fileBytes(R"({"q":{"dtype":"F12","shape":[4],"data_offsets":[0,16]}})", f32x4), "q", "unknown dtype");
        row("negative offset", fileBytes(R"({"n":{"dtype":"F32","shape":[1],"data_offsets":[-4,0]}})", ""), "n", "non-negative");
        row("end before begin", fileBytes(R"({"r":{"dtype":"U8","shape":[0],"data_offsets":[4,0]}})", f32x4), "r", "before begin");
        row("negative dimension", fileBytes(R"({"d":{"dtype":"F32","shape":[-1],"data_offsets":[0,16]}})", f32x4), "d", "non-negative");
        row("shape overflow", fileBytes(R"({"o":{"dtype":"F32","shape":[4294967296,4294967296],"data_offsets":[0,16]}})", f32x4), "o",
            "too large");
        row("missing offsets", fileBytes(R"({"m":{"dtype":"F32","shape":[4]}})", f32x4), "m", "data_offsets");
        row("metadata not strings", fileBytes(R"({"__metadata__":{"epoch":3}})", ""), "", "not a string");
    }
    void malformed() {
        QFETCH(QByteArray, bytes);
        QFETCH(QString, tensor);
        QFETCH(QString, problem);
        const std::string file = path("bad.safetensors");
        writeBytes(file, bytes.toStdString());
        const std::string msg = errorOf([&] { st::File::open(file); });
        QVERIFY2(contains(msg, file), msg.c_str());
        if (!tensor.isEmpty()) QVERIFY2(contains(msg, "tensor '" + tensor.toStdString() + "'"), msg.c_str());
        QVERIFY2(contains(msg, problem.toStdString()), msg.c_str());
        // The same file through Checkpoint gives the same kind of error.
        QVERIFY_THROWS_EXCEPTION(std::runtime_error, st::Checkpoint::open(file));
    }

    void randomCorruptionNeverCrashes() {
        // Every single-byte change to a valid file either still reads (and then every tensor
        // loads) or gives std::runtime_error: no crash, no other exception, no read past the map.
        const std::string good = path("fuzz-src.safetensors");
        st::save(good, {{"a", torch::arange(6, torch::kFloat).reshape({2, 3})}, {"b", torch::ones({4}, torch::kBFloat16)},
                        {"c", torch::arange(3, torch::kInt64)}},
                 {{"format", "pt"}});
        const std::string bytes = readBytes(good);
        const std::string file = path("fuzz.safetensors");
        std::mt19937 rng(1234);
        int opened = 0, rejected = 0;
        for (int i = 0; i < 400; ++i) {
            std::string mutated = bytes;
            const std::size_t at = i < 200 ? rng() % std::min<std::size_t>(mutated.size(), 160) : rng() % mutated.size();
            mutated[at] = static_cast<char>(rng() & 0xFF);
            if (i % 7 == 0) mutated.resize(rng() % mutated.size());  // and some truncations
            writeBytes(file, mutated);
            try {
                const auto f = st::File::open(file);
                for (const auto& t : f->tensors()) f->load(t.name);
                ++opened;
            } catch (const std::runtime_error& e) {
                QVERIFY2(std::string(e.what()).find(file) != std::string::npos, e.what());
                ++rejected;
            }
        }
        QVERIFY(opened > 0 && rejected > 0);
    }

    void writerErrors() {
        const std::string file = path("werr.safetensors");
        const auto expectError = [&](const std::vector<std::pair<std::string, torch::Tensor>>& tensors, const std::string& part) {
            const std::string msg = errorOf([&] { st::save(file, tensors); });
            QVERIFY2(contains(msg, file) && contains(msg, part), msg.c_str());
        };
        expectError({{"x", torch::ones({1})}, {"x", torch::ones({1})}}, "'x' given more than once");
        expectError({{"c", torch::ones({2}, torch::kComplexDouble)}}, "'c'");
        expectError({{"__metadata__", torch::ones({1})}}, "__metadata__");
        QVERIFY(!QFile::exists(QString::fromStdString(file)));
        // Overwriting an existing file replaces it whole and leaves no temporary behind.
        st::save(file, {{"v", torch::ones({2})}});
        st::save(file, {{"v", torch::zeros({3})}});
        QCOMPARE(st::File::open(file)->load("v").numel(), 3);
        QCOMPARE(QDir(dir_.path()).entryList({"werr.safetensors.tmp*"}).size(), 0);
    }
};

QTEST_GUILESS_MAIN(TestSafetensors)
#include "test_safetensors.moc"
