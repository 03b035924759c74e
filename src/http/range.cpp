#include "http/range.hpp"

#include <charconv>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <memory>
#include <stdexcept>

#include "platform/error.hpp"

namespace antq::http {
namespace {

std::optional<std::uint64_t> number(std::string_view s) {
  if (s.empty()) return std::nullopt;
  std::uint64_t v = 0;
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc{} || end != s.data() + s.size()) return std::nullopt;
  return v;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

constexpr std::size_t kChunk = 64 * 1024;

}  // namespace

RangeAnswer answer_range(const std::optional<std::string>& range_header, std::uint64_t size) {
  if (!range_header) return {};
  std::string_view h = trim(*range_header);
  constexpr std::string_view kBytes = "bytes=";
  if (h.substr(0, kBytes.size()) != kBytes) return {};  // another unit: ignored
  h.remove_prefix(kBytes.size());
  if (h.find(',') != std::string_view::npos) return {RangeAsk::refused, {}};
  auto dash = h.find('-');
  if (dash == std::string_view::npos) return {RangeAsk::refused, {}};
  auto first = number(trim(h.substr(0, dash)));
  auto last = number(trim(h.substr(dash + 1)));
  bool suffix = trim(h.substr(0, dash)).empty();
  if (suffix) {  // "-N": the last N bytes
    if (!last || *last == 0 || size == 0) return {RangeAsk::refused, {}};
    return {RangeAsk::one, {size - std::min(*last, size), size - 1}};
  }
  if (!first || (!trim(h.substr(dash + 1)).empty() && !last) || (last && *last < *first) || *first >= size) {
    return {RangeAsk::refused, {}};
  }
  return {RangeAsk::one, {*first, last ? std::min(*last, size - 1) : size - 1}};
}

Response file_response(const Request& req, const std::string& path, std::string content_type) {
  std::error_code size_error;
  std::error_code time_error;
  auto size = std::filesystem::file_size(path, size_error);
  auto modified = std::filesystem::last_write_time(path, time_error);
  auto file = std::make_shared<std::ifstream>(path, std::ios::binary);
  if (size_error || time_error || !*file) throw Error::not_found("file " + path);
  auto stamp =
      std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::file_clock::to_sys(modified).time_since_epoch())
          .count();
  std::string etag = "\"" + std::to_string(size) + "-" + std::to_string(stamp) + "\"";
  Response res;
  res.set("ETag", etag);
  res.set("Accept-Ranges", "bytes");
  res.set("Cache-Control", "private, no-cache");
  if (req.header("if-none-match") == etag && !req.header("range")) {
    res.status = 304;
    return res;
  }
  auto if_range = req.header("if-range");
  auto answer = answer_range(if_range && *if_range != etag ? std::nullopt : req.header("range"), size);
  if (answer.ask == RangeAsk::refused) {
    res.status = 416;
    res.set("Content-Range", "bytes */" + std::to_string(size));
    return res;
  }
  ByteRange range{0, size == 0 ? 0 : size - 1};
  if (answer.ask == RangeAsk::one) {
    range = answer.range;
    res.status = 206;
    res.set("Content-Range",
            "bytes " + std::to_string(range.first) + "-" + std::to_string(range.last) + "/" + std::to_string(size));
  }
  res.set("Content-Type", std::move(content_type));
  std::uint64_t left = size == 0 ? 0 : range.length();
  file->seekg(static_cast<std::streamoff>(range.first));
  res.stream_length = left;
  res.stream = [file, left]() mutable -> std::optional<std::string> {
    if (left == 0) return std::nullopt;
    std::string chunk(std::min<std::uint64_t>(left, kChunk), '\0');
    file->read(chunk.data(), static_cast<std::streamsize>(chunk.size()));
    // Shorter than promised (the file was cut while being sent): fail, so that the server
    // drops the connection instead of leaving the client waiting for bytes.
    if (file->gcount() <= 0) throw std::runtime_error("file ended before the length sent");
    chunk.resize(static_cast<std::size_t>(file->gcount()));
    left -= chunk.size();
    return chunk;
  };
  return res;
}

}  // namespace antq::http
