#pragma once
// Forms that may carry files: multipart/form-data (files go to a FileIntake as they are
// read) or, without files, application/x-www-form-urlencoded.
#include "http/message.hpp"
#include "modules/mailbox/files.hpp"
#include "platform/error.hpp"

namespace antq::http {

struct FormWithFiles {
  http::Fields fields;
  // Why the files were refused (then none was kept; the text fields are still read, so
  // that a form can be shown again with what the person wrote).
  std::vector<FieldError> file_errors;
  bool had_files = false;  // the request carried at least one file
};

// The text fields of the request; file parts named "files" go to `intake`. Throws
// unsupported_media_type for other content types, malformed_body for broken ones.
FormWithFiles read_form_with_files(const http::Request& req, mailbox::FileIntake& intake);
// The same, throwing the files' validation error if there is one.
http::Fields read_form_and_files(const http::Request& req, mailbox::FileIntake& intake);

// True when the request is multipart/form-data.
bool is_multipart(const http::Request& req);

// The upload limit of a route taking `limits` files: all of them at their largest, plus
// room for the text fields.
std::size_t upload_limit(const mailbox::FileLimits& limits);

}  // namespace antq::http
