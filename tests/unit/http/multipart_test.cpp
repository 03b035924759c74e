// The streaming multipart reader: fields whole, files in pieces, whatever the reads' sizes.
#include "http/multipart.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "platform/error.hpp"

namespace antq::http {
namespace {

// A body given `step` bytes at a time, to cut delimiters anywhere.
class Trickle : public BodySource {
 public:
  Trickle(std::string body, std::size_t step) : body_(std::move(body)), step_(step) {}
  std::size_t read(char* out, std::size_t n) override {
    std::size_t take = std::min({n, step_, body_.size() - at_});
    std::copy_n(body_.data() + at_, take, out);
    at_ += take;
    return take;
  }

 private:
  std::string body_;
  std::size_t step_;
  std::size_t at_ = 0;
};

struct Collected {
  std::vector<std::pair<std::string, std::string>> files;  // name, content
  MultipartHandler handler() {
    return {[this](const std::string&, const std::string& name) { files.emplace_back(name, ""); },
            [this](std::string_view bytes) { files.back().second.append(bytes); }, [] {}};
  }
};

std::string part(const std::string& b, const std::string& disposition, const std::string& value) {
  return "--" + b + "\r\nContent-Disposition: form-data; " + disposition + "\r\n\r\n" + value + "\r\n";
}

const std::string kB = "----antqBoundary7MA4YWxk";

TEST(Multipart, BoundaryComesFromTheContentType) {
  EXPECT_EQ(multipart_boundary("multipart/form-data; boundary=abc").value(), "abc");
  EXPECT_EQ(multipart_boundary("Multipart/Form-Data; charset=utf-8; boundary=\"a b\"").value(), "a b");
  EXPECT_FALSE(multipart_boundary("application/json").has_value());
  EXPECT_FALSE(multipart_boundary("multipart/form-data").has_value());
}

TEST(Multipart, FieldsAndFilesSurviveAnyReadSize) {
  std::string file(200000, '\0');
  for (std::size_t i = 0; i < file.size(); ++i) file[i] = static_cast<char>(i * 7 % 251);
  // Bytes that look like the start of a delimiter inside the file.
  file.replace(1000, 6, "\r\n----");
  std::string body = "preamble\r\n" + part(kB, "name=\"kind\"", "góp ý") +
                     part(kB, "name=\"files\"; filename=\"ảnh 1.jpg\"\r\nContent-Type: image/jpeg", file) +
                     part(kB, "name=\"files\"; filename=\"\"", "") +
                     part(kB, "name=\"description\"", "Dòng 1\r\nDòng 2") + "--" + kB + "--\r\n";
  for (std::size_t step : {1u, 7u, 4096u, 1u << 20}) {
    Trickle source(body, step);
    Collected got;
    auto fields = read_multipart(source, kB, got.handler());
    ASSERT_EQ(fields.size(), 2u) << step;
    EXPECT_EQ(fields[0], (std::pair<std::string, std::string>{"kind", "góp ý"}));
    EXPECT_EQ(fields[1].second, "Dòng 1\r\nDòng 2");
    ASSERT_EQ(got.files.size(), 1u) << "the empty file input is skipped";
    EXPECT_EQ(got.files[0].first, "ảnh 1.jpg");
    EXPECT_EQ(got.files[0].second, file) << "step " << step;
  }
}

TEST(Multipart, BrokenBodiesAreRefused) {
  auto kind_of = [](const std::string& body) {
    Trickle source(body, 100);
    Collected got;
    try {
      read_multipart(source, kB, got.handler());
    } catch (const Error& e) {
      return e.kind();
    }
    return Error::Kind::internal;
  };
  EXPECT_EQ(kind_of(""), Error::Kind::malformed_body);
  EXPECT_EQ(kind_of(part(kB, "name=\"a\"", "x")), Error::Kind::malformed_body) << "no closing boundary";
  EXPECT_EQ(kind_of("--" + kB + "\r\nContent-Type: text/plain\r\n\r\nx\r\n--" + kB + "--"), Error::Kind::malformed_body)
      << "no Content-Disposition";
  EXPECT_EQ(kind_of(part(kB, "name=\"a\"", "\xff\xfe") + "--" + kB + "--"), Error::Kind::invalid_utf8);
  EXPECT_EQ(kind_of(part(kB, "name=\"a\"", std::string(70000, 'x')) + "--" + kB + "--"),
            Error::Kind::payload_too_large);
}

TEST(SpooledBody, ReadsBackWhatWasWrittenAndKeepsNoPlaintextOnDisk) {
  std::string marker = "ANTQ-SPOOL-MARKER-";
  std::string data;
  while (data.size() < 300000) data += marker + std::to_string(data.size());
  SpooledBody spool(std::filesystem::temp_directory_path().string());
  for (std::size_t at = 0; at < data.size(); at += 5000) spool.append(std::string_view(data).substr(at, 5000));
  spool.finish();
  // The spool has no name; read its bytes through /proc as an attacker with the disk would.
  std::string on_disk;
  for (const auto& fd : std::filesystem::directory_iterator("/proc/self/fd")) {
    std::error_code ec;
    auto target = std::filesystem::read_symlink(fd.path(), ec).string();
    if (ec || target.find("(deleted)") == std::string::npos) continue;
    std::ifstream in(fd.path(), std::ios::binary);
    on_disk += std::string(std::istreambuf_iterator<char>(in), {});
  }
  EXPECT_GT(on_disk.size(), data.size()) << "the spool was found";
  EXPECT_EQ(on_disk.find(marker), std::string::npos);
  std::string back(data.size() + 10, '\0');
  back.resize(spool.read(back.data(), back.size()));
  EXPECT_EQ(back, data);
  EXPECT_EQ(spool.size(), data.size());
}

}  // namespace
}  // namespace antq::http
