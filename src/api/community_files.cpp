#include "api/community_files.hpp"

#include <algorithm>

#include "http/multipart.hpp"
#include "modules/community/offline.hpp"
#include "platform/error.hpp"

namespace antq::api {

std::string record_id(const http::Request& req, const char* what) {
  auto it = req.params.find("id");
  if (it == req.params.end() || !community::valid_record_id(it->second)) throw Error::not_found(what);
  return it->second;
}

boost::json::object community_file_json(const community::CommunityFile& f) {
  return boost::json::object{{"id", f.id}, {"name", f.name}, {"mime", f.mime}, {"size", f.size}, {"sha256", f.sha256}};
}

Upload read_upload(http::Request& req, std::size_t keep) {
  auto boundary = http::multipart_boundary(req.header("content-type").value_or(""));
  if (!boundary) throw Error::of(Error::Kind::unsupported_media_type, "expected multipart/form-data");
  Upload out;
  int files = 0;
  http::MultipartHandler handler{
      [&](const std::string& field, const std::string& filename) {
        if (field != "file") throw Error::field(field, "unknown_value");
        if (++files > 1) throw Error::field("file", "too_many");
        out.name = filename;
      },
      [&](std::string_view chunk) {
        auto room = keep - std::min(keep, out.bytes.size());
        out.bytes.append(chunk.substr(0, std::min(room, chunk.size())));
      },
      [] {},
  };
  http::read_multipart(*req.body_source(), *boundary, handler);
  return out;
}

}  // namespace antq::api
