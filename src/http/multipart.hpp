#pragma once
// A streaming multipart/form-data reader (RFC 7578): fields are collected whole (they are
// small), file parts are handed over in pieces as they are read, so that an upload is
// never held whole in memory.
#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "http/body.hpp"
#include "http/message.hpp"

namespace antq::http {

// The boundary of a "multipart/form-data; boundary=…" content type; nullopt otherwise.
std::optional<std::string> multipart_boundary(std::string_view content_type);

struct MultipartHandler {
  // A file part begins (`filename` as the client sent it; `field` is the form field).
  std::function<void(const std::string& field, const std::string& filename)> file_begin;
  std::function<void(std::string_view bytes)> file_data;
  std::function<void()> file_end;
};

struct MultipartLimits {
  std::size_t field_bytes = std::size_t{64} * 1024;  // one text field
  std::size_t fields = 64;                           // how many text fields
  std::size_t header_bytes = std::size_t{8} * 1024;  // one part's headers
};

// Reads the whole body: returns the text fields in order (values must be UTF-8) and
// calls the handler for each file part with a file name. A file input left empty by the
// browser (no file name, no bytes) is skipped. Throws Error malformed on a broken body,
// invalid_utf8 on a bad field, payload_too_large past the limits.
Fields read_multipart(BodySource& body, const std::string& boundary, const MultipartHandler& handler,
                      const MultipartLimits& limits = {});

}  // namespace antq::http
