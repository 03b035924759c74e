#include "platform/sms/spool.hpp"

#include <fcntl.h>
#include <unicode/unistr.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <stdexcept>

#include "platform/text/text.hpp"

namespace antq::sms {
namespace {

constexpr time::Millis kLocalOffset = 7LL * 3600 * 1000;  // Asia/Ho_Chi_Minh, no summer time

bool safe_note(std::string_view note) {
  for (char c : note) {
    bool alnum = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    if (!alnum) return false;
  }
  return !note.empty();
}

bool safe_number(std::string_view e164) {
  if (e164.size() < 4 || e164.front() != '+') return false;
  for (char c : e164.substr(1)) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

std::string two(long long n) { return (n < 10 ? "0" : "") + std::to_string(n); }

[[noreturn]] void fail(const std::string& what, const std::filesystem::path& path) {
  throw std::runtime_error("SMS spool: cannot " + what + " " + path.string() + ": " + std::strerror(errno));
}

void write_all(int fd, const std::string& bytes, const std::filesystem::path& path) {
  std::size_t done = 0;
  while (done < bytes.size()) {
    auto n = ::write(fd, bytes.data() + done, bytes.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) fail("write", path);
    done += static_cast<std::size_t>(n);
  }
}

}  // namespace

std::string spool_name(const SpoolMessage& m) {
  if (!safe_number(m.e164)) throw std::invalid_argument("SMS spool: not an E.164 number");
  if (!safe_note(m.note)) throw std::invalid_argument("SMS spool: the note must be letters and digits");
  auto date = time::local_date(m.at);  // yyyy-mm-dd
  long long seconds = ((m.at + kLocalOffset) / 1000) % 86400;
  std::string compact_date = date.substr(0, 4) + date.substr(5, 2) + date.substr(8, 2);
  return "OUTA" + compact_date + "_" + two(seconds / 3600) + two(seconds / 60 % 60) + two(seconds % 60) + "_00_" +
         m.e164 + "_" + m.note + ".txt";
}

std::string utf16le_with_bom(std::string_view utf8) {
  if (!text::is_valid_utf8(utf8)) throw std::invalid_argument("SMS text is not UTF-8");
  auto unicode = icu::UnicodeString::fromUTF8(icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
  std::string out = "\xFF\xFE";
  out.reserve(2 + 2 * static_cast<std::size_t>(unicode.length()));
  for (int32_t i = 0; i < unicode.length(); ++i) {
    char16_t unit = unicode.charAt(i);
    out.push_back(static_cast<char>(unit & 0xFF));
    out.push_back(static_cast<char>(unit >> 8));
  }
  return out;
}

std::string spool(const std::filesystem::path& outbox, const SpoolMessage& m) {
  auto name = spool_name(m);
  auto content = utf16le_with_bom(m.text);
  auto temporary = outbox / (".antq-" + name.substr(3) + ".part");  // gammu reads OUT* only
  auto final_path = outbox / name;
  int fd = ::open(temporary.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0640);
  if (fd < 0) fail("create a file in", outbox);
  try {
    write_all(fd, content, temporary);
    if (::fsync(fd) != 0) fail("flush", temporary);
  } catch (...) {
    ::close(fd);
    ::unlink(temporary.c_str());
    throw;
  }
  ::close(fd);
  if (::rename(temporary.c_str(), final_path.c_str()) != 0) {
    ::unlink(temporary.c_str());
    fail("rename into", final_path);
  }
  return name;
}

}  // namespace antq::sms
