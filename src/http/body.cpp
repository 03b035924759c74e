#include "http/body.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cstring>
#include <optional>
#include <stdexcept>
#include <system_error>

#include "platform/crypto/box.hpp"
#include "platform/crypto/crypto.hpp"

namespace antq::http {
namespace {

constexpr std::size_t kPiece = std::size_t{64} * 1024;

int open_unnamed(const std::string& dir) {
  int fd = ::open(dir.c_str(), O_TMPFILE | O_RDWR | O_CLOEXEC, 0600);
  if (fd >= 0) return fd;
  std::string path = dir + "/antq-upload-XXXXXX";
  fd = ::mkostemp(path.data(), O_CLOEXEC);
  if (fd < 0) throw std::system_error(errno, std::generic_category(), "cannot create an upload spool in " + dir);
  ::unlink(path.c_str());
  return fd;
}

void write_all(int fd, std::string_view bytes) {
  while (!bytes.empty()) {
    auto n = ::write(fd, bytes.data(), bytes.size());
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) throw std::system_error(errno, std::generic_category(), "upload spool write");
    bytes.remove_prefix(static_cast<std::size_t>(n));
  }
}

bool read_exact(int fd, char* out, std::size_t n) {
  std::size_t got = 0;
  while (got < n) {
    auto r = ::read(fd, out + got, n - got);
    if (r < 0 && errno == EINTR) continue;
    if (r < 0) throw std::system_error(errno, std::generic_category(), "upload spool read");
    if (r == 0) return false;
    got += static_cast<std::size_t>(r);
  }
  return true;
}

}  // namespace

std::size_t StringSource::read(char* out, std::size_t n) {
  std::size_t take = std::min(n, body_.size() - at_);
  std::memcpy(out, body_.data() + at_, take);
  at_ += take;
  return take;
}

// Pieces of 64 KiB, each sealed in a secret stream under a key kept here only.
struct SpooledBody::State {
  int fd = -1;
  std::string key = crypto::random_bytes(crypto::kKeyBytes);
  crypto::StreamEncryptor encryptor{key};
  std::optional<crypto::StreamDecryptor> decryptor;
  std::string pending;  // plaintext not yet written
  std::string ready;    // plaintext read back, not yet returned
  std::size_t ready_at = 0;
  bool finished = false;

  void write_piece(bool last) {
    std::string sealed = encryptor.push(pending, last);
    crypto::wipe(pending);
    pending.clear();
    auto length = static_cast<std::uint32_t>(sealed.size());
    write_all(fd, std::string_view(reinterpret_cast<const char*>(&length), sizeof length));
    write_all(fd, sealed);
  }

  bool read_piece() {
    std::uint32_t length = 0;
    if (decryptor->finished() || !read_exact(fd, reinterpret_cast<char*>(&length), sizeof length)) return false;
    std::string sealed(length, '\0');
    if (!read_exact(fd, sealed.data(), length)) throw std::runtime_error("upload spool truncated");
    auto plain = decryptor->pull(sealed);
    if (!plain) throw std::runtime_error("upload spool altered");
    crypto::wipe(ready);
    ready = std::move(*plain);
    ready_at = 0;
    return true;
  }
};

SpooledBody::SpooledBody(const std::string& dir) : state_(std::make_unique<State>()) {
  state_->fd = open_unnamed(dir);
  write_all(state_->fd, state_->encryptor.header());
}

SpooledBody::~SpooledBody() {
  if (state_->fd >= 0) ::close(state_->fd);
  crypto::wipe(state_->key);
  crypto::wipe(state_->pending);
  crypto::wipe(state_->ready);
}

void SpooledBody::append(std::string_view bytes) {
  if (state_->finished) throw std::logic_error("append after finish");
  size_ += bytes.size();
  while (!bytes.empty()) {
    std::size_t take = std::min(bytes.size(), kPiece - state_->pending.size());
    state_->pending.append(bytes.substr(0, take));
    bytes.remove_prefix(take);
    if (state_->pending.size() == kPiece) state_->write_piece(false);
  }
}

void SpooledBody::finish() {
  if (state_->finished) return;
  state_->write_piece(true);
  state_->finished = true;
  if (::lseek(state_->fd, 0, SEEK_SET) < 0) throw std::system_error(errno, std::generic_category(), "spool rewind");
  std::string header(crypto::StreamEncryptor::kHeaderBytes, '\0');
  if (!read_exact(state_->fd, header.data(), header.size())) throw std::runtime_error("upload spool truncated");
  state_->decryptor.emplace(state_->key, header);
}

std::size_t SpooledBody::read(char* out, std::size_t n) {
  if (!state_->finished) throw std::logic_error("read before finish");
  std::size_t given = 0;
  while (given < n) {
    if (state_->ready_at == state_->ready.size() && !state_->read_piece()) break;
    std::size_t take = std::min(n - given, state_->ready.size() - state_->ready_at);
    // NOLINTNEXTLINE(bugprone-not-null-terminated-result): bytes, not a C string
    std::memcpy(out + given, state_->ready.data() + state_->ready_at, take);
    state_->ready_at += take;
    given += take;
  }
  return given;
}

}  // namespace antq::http
