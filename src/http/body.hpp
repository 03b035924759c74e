#pragma once
// Request bodies read in pieces. Most bodies are small strings; file uploads are spooled
// by the server into an anonymous temporary file, encrypted under a key that lives only
// in memory for the request, so that neither memory nor the disk ever holds a whole
// upload in the clear.
#include <cstddef>
#include <memory>
#include <string>
#include <string_view>

namespace antq::http {

// Reads a body once, in order.
class BodySource {
 public:
  virtual ~BodySource() = default;
  // Up to `n` bytes into `out`; 0 at the end.
  virtual std::size_t read(char* out, std::size_t n) = 0;
};

class StringSource : public BodySource {
 public:
  explicit StringSource(std::string_view body) : body_(body) {}
  std::size_t read(char* out, std::size_t n) override;

 private:
  std::string_view body_;
  std::size_t at_ = 0;
};

// An upload written piece by piece by the server, then read back by one handler.
class SpooledBody : public BodySource {
 public:
  // Opens an unnamed temporary file in `dir` (removed when this object goes).
  explicit SpooledBody(const std::string& dir);
  ~SpooledBody() override;
  SpooledBody(const SpooledBody&) = delete;
  SpooledBody& operator=(const SpooledBody&) = delete;

  void append(std::string_view bytes);
  // No more appends: flushes the last piece and rewinds for reading.
  void finish();
  std::size_t size() const { return size_; }
  std::size_t read(char* out, std::size_t n) override;

 private:
  struct State;
  std::unique_ptr<State> state_;
  std::size_t size_ = 0;
};

}  // namespace antq::http
