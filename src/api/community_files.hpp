#pragma once
// What the community routes share about records made on phones and files sent with them:
// the {id} of an offline record, a file's JSON, and one file read from a multipart body.
#include <boost/json.hpp>

#include <cstddef>
#include <string>

#include "http/message.hpp"
#include "modules/community/model.hpp"
#include "modules/community/offline.hpp"

namespace antq::api {

// The {id} of a record made on a phone: its UUID; 404 naming `what` when it is not one.
std::string record_id(const http::Request& req, const char* what);

// The answer to an offline record's PUT: 201 when inserted, 200 when replayed (nothing
// written) or updated, with the record under `key` and the outcome; a stale base version
// is the service's 409.
template <class Record, class ToJson>
http::Response written_response(const community::Written<Record>& written, const char* key, ToJson to_json) {
  int status = written.outcome == community::Outcome::inserted ? 201 : 200;
  return http::Response::json(
      status, boost::json::object{{key, to_json(written.record)}, {"outcome", std::string(code_of(written.outcome))}});
}

// `{items: [...]}` of records, each as `to_json` writes it.
template <class Records, class ToJson>
http::Response items_response(const Records& records, ToJson to_json) {
  boost::json::array items;
  for (const auto& r : records) items.push_back(to_json(r));
  return http::Response::json(200, boost::json::object{{"items", std::move(items)}});
}

boost::json::object community_file_json(const community::CommunityFile& f);

// One file as multipart/form-data: the part "file" with its file name (another part is
// `<name>: unknown_value`, a second file `file: too_many`). At most `keep` bytes are kept,
// so that a file past the service's limit is refused by the service (file_too_large); a
// body that is not multipart is a 415.
struct Upload {
  std::string name;
  std::string bytes;
};
Upload read_upload(http::Request& req, std::size_t keep);

}  // namespace antq::api
