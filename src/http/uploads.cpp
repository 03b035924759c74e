#include "http/uploads.hpp"

#include <functional>

#include "http/multipart.hpp"
#include "platform/error.hpp"

namespace antq::http {

bool is_multipart(const http::Request& req) {
  return http::multipart_boundary(req.header("content-type").value_or("")).has_value();
}

FormWithFiles read_form_with_files(const http::Request& req, mailbox::FileIntake& intake) {
  FormWithFiles out;
  auto type = req.header("content-type").value_or("");
  auto boundary = http::multipart_boundary(type);
  if (!boundary) {
    if (type.rfind("application/x-www-form-urlencoded", 0) != 0) {
      throw Error::of(Error::Kind::unsupported_media_type, "expected a form");
    }
    out.fields = http::parse_form(req.text_body());
    return out;
  }
  // After the first refusal the rest of the files is skipped, the fields still read.
  auto guarded = [&](const std::function<void()>& step) {
    if (!out.file_errors.empty()) return;
    try {
      step();
    } catch (const Error& e) {
      if (e.kind() != Error::Kind::validation) throw;
      out.file_errors = e.fields();
    }
  };
  http::MultipartHandler handler{
      [&](const std::string& field, const std::string& filename) {
        out.had_files = true;
        if (field != "files") throw Error::field(field, "unknown_value");
        guarded([&] { intake.begin(filename); });
      },
      [&](std::string_view bytes) { guarded([&] { intake.data(bytes); }); },
      [&] { guarded([&] { intake.end(); }); },
  };
  out.fields = http::read_multipart(*req.body_source(), *boundary, handler);
  return out;
}

http::Fields read_form_and_files(const http::Request& req, mailbox::FileIntake& intake) {
  auto form = read_form_with_files(req, intake);
  if (!form.file_errors.empty()) throw Error::validation(form.file_errors);
  return std::move(form.fields);
}

std::size_t upload_limit(const mailbox::FileLimits& limits) {
  return limits.max_files * limits.max_bytes + 1024 * 1024;
}

}  // namespace antq::http
