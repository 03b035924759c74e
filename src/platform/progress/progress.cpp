#include "platform/progress/progress.hpp"

#include <fmt/format.h>

#include <cmath>

namespace antq {
namespace {

constexpr double kTerminalInterval = 0.1;  // ten redraws a second at most
constexpr double kLogInterval = 5.0;

// 1234567 -> "1.234.567" (Vietnamese digit grouping).
std::string grouped(std::size_t n) {
  std::string digits = std::to_string(n);
  std::string out;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i && (digits.size() - i) % 3 == 0) out.push_back('.');
    out.push_back(digits[i]);
  }
  return out;
}

std::string duration(double seconds) {
  auto s = static_cast<long long>(std::llround(seconds));
  if (s < 60) return fmt::format("{} giây", s);
  if (s < 3600) return fmt::format("{} phút {} giây", s / 60, s % 60);
  return fmt::format("{} giờ {} phút", s / 3600, (s % 3600) / 60);
}

}  // namespace

Progress::Progress(std::string label, std::ostream& out, bool terminal, Seconds now)
    : label_(std::move(label)), out_(out), terminal_(terminal), now_(std::move(now)), started_(now_()) {}

double Progress::steady_seconds() {
  return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

std::string Progress::line(std::size_t done, std::size_t total, double elapsed) {
  std::string out = grouped(done);
  if (total > 0) {
    out += fmt::format(" / {} ({}%)", grouped(total), done * 100 / total);
  }
  if (elapsed > 0 && done > 0) {
    double rate = static_cast<double>(done) / elapsed;
    out += fmt::format(", {}/giây", grouped(static_cast<std::size_t>(std::llround(rate))));
    if (total > done) out += ", còn ~" + duration(static_cast<double>(total - done) / rate);
  }
  return out;
}

void Progress::update(std::size_t done, std::size_t total) {
  done_ = done;
  total_ = total;
  double now = now_();
  if (now - last_write_ < (terminal_ ? kTerminalInterval : kLogInterval)) return;
  last_write_ = now;
  write();
}

void Progress::finish() {
  if (finished_) return;
  finished_ = true;
  write();
  if (terminal_) out_ << "\n";
  out_.flush();
}

void Progress::write() {
  std::string text = label_ + ": " + line(done_, total_, now_() - started_);
  if (terminal_) {
    out_ << "\r\x1b[2K" << text;  // back to the line's start, clear it, redraw
  } else {
    out_ << text << "\n";
  }
  out_.flush();
}

}  // namespace antq
