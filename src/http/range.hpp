#pragma once
// Byte ranges (RFC 9110 §14): what part of a file a GET with Range asks for, and the
// file sent that way. antq serves one range per request, which is what map clients
// (PMTiles) ask for.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "http/message.hpp"

namespace antq::http {

struct ByteRange {
  std::uint64_t first = 0;
  std::uint64_t last = 0;  // inclusive
  std::uint64_t length() const { return last - first + 1; }
};

enum class RangeAsk { whole, one, refused };

struct RangeAnswer {
  RangeAsk ask = RangeAsk::whole;
  ByteRange range;  // for `one`
};

// The answer to `range_header` (nullopt: none) for a representation of `size` bytes:
// whole when there is none or it is not in bytes; one range ("bytes=0-99", "bytes=100-",
// "bytes=-100", cut to the size); refused (416) when it is malformed, starts past the end,
// or asks for several ranges.
RangeAnswer answer_range(const std::optional<std::string>& range_header, std::uint64_t size);

// A file sent whole (200) or in part (206, Content-Range), or 416 with the size; ETag
// from its size and modification time, and If-Range honoured (a stale validator gets
// the whole file). The file is read piece by piece on the worker. Throws not_found when
// the file cannot be opened.
Response file_response(const Request& req, const std::string& path, std::string content_type);

}  // namespace antq::http
