//===- SafetensorsTest.cpp - safetensors reader/writer --------------------===//
//
// Hostile inputs are built byte by byte here rather than with the writer, and
// every expected number is worked out by hand (noted next to it), so a bug
// shared by reader and writer cannot hide.
//
//===----------------------------------------------------------------------===//

#include "tfx/runtime/Safetensors.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <limits>

using namespace tfx::rt;
namespace fs = std::filesystem;

namespace {

std::string le64(uint64_t v) {
  std::string s(8, '\0');
  for (int i = 0; i < 8; ++i)
    s[i] = char(uint8_t(v >> (8 * i)));
  return s;
}

/// A file: the header's length, the header, the data section.
std::string makeFile(const std::string &header, const std::string &data = "") {
  return le64(header.size()) + header + data;
}

std::string bytes(std::initializer_list<int> values) {
  std::string s;
  for (int v : values)
    s.push_back(char(uint8_t(v)));
  return s;
}

StatusOr<TensorFile> parse(const std::string &file,
                           const ReadOptions &options = {}) {
  return parseSafetensors(reinterpret_cast<const uint8_t *>(file.data()),
                          file.size(), options);
}

/// Parses and expects a failure whose message contains `expected`.
::testing::AssertionResult failsWith(const std::string &file,
                                     const std::string &expected,
                                     const ReadOptions &options = {}) {
  StatusOr<TensorFile> result = parse(file, options);
  if (result.isOk())
    return ::testing::AssertionFailure() << "parsed, expected: " << expected;
  const std::string &message = result.status().message();
  if (message.find(expected) == std::string::npos)
    return ::testing::AssertionFailure()
           << "message '" << message << "' lacks '" << expected << "'";
  return ::testing::AssertionSuccess();
}

/// A one-tensor header: {"<name>": {<entry>}}.
std::string entryHeader(const std::string &entry,
                        const std::string &name = "w") {
  return "{\"" + name + "\":{" + entry + "}}";
}

uint32_t floatBits(float f) {
  uint32_t bits;
  std::memcpy(&bits, &f, sizeof bits);
  return bits;
}

std::string readAll(const fs::path &path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in),
                     std::istreambuf_iterator<char>());
}

void writeAll(const fs::path &path, const std::string &content) {
  std::ofstream out(path, std::ios::binary);
  out << content;
}

class SafetensorsFileTest : public ::testing::Test {
protected:
  void SetUp() override {
    std::string pattern =
        (fs::path(::testing::TempDir()) / "tfx-safetensors-XXXXXX").string();
    ASSERT_NE(::mkdtemp(pattern.data()), nullptr);
    dir_ = pattern;
  }
  void TearDown() override { fs::remove_all(dir_); }

  std::vector<std::string> listDir() const {
    std::vector<std::string> names;
    for (const auto &entry : fs::directory_iterator(dir_))
      names.push_back(entry.path().filename().string());
    std::sort(names.begin(), names.end());
    return names;
  }

  fs::path dir_;
};

//===----------------------------------------------------------------------===//
// Half-precision conversion
//===----------------------------------------------------------------------===//

TEST(HalfConversion, F16HandComputed) {
  EXPECT_EQ(halfToFloat(0x3C00), 1.0f);  // exp 15 (bias 15), mantissa 0
  EXPECT_EQ(halfToFloat(0xC000), -2.0f); // sign, exp 16
  EXPECT_EQ(halfToFloat(0x7BFF), 65504.0f); // (2 - 2^-10) * 2^15
  EXPECT_EQ(halfToFloat(0x3555), 0.333251953125f); // (1 + 341/1024) / 4
  EXPECT_EQ(halfToFloat(0x0400), 6.103515625e-05f); // 2^-14, smallest normal
  // Subnormals: mantissa * 2^-24.
  EXPECT_EQ(halfToFloat(0x0001), 5.960464477539063e-8f);  // 2^-24
  EXPECT_EQ(halfToFloat(0x03FF), 6.097555160522461e-05f); // 1023 * 2^-24
  EXPECT_EQ(halfToFloat(0x8001), -5.960464477539063e-8f);
  EXPECT_EQ(floatBits(halfToFloat(0x0000)), 0x00000000u);
  EXPECT_EQ(floatBits(halfToFloat(0x8000)), 0x80000000u); // -0.0
  EXPECT_EQ(halfToFloat(0x7C00), std::numeric_limits<float>::infinity());
  EXPECT_EQ(halfToFloat(0xFC00), -std::numeric_limits<float>::infinity());
  // NaN payloads move up by 13 bits: quiet bit 0x200 -> 0x400000.
  EXPECT_EQ(floatBits(halfToFloat(0x7E00)), 0x7FC00000u);
  EXPECT_EQ(floatBits(halfToFloat(0xFE01)), 0xFFC02000u);
  EXPECT_TRUE(std::isnan(halfToFloat(0x7C01)));
}

TEST(HalfConversion, BF16HandComputed) {
  EXPECT_EQ(bfloat16ToFloat(0x3F80), 1.0f);
  EXPECT_EQ(bfloat16ToFloat(0xC0A0), -5.0f); // exp 129, mantissa 0.25
  EXPECT_EQ(bfloat16ToFloat(0x3E80), 0.25f); // exp 125
  EXPECT_EQ(bfloat16ToFloat(0x7F80), std::numeric_limits<float>::infinity());
  EXPECT_EQ(bfloat16ToFloat(0x0001), std::ldexp(1.0f, -133)); // 2^16 * 2^-149
  EXPECT_TRUE(std::isnan(bfloat16ToFloat(0x7FC0)));
}

TEST(HalfConversion, FileF16AndBF16BecomeF32) {
  std::string header =
      "{\"h\":{\"dtype\":\"F16\",\"shape\":[2,2],\"data_offsets\":[0,8]},"
      "\"b\":{\"dtype\":\"BF16\",\"shape\":[2],\"data_offsets\":[8,12]}}";
  std::string data = bytes({0x00, 0x3C, 0x00, 0xC0, 0x00, 0x7C, 0x01, 0x00,
                            0x80, 0x3F, 0xA0, 0xC0});
  StatusOr<TensorFile> file = parse(makeFile(header, data));
  ASSERT_TRUE(file.isOk()) << file.status().message();
  const Tensor &h = file->tensors.at("h");
  EXPECT_EQ(h.dtype(), DType::F32);
  EXPECT_EQ(h.shape(), (std::vector<int64_t>{2, 2}));
  const float *hv = h.dataAs<float>();
  EXPECT_EQ(hv[0], 1.0f);
  EXPECT_EQ(hv[1], -2.0f);
  EXPECT_EQ(hv[2], std::numeric_limits<float>::infinity());
  EXPECT_EQ(hv[3], 5.960464477539063e-8f);
  const Tensor &b = file->tensors.at("b");
  EXPECT_EQ(b.dtype(), DType::F32);
  EXPECT_EQ(b.dataAs<float>()[0], 1.0f);
  EXPECT_EQ(b.dataAs<float>()[1], -5.0f);
}

TEST(HalfConversion, RefusedWhenConversionIsOff) {
  ReadOptions options;
  options.convertHalfToF32 = false;
  std::string file = makeFile(
      entryHeader("\"dtype\":\"BF16\",\"shape\":[1],\"data_offsets\":[0,2]"),
      bytes({0x80, 0x3F}));
  EXPECT_TRUE(failsWith(file,
                        "tensor 'w': dtype BF16 needs conversion to F32, "
                        "which is off",
                        options));
}

//===----------------------------------------------------------------------===//
// Valid files
//===----------------------------------------------------------------------===//

TEST(SafetensorsParse, EmptyHeaderAndPadding) {
  StatusOr<TensorFile> file = parse(makeFile("{}      "));
  ASSERT_TRUE(file.isOk()) << file.status().message();
  EXPECT_TRUE(file->names.empty());
  EXPECT_TRUE(file->metadata.empty());
}

TEST(SafetensorsParse, FileOrderMetadataAndValues) {
  // I32 -2 is 0xFFFFFFFE; I8 -128 is 0x80.
  std::string header =
      "{\"zeta\":{\"dtype\":\"I32\",\"shape\":[],\"data_offsets\":[0,4]},"
      "\"__metadata__\":{\"format\":\"pt\",\"note\":\"[{\\\"x\"},"
      "\"alpha\":{\"dtype\":\"I8\",\"shape\":[1,2],\"data_offsets\":[4,6]},"
      "\"empty\":{\"dtype\":\"F64\",\"shape\":[0,3],\"data_offsets\":[5,5]}}  ";
  std::string data = bytes({0xFE, 0xFF, 0xFF, 0xFF, 0x80, 0x7F, 0xAA});
  StatusOr<TensorFile> file = parse(makeFile(header, data));
  ASSERT_TRUE(file.isOk()) << file.status().message();
  EXPECT_EQ(file->names, (std::vector<std::string>{"zeta", "alpha", "empty"}));
  EXPECT_EQ(file->metadata.at("format"), "pt");
  EXPECT_EQ(file->metadata.at("note"), "[{\"x");
  EXPECT_EQ(file->tensors.at("zeta").rank(), 0);
  EXPECT_EQ(file->tensors.at("zeta").dataAs<int32_t>()[0], -2);
  EXPECT_EQ(file->tensors.at("alpha").dataAs<int8_t>()[0], -128);
  EXPECT_EQ(file->tensors.at("alpha").dataAs<int8_t>()[1], 127);
  EXPECT_EQ(file->tensors.at("empty").numel(), 0);
}

TEST(SafetensorsParse, BracketsInStringsDoNotCountAsNesting) {
  std::string name = "[[[[{{{{\\\"]]]]";
  std::string file = makeFile(
      entryHeader("\"dtype\":\"U8\",\"shape\":[1],\"data_offsets\":[0,1]",
                  name),
      bytes({7}));
  StatusOr<TensorFile> result = parse(file);
  ASSERT_TRUE(result.isOk()) << result.status().message();
  EXPECT_EQ(result->names[0], "[[[[{{{{\"]]]]");
}

TEST(SafetensorsParse, NullMetadataAndGapsAreAccepted) {
  std::string header =
      "{\"__metadata__\":null,"
      "\"a\":{\"dtype\":\"U8\",\"shape\":[1],\"data_offsets\":[3,4]}}";
  StatusOr<TensorFile> file = parse(makeFile(header, bytes({0, 0, 0, 9, 0})));
  ASSERT_TRUE(file.isOk()) << file.status().message();
  EXPECT_EQ(file->tensors.at("a").dataAs<uint8_t>()[0], 9);
}

TEST(SafetensorsParse, EmptyTensorInsideAnotherIsNoOverlap) {
  std::string header =
      "{\"a\":{\"dtype\":\"U8\",\"shape\":[4],\"data_offsets\":[0,4]},"
      "\"e\":{\"dtype\":\"U8\",\"shape\":[0],\"data_offsets\":[2,2]}}";
  EXPECT_TRUE(parse(makeFile(header, bytes({1, 2, 3, 4}))).isOk());
}

//===----------------------------------------------------------------------===//
// Hostile files: one test per check
//===----------------------------------------------------------------------===//

TEST(SafetensorsValidate, FileShorterThanLengthField) {
  EXPECT_TRUE(failsWith("abc", "file is 3 bytes, shorter than the 8-byte"));
  StatusOr<TensorFile> empty = parseSafetensors(nullptr, 0);
  ASSERT_FALSE(empty.isOk());
  EXPECT_NE(empty.status().message().find("file is 0 bytes"),
            std::string::npos);
}

TEST(SafetensorsValidate, HeaderLongerThanFile) {
  EXPECT_TRUE(failsWith(le64(100) + "{}",
                        "header length 100 exceeds the 2 bytes that follow"));
}

TEST(SafetensorsValidate, HeaderLongerThanLimit) {
  ReadOptions options;
  options.maxHeaderBytes = 4;
  EXPECT_TRUE(failsWith(makeFile("{}   "),
                        "header length 5 exceeds the limit of 4 bytes",
                        options));
  // 2^64 - 1 against the default limit of 100 MiB = 104857600.
  EXPECT_TRUE(failsWith(le64(~uint64_t(0)) + "{}",
                        "header length 18446744073709551615 exceeds the limit "
                        "of 104857600 bytes"));
}

TEST(SafetensorsValidate, HeaderNotJson) {
  EXPECT_TRUE(failsWith(makeFile("{\"a\":"), "header is not valid JSON"));
  EXPECT_TRUE(failsWith(makeFile("{} x"), "header is not valid JSON"));
  EXPECT_TRUE(failsWith(makeFile(std::string("{\"\xff\":1}")),
                        "header is not valid JSON"));
  // nlohmann reports this one as out_of_range rather than parse_error
  // (found by the fuzzer: it escaped as an uncaught exception).
  EXPECT_TRUE(failsWith(makeFile("{\"w\":{\"shape\":[1e400]}}"),
                        "header is not valid JSON: number overflow parsing "
                        "'1e400'"));
  // nlohmann alone would stop at the NUL and ignore the rest.
  EXPECT_TRUE(failsWith(makeFile(std::string("{}\0{\"x\":1}", 10)),
                        "header is not valid JSON: NUL byte at header offset "
                        "2"));
}

TEST(SafetensorsValidate, HeaderNotObject) {
  EXPECT_TRUE(failsWith(makeFile("[1,2]"),
                        "header is a JSON array, not an object"));
  EXPECT_TRUE(failsWith(makeFile("\"x\""), "header is a JSON string"));
}

TEST(SafetensorsValidate, HeaderNestsTooDeep) {
  EXPECT_TRUE(failsWith(makeFile(std::string(1000, '[')),
                        "header nests JSON deeper than 3 levels"));
  // Three levels are fine for the scan (then the entry is wrong), four not.
  EXPECT_TRUE(failsWith(makeFile("{\"w\":[[1]]}"),
                        "tensor 'w': entry is a JSON array"));
  EXPECT_TRUE(failsWith(makeFile("{\"w\":{\"shape\":[[1]]}}"),
                        "header nests JSON deeper"));
}

TEST(SafetensorsValidate, EntryNotObject) {
  EXPECT_TRUE(failsWith(makeFile("{\"w\":5}"),
                        "tensor 'w': entry is a JSON number, not an object"));
}

TEST(SafetensorsValidate, MissingFields) {
  EXPECT_TRUE(failsWith(
      makeFile(entryHeader("\"shape\":[1],\"data_offsets\":[0,4]")),
      "tensor 'w': missing 'dtype'"));
  EXPECT_TRUE(failsWith(
      makeFile(entryHeader("\"dtype\":\"F32\",\"data_offsets\":[0,4]")),
      "tensor 'w': missing 'shape'"));
  EXPECT_TRUE(
      failsWith(makeFile(entryHeader("\"dtype\":\"F32\",\"shape\":[1]")),
                "tensor 'w': missing 'data_offsets'"));
}

TEST(SafetensorsValidate, IllTypedFields) {
  auto file = [](const std::string &dtype, const std::string &shape,
                 const std::string &offsets) {
    return makeFile(entryHeader("\"dtype\":" + dtype + ",\"shape\":" + shape +
                                ",\"data_offsets\":" + offsets),
                    std::string(8, '\0'));
  };
  EXPECT_TRUE(failsWith(file("5", "[1]", "[0,4]"),
                        "tensor 'w': 'dtype' must be a string, not 5"));
  EXPECT_TRUE(failsWith(file("\"F32\"", "\"1\"", "[0,4]"),
                        "tensor 'w': 'shape' must be an array of integers, "
                        "not \"1\""));
  EXPECT_TRUE(failsWith(file("\"F32\"", "[1.5]", "[0,4]"),
                        "element 0 is 1.5"));
  EXPECT_TRUE(failsWith(file("\"F32\"", "[1,true]", "[0,4]"),
                        "element 1 is true"));
  EXPECT_TRUE(failsWith(file("\"F32\"", "[1]", "{}"),
                        "'data_offsets' must be an array [begin, end]"));
  EXPECT_TRUE(failsWith(file("\"F32\"", "[1]", "[0]"),
                        "'data_offsets' has 1 elements, not 2"));
  EXPECT_TRUE(failsWith(file("\"F32\"", "[1]", "[0,4,8]"),
                        "'data_offsets' has 3 elements, not 2"));
  EXPECT_TRUE(failsWith(file("\"F32\"", "[1]", "[-1,3]"),
                        "'data_offsets' element 0 is -1, not a non-negative "
                        "integer"));
  EXPECT_TRUE(failsWith(file("\"F32\"", "[1]", "[0,4.0]"),
                        "'data_offsets' element 1 is 4.0"));
}

TEST(SafetensorsValidate, UnknownField) {
  EXPECT_TRUE(failsWith(
      makeFile(entryHeader("\"dtype\":\"U8\",\"shape\":[1],"
                           "\"data_offsets\":[0,1],\"extra\":1"),
               "x"),
      "tensor 'w': unknown field 'extra'"));
}

TEST(SafetensorsValidate, UnknownDType) {
  EXPECT_TRUE(failsWith(
      makeFile(entryHeader(
          "\"dtype\":\"F8\",\"shape\":[1],\"data_offsets\":[0,1]")),
      "tensor 'w': unknown dtype 'F8'"));
  EXPECT_TRUE(failsWith(
      makeFile(entryHeader(
          "\"dtype\":\"f32\",\"shape\":[1],\"data_offsets\":[0,4]")),
      "unknown dtype 'f32'"));
}

TEST(SafetensorsValidate, NegativeDimension) {
  EXPECT_TRUE(failsWith(
      makeFile(entryHeader(
          "\"dtype\":\"F32\",\"shape\":[2,-2],\"data_offsets\":[0,0]")),
      "tensor 'w': negative dimension -2 in shape [2,-2]"));
}

TEST(SafetensorsValidate, ShapeOverflows) {
  // 2^32 * 2^32 = 2^64: the element count wraps.
  EXPECT_TRUE(failsWith(
      makeFile(entryHeader("\"dtype\":\"U8\",\"shape\":[4294967296,"
                           "4294967296],\"data_offsets\":[0,0]")),
      "tensor 'w': shape [4294967296, 4294967296] has an element count that "
      "overflows"));
  // 2^62 elements fit, 2^62 * 8 bytes = 2^65 does not.
  EXPECT_TRUE(failsWith(
      makeFile(entryHeader("\"dtype\":\"F64\",\"shape\":[4611686018427387904]"
                           ",\"data_offsets\":[0,0]")),
      "has a byte size that overflows 64 bits"));
  // 2^63 does not fit the int64 shape of a Tensor.
  EXPECT_TRUE(failsWith(
      makeFile(entryHeader("\"dtype\":\"U8\",\"shape\":[9223372036854775808]"
                           ",\"data_offsets\":[0,0]")),
      "dimension 0 (9223372036854775808) is too large"));
  // Zero elements, but Tensor::numel() would overflow on the way there.
  EXPECT_TRUE(failsWith(
      makeFile(entryHeader("\"dtype\":\"U8\",\"shape\":[4294967296,"
                           "4294967296,0],\"data_offsets\":[0,0]")),
      "has an element count that overflows"));
}

TEST(SafetensorsValidate, TensorLargerThanLimit) {
  ReadOptions options;
  options.maxTensorBytes = 100;
  // 26 * 4 = 104 > 100, refused before the offsets are even looked at.
  EXPECT_TRUE(failsWith(
      makeFile(entryHeader(
          "\"dtype\":\"F32\",\"shape\":[26],\"data_offsets\":[0,104]")),
      "tensor 'w': shape [26] of F32 needs more than 100 bytes", options));
  // 30 F16 = 60 bytes in the file but 120 once converted.
  EXPECT_TRUE(failsWith(
      makeFile(entryHeader(
                   "\"dtype\":\"F16\",\"shape\":[30],\"data_offsets\":[0,60]"),
               std::string(60, '\0')),
      "needs more than 100 bytes as F32", options));
  // The default limit, 2^36: 2^34 F32 is 2^36 bytes (fine), 2^34 + 1 is not
  // (then the offsets are wrong, which proves the size check passed first).
  EXPECT_TRUE(failsWith(
      makeFile(entryHeader("\"dtype\":\"F32\",\"shape\":[17179869185],"
                           "\"data_offsets\":[0,0]")),
      "needs more than 68719476736 bytes"));
  EXPECT_TRUE(failsWith(
      makeFile(entryHeader("\"dtype\":\"F32\",\"shape\":[17179869184],"
                           "\"data_offsets\":[0,0]")),
      "span 0 bytes but shape [17179869184] of F32 needs 68719476736"));
}

TEST(SafetensorsValidate, BeginAfterEnd) {
  EXPECT_TRUE(failsWith(
      makeFile(entryHeader(
                   "\"dtype\":\"U8\",\"shape\":[0],\"data_offsets\":[8,4]"),
               std::string(8, '\0')),
      "tensor 'w': data_offsets [8, 4] have begin > end"));
}

TEST(SafetensorsValidate, ByteLengthMismatch) {
  EXPECT_TRUE(failsWith(
      makeFile(entryHeader(
                   "\"dtype\":\"F32\",\"shape\":[3],\"data_offsets\":[0,8]"),
               std::string(12, '\0')),
      "tensor 'w': data_offsets [0, 8] span 8 bytes but shape [3] of F32 "
      "needs 12"));
}

TEST(SafetensorsValidate, OffsetsOutOfRange) {
  // 25 F32 = 100 bytes, but only 64 follow the header.
  EXPECT_TRUE(failsWith(
      makeFile(entryHeader("\"dtype\":\"F32\",\"shape\":[25],"
                           "\"data_offsets\":[0,100]",
                           "encoder.w"),
               std::string(64, '\0')),
      "tensor 'encoder.w': data_offsets [0, 100] exceed the data section of "
      "64 bytes"));
  // begin + size wraps around 2^64 if computed naively.
  EXPECT_TRUE(failsWith(
      makeFile(entryHeader("\"dtype\":\"U8\",\"shape\":[2],\"data_offsets\":"
                           "[18446744073709551615,1]"),
               "ab"),
      "have begin > end"));
  EXPECT_TRUE(failsWith(
      makeFile(entryHeader("\"dtype\":\"U8\",\"shape\":[0],\"data_offsets\":"
                           "[18446744073709551615,18446744073709551615]"),
               "ab"),
      "exceed the data section of 2 bytes"));
}

TEST(SafetensorsValidate, OverlappingTensors) {
  std::string header =
      "{\"a\":{\"dtype\":\"U8\",\"shape\":[8],\"data_offsets\":[0,8]},"
      "\"b\":{\"dtype\":\"U8\",\"shape\":[8],\"data_offsets\":[4,12]}}";
  EXPECT_TRUE(failsWith(makeFile(header, std::string(12, '\0')),
                        "tensors 'a' and 'b' overlap: data_offsets [0, 8] and "
                        "[4, 12]"));
  std::string same =
      "{\"a\":{\"dtype\":\"U8\",\"shape\":[2],\"data_offsets\":[2,4]},"
      "\"b\":{\"dtype\":\"I8\",\"shape\":[2],\"data_offsets\":[2,4]}}";
  EXPECT_TRUE(failsWith(makeFile(same, std::string(4, '\0')), "overlap"));
  // Contained in a larger one, listed first.
  std::string inner =
      "{\"x\":{\"dtype\":\"U8\",\"shape\":[1],\"data_offsets\":[5,6]},"
      "\"big\":{\"dtype\":\"U8\",\"shape\":[10],\"data_offsets\":[0,10]},"
      "\"y\":{\"dtype\":\"U8\",\"shape\":[2],\"data_offsets\":[10,12]}}";
  EXPECT_TRUE(failsWith(makeFile(inner, std::string(12, '\0')),
                        "tensors 'big' and 'x' overlap"));
}

TEST(SafetensorsValidate, BoolValuesOtherThanZeroOrOne) {
  EXPECT_TRUE(failsWith(
      makeFile(entryHeader(
                   "\"dtype\":\"BOOL\",\"shape\":[3],\"data_offsets\":[0,3]",
                   "mask"),
               bytes({1, 2, 0})),
      "tensor 'mask': BOOL element 1 is 2, not 0 or 1"));
  EXPECT_TRUE(failsWith(
      makeFile(entryHeader(
                   "\"dtype\":\"BOOL\",\"shape\":[1],\"data_offsets\":[0,1]"),
               bytes({255})),
      "BOOL element 0 is 255"));
}

TEST(SafetensorsValidate, DuplicateKeys) {
  // nlohmann would keep the last "a"; two readers could then disagree.
  std::string names =
      "{\"a\":{\"dtype\":\"U8\",\"shape\":[1],\"data_offsets\":[0,1]},"
      "\"a\":{\"dtype\":\"U8\",\"shape\":[1],\"data_offsets\":[1,2]}}";
  EXPECT_TRUE(failsWith(makeFile(names, "xy"),
                        "duplicate key 'a' in the header"));
  EXPECT_TRUE(failsWith(
      makeFile(entryHeader("\"dtype\":\"U8\",\"dtype\":\"I8\",\"shape\":[1],"
                           "\"data_offsets\":[0,1]"),
               "x"),
      "tensor 'w': duplicate key 'dtype'"));
  EXPECT_TRUE(failsWith(
      makeFile("{\"__metadata__\":{\"k\":\"1\",\"k\":\"2\"}}"),
      "__metadata__: duplicate key 'k'"));
  EXPECT_TRUE(failsWith(makeFile("{\"__metadata__\":{},\"__metadata__\":{}}"),
                        "duplicate key '__metadata__'"));
}

TEST(SafetensorsValidate, BadMetadata) {
  EXPECT_TRUE(failsWith(makeFile("{\"__metadata__\":[]}"),
                        "__metadata__ must be an object of strings, not "
                        "array"));
  EXPECT_TRUE(failsWith(makeFile("{\"__metadata__\":{\"n\":1}}"),
                        "__metadata__: value of 'n' is 1, not a string"));
}

TEST(SafetensorsValidate, LongNamesAreTruncatedInMessages) {
  std::string name(5000, 'n');
  StatusOr<TensorFile> result = parse(makeFile("{\"" + name + "\":3}"));
  ASSERT_FALSE(result.isOk());
  EXPECT_LT(result.status().message().size(), 400u);
  EXPECT_NE(result.status().message().find("...'"), std::string::npos);
}

//===----------------------------------------------------------------------===//
// Files on disk
//===----------------------------------------------------------------------===//

TEST_F(SafetensorsFileTest, WriterProducesExactBytes) {
  Tensor a(DType::F32, {2});
  a.dataAs<float>()[0] = 1.0f;  // 0x3F800000
  a.dataAs<float>()[1] = -2.0f; // 0xC0000000
  fs::path path = dir_ / "a.safetensors";
  ASSERT_TRUE(writeSafetensors(path.string(), {{"a", a}}).isOk());
  // 54 bytes of JSON; 8 + 54 = 62, so 2 spaces align the data to 64.
  std::string expected =
      bytes({56, 0, 0, 0, 0, 0, 0, 0}) +
      "{\"a\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]}}  " +
      bytes({0x00, 0x00, 0x80, 0x3F, 0x00, 0x00, 0x00, 0xC0});
  EXPECT_EQ(readAll(path), expected);
}

TEST_F(SafetensorsFileTest, WriterKeepsOrderAndPacksTensors) {
  Tensor b(DType::U8, {});
  b.dataAs<uint8_t>()[0] = 200;
  Tensor a(DType::F32, {2});
  a.dataAs<float>()[0] = 1.0f;
  a.dataAs<float>()[1] = -2.0f;
  fs::path path = dir_ / "ba.safetensors";
  ASSERT_TRUE(
      writeSafetensors(path.string(), {{"b", b}, {"a", a}}, {{"format", "pt"}})
          .isOk());
  // 136 bytes of JSON; 8 + 136 = 144 is already aligned: no padding.
  std::string expected =
      bytes({136, 0, 0, 0, 0, 0, 0, 0}) +
      "{\"__metadata__\":{\"format\":\"pt\"},"
      "\"b\":{\"dtype\":\"U8\",\"shape\":[],\"data_offsets\":[0,1]},"
      "\"a\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[1,9]}}" +
      bytes({200, 0x00, 0x00, 0x80, 0x3F, 0x00, 0x00, 0x00, 0xC0});
  EXPECT_EQ(readAll(path), expected);
}

TEST_F(SafetensorsFileTest, RoundTripEveryWritableDType) {
  std::vector<std::pair<std::string, Tensor>> tensors;
  Tensor f32(DType::F32, {2, 3});
  const float f32v[] = {0.0f, -1.5f, 3.25f, 1e-30f,
                        std::numeric_limits<float>::infinity(), -0.0f};
  std::memcpy(f32.data(), f32v, sizeof f32v);
  tensors.emplace_back("f32", f32);
  Tensor f64(DType::F64, {3});
  const double f64v[] = {1.0 / 3.0, -1e300, 5e-324};
  std::memcpy(f64.data(), f64v, sizeof f64v);
  tensors.emplace_back("f64", f64);
  Tensor i64(DType::I64, {2});
  const int64_t i64v[] = {std::numeric_limits<int64_t>::min(),
                          std::numeric_limits<int64_t>::max()};
  std::memcpy(i64.data(), i64v, sizeof i64v);
  tensors.emplace_back("i64", i64);
  Tensor i32(DType::I32, {1, 1, 2});
  const int32_t i32v[] = {-7, 1 << 30};
  std::memcpy(i32.data(), i32v, sizeof i32v);
  tensors.emplace_back("i32", i32);
  Tensor i8(DType::I8, {3});
  const int8_t i8v[] = {-128, 0, 127};
  std::memcpy(i8.data(), i8v, sizeof i8v);
  tensors.emplace_back("i8", i8);
  Tensor u8(DType::U8, {2});
  const uint8_t u8v[] = {0, 255};
  std::memcpy(u8.data(), u8v, sizeof u8v);
  tensors.emplace_back("u8", u8);
  Tensor mask(DType::Bool, {4});
  const uint8_t maskv[] = {1, 0, 0, 1};
  std::memcpy(mask.data(), maskv, sizeof maskv);
  tensors.emplace_back("mask", mask);
  tensors.emplace_back("scalar", Tensor(DType::I32, {}));
  tensors.emplace_back("empty", Tensor(DType::F32, {0, 4}));

  fs::path path = dir_ / "all.safetensors";
  std::map<std::string, std::string> metadata = {{"format", "pt"},
                                                 {"\xc3\xa9t\xc3\xa9", ""}};
  Status written = writeSafetensors(path.string(), tensors, metadata);
  ASSERT_TRUE(written.isOk()) << written.message();
  // The data is 24 + 24 + 16 + 8 + 3 + 2 + 4 + 4 + 0 = 85 bytes and starts
  // 8-byte aligned.
  EXPECT_EQ((fs::file_size(path) - 85) % 8, 0u);

  StatusOr<TensorFile> file = readSafetensors(path.string());
  ASSERT_TRUE(file.isOk()) << file.status().message();
  EXPECT_EQ(file->metadata, metadata);
  ASSERT_EQ(file->names.size(), tensors.size());
  for (size_t i = 0; i < tensors.size(); ++i) {
    const auto &[name, original] = tensors[i];
    SCOPED_TRACE(name);
    EXPECT_EQ(file->names[i], name);
    const Tensor &loaded = file->tensors.at(name);
    EXPECT_EQ(loaded.dtype(), original.dtype());
    EXPECT_EQ(loaded.shape(), original.shape());
    ASSERT_EQ(loaded.byteSize(), original.byteSize());
    EXPECT_EQ(std::memcmp(loaded.data(), original.data(), loaded.byteSize()),
              0);
  }

  // The same bytes through the in-memory parser.
  std::string content = readAll(path);
  StatusOr<TensorFile> fromMemory = parse(content);
  ASSERT_TRUE(fromMemory.isOk()) << fromMemory.status().message();
  EXPECT_EQ(fromMemory->names, file->names);
}

TEST_F(SafetensorsFileTest, ReadsHalfFromDisk) {
  fs::path path = dir_ / "h.safetensors";
  writeAll(path, makeFile(entryHeader("\"dtype\":\"F16\",\"shape\":[2],"
                                      "\"data_offsets\":[0,4]"),
                          bytes({0x00, 0xC0, 0xFF, 0x03})));
  StatusOr<TensorFile> file = readSafetensors(path.string());
  ASSERT_TRUE(file.isOk()) << file.status().message();
  EXPECT_EQ(file->tensors.at("w").dataAs<float>()[0], -2.0f);
  EXPECT_EQ(file->tensors.at("w").dataAs<float>()[1], 6.097555160522461e-05f);
}

TEST_F(SafetensorsFileTest, ReadErrorsNameThePath) {
  std::string missing = (dir_ / "missing.safetensors").string();
  StatusOr<TensorFile> r1 = readSafetensors(missing);
  ASSERT_FALSE(r1.isOk());
  EXPECT_EQ(r1.status().message().rfind(missing + ": cannot open", 0), 0u)
      << r1.status().message();

  StatusOr<TensorFile> r2 = readSafetensors(dir_.string());
  ASSERT_FALSE(r2.isOk());
  EXPECT_EQ(r2.status().message(), dir_.string() + ": not a regular file");

  fs::path bad = dir_ / "bad.safetensors";
  writeAll(bad, makeFile(entryHeader("\"dtype\":\"F32\",\"shape\":[25],"
                                     "\"data_offsets\":[0,100]",
                                     "encoder.w"),
                         std::string(64, '\0')));
  StatusOr<TensorFile> r3 = readSafetensors(bad.string());
  ASSERT_FALSE(r3.isOk());
  EXPECT_EQ(r3.status().message(),
            bad.string() + ": tensor 'encoder.w': data_offsets [0, 100] "
                           "exceed the data section of 64 bytes");

  fs::path tiny = dir_ / "tiny.safetensors";
  writeAll(tiny, "abc");
  StatusOr<TensorFile> r4 = readSafetensors(tiny.string());
  ASSERT_FALSE(r4.isOk());
  EXPECT_EQ(r4.status().message(),
            tiny.string() +
                ": file is 3 bytes, shorter than the 8-byte header length");
}

TEST_F(SafetensorsFileTest, WriterFailsIntoMissingDirectory) {
  fs::path path = dir_ / "no-such-dir" / "x.safetensors";
  Status s = writeSafetensors(path.string(), {{"t", Tensor(DType::F32, {1})}});
  ASSERT_FALSE(s.isOk());
  EXPECT_EQ(s.message().rfind(path.string() + ": cannot create temporary", 0),
            0u)
      << s.message();
  EXPECT_FALSE(fs::exists(path));
  EXPECT_EQ(listDir(), std::vector<std::string>{});
}

TEST_F(SafetensorsFileTest, FailedWriteLeavesExistingFileUntouched) {
  fs::path path = dir_ / "model.safetensors";
  writeAll(path, "previous contents");

  Status half = writeSafetensors(
      path.string(),
      {{"ok", Tensor(DType::F32, {2})}, {"h", Tensor(DType::F16, {2})}});
  ASSERT_FALSE(half.isOk());
  EXPECT_NE(half.message().find("tensor 'h': cannot write dtype F16"),
            std::string::npos)
      << half.message();

  Tensor badMask(DType::Bool, {2});
  badMask.dataAs<uint8_t>()[1] = 3;
  Status mask = writeSafetensors(path.string(), {{"m", badMask}});
  ASSERT_FALSE(mask.isOk());
  EXPECT_NE(mask.message().find("tensor 'm': BOOL element 1 is 3"),
            std::string::npos);

  Status dup = writeSafetensors(path.string(), {{"x", Tensor(DType::U8, {1})},
                                                {"x", Tensor(DType::U8, {1})}});
  EXPECT_NE(dup.message().find("tensor 'x': duplicate name"),
            std::string::npos);
  Status reserved = writeSafetensors(
      path.string(), {{"__metadata__", Tensor(DType::U8, {1})}});
  EXPECT_NE(reserved.message().find("reserved for metadata"),
            std::string::npos);
  Status empty = writeSafetensors(path.string(), {{"e", Tensor()}});
  EXPECT_NE(empty.message().find("tensor 'e': has no storage"),
            std::string::npos);
  Status utf8 = writeSafetensors(path.string(),
                                 {{std::string("\xff"), Tensor(DType::U8, {1})}});
  EXPECT_NE(utf8.message().find("not valid UTF-8"), std::string::npos);

  EXPECT_EQ(readAll(path), "previous contents");
  EXPECT_EQ(listDir(), std::vector<std::string>{"model.safetensors"});
}

TEST_F(SafetensorsFileTest, FailedRenameRemovesTemporaryFile) {
  // rename() of a file onto a non-empty directory fails after all data has
  // been written: the last moment an error can occur.
  fs::path path = dir_ / "target";
  fs::create_directory(path);
  writeAll(path / "keep", "k");
  Status s = writeSafetensors(path.string(), {{"t", Tensor(DType::F32, {4})}});
  ASSERT_FALSE(s.isOk());
  EXPECT_NE(s.message().find("cannot rename"), std::string::npos)
      << s.message();
  EXPECT_EQ(listDir(), std::vector<std::string>{"target"});
  EXPECT_EQ(readAll(path / "keep"), "k");
}

TEST_F(SafetensorsFileTest, SuccessfulWriteReplacesFile) {
  fs::path path = dir_ / "model.safetensors";
  writeAll(path, "previous contents");
  Tensor t(DType::I8, {1});
  t.dataAs<int8_t>()[0] = -3;
  ASSERT_TRUE(writeSafetensors(path.string(), {{"t", t}}).isOk());
  StatusOr<TensorFile> file = readSafetensors(path.string());
  ASSERT_TRUE(file.isOk()) << file.status().message();
  EXPECT_EQ(file->tensors.at("t").dataAs<int8_t>()[0], -3);
  EXPECT_EQ(listDir(), std::vector<std::string>{"model.safetensors"});
}

} // namespace
