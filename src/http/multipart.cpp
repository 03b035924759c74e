#include "http/multipart.hpp"

#include <algorithm>
#include <array>

#include "platform/error.hpp"
#include "platform/text/text.hpp"

namespace antq::http {
namespace {

[[noreturn]] void broken(const std::string& why) { throw Error::of(Error::Kind::malformed_body, "multipart: " + why); }

std::string lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return std::tolower(c); });
  return out;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

// A parameter of a header value: name="value" or name=value.
std::optional<std::string> header_param(std::string_view value, std::string_view name) {
  std::size_t at = 0;
  while ((at = value.find(';', at)) != std::string_view::npos) {
    ++at;
    auto rest = trim(value.substr(at));
    if (lower(rest.substr(0, name.size())) != name || rest.size() <= name.size() || rest[name.size()] != '=') continue;
    rest.remove_prefix(name.size() + 1);
    std::string out;
    if (!rest.empty() && rest.front() == '"') {
      for (std::size_t i = 1; i < rest.size(); ++i) {
        if (rest[i] == '\\' && i + 1 < rest.size()) {
          out.push_back(rest[++i]);
        } else if (rest[i] == '"') {
          return out;
        } else {
          out.push_back(rest[i]);
        }
      }
      broken("unterminated quoted parameter");
    }
    return std::string(trim(rest.substr(0, rest.find(';'))));
  }
  return std::nullopt;
}

// Reads the body through a window, looking for delimiters.
class Window {
 public:
  explicit Window(BodySource& body) : body_(body) {}

  // Makes at least `n` bytes available unless the body ends first.
  bool fill(std::size_t n) {
    while (buffer_.size() - at_ < n) {
      if (at_ > 0) {
        buffer_.erase(0, at_);
        at_ = 0;
      }
      std::array<char, std::size_t{64} * 1024> chunk{};
      auto got = body_.read(chunk.data(), chunk.size());
      if (got == 0) return false;
      buffer_.append(chunk.data(), got);
    }
    return true;
  }
  std::string_view view() const { return std::string_view(buffer_).substr(at_); }
  void skip(std::size_t n) { at_ += n; }

  // Bytes up to `delimiter`, handed to `sink` in pieces; consumes the delimiter.
  // Past `limit` bytes: payload_too_large.
  void until(std::string_view delimiter, const std::function<void(std::string_view)>& sink, std::size_t limit) {
    std::size_t total = 0;
    for (;;) {
      auto v = view();
      auto found = v.find(delimiter);
      std::size_t safe = found != std::string_view::npos ? found
                         : v.size() >= delimiter.size()  ? v.size() - delimiter.size() + 1
                                                         : 0;
      if (safe > 0) {
        total += safe;
        if (total > limit) throw Error::of(Error::Kind::payload_too_large, "multipart part too large");
        sink(v.substr(0, safe));
        skip(safe);
      }
      if (found != std::string_view::npos) {
        skip(delimiter.size());
        return;
      }
      if (!fill(delimiter.size() + 1) && view().size() < delimiter.size()) broken("unexpected end of body");
    }
  }

 private:
  BodySource& body_;
  std::string buffer_;
  std::size_t at_ = 0;
};

struct PartHead {
  std::string field;
  std::optional<std::string> filename;
};

PartHead read_part_head(Window& w, const MultipartLimits& limits) {
  std::string head;
  w.until(
      "\r\n\r\n", [&](std::string_view s) { head.append(s); }, limits.header_bytes);
  PartHead part;
  bool disposition = false;
  std::size_t at = 0;
  while (at < head.size()) {
    auto end = head.find("\r\n", at);
    if (end == std::string::npos) end = head.size();
    std::string_view line(head.data() + at, end - at);
    at = end + 2;
    auto colon = line.find(':');
    if (colon == std::string_view::npos) broken("bad part header");
    if (lower(trim(line.substr(0, colon))) != "content-disposition") continue;
    auto value = line.substr(colon + 1);
    if (lower(trim(value.substr(0, value.find(';')))) != "form-data") broken("part is not form-data");
    auto name = header_param(value, "name");
    if (!name) broken("part without a name");
    part.field = *name;
    part.filename = header_param(value, "filename");
    disposition = true;
  }
  if (!disposition) broken("part without Content-Disposition");
  return part;
}

}  // namespace

std::optional<std::string> multipart_boundary(std::string_view content_type) {
  auto type = lower(trim(content_type.substr(0, content_type.find(';'))));
  if (type != "multipart/form-data") return std::nullopt;
  auto boundary = header_param(content_type, "boundary");
  if (!boundary || boundary->empty() || boundary->size() > 70) return std::nullopt;
  return boundary;
}

Fields read_multipart(BodySource& body, const std::string& boundary, const MultipartHandler& handler,
                      const MultipartLimits& limits) {
  Window w(body);
  const std::string first = "--" + boundary;
  const std::string delimiter = "\r\n--" + boundary;
  // Anything before the first boundary is a preamble and is ignored.
  w.until(
      first, [](std::string_view) {}, limits.header_bytes);
  Fields fields;
  for (;;) {
    if (!w.fill(2)) broken("unexpected end of body");
    auto after = w.view().substr(0, 2);
    w.skip(2);
    if (after == "--") return fields;
    if (after != "\r\n") broken("bad boundary line");
    auto part = read_part_head(w, limits);
    if (part.filename) {
      bool begun = false;
      auto begin = [&] {
        if (!begun) handler.file_begin(part.field, *part.filename);
        begun = true;
      };
      if (!part.filename->empty()) begin();
      w.until(
          delimiter,
          [&](std::string_view bytes) {
            begin();
            handler.file_data(bytes);
          },
          static_cast<std::size_t>(-1));
      if (begun) handler.file_end();
      continue;
    }
    if (fields.size() >= limits.fields) throw Error::of(Error::Kind::payload_too_large, "too many form fields");
    std::string value;
    w.until(
        delimiter, [&](std::string_view s) { value.append(s); }, limits.field_bytes);
    if (!text::is_valid_utf8(value) || !text::is_valid_utf8(part.field)) throw Error::of(Error::Kind::invalid_utf8);
    fields.emplace_back(part.field, std::move(value));
  }
}

}  // namespace antq::http
