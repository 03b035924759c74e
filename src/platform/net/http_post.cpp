#include "platform/net/http_post.hpp"

#include <curl/curl.h>

#include <algorithm>
#include <memory>
#include <mutex>

namespace antq::net {
namespace {

void init_once() {
  static std::once_flag once;
  std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

struct EasyDeleter {
  void operator()(CURL* handle) const { curl_easy_cleanup(handle); }
};
struct ListDeleter {
  void operator()(curl_slist* list) const { curl_slist_free_all(list); }
};

std::size_t keep_body(char* data, std::size_t size, std::size_t count, void* user) {
  auto* body = static_cast<std::string*>(user);
  std::size_t n = size * count;
  if (body->size() < HttpAnswer::kMaxBody) body->append(data, std::min(n, HttpAnswer::kMaxBody - body->size()));
  return n;  // the rest is read and dropped, so that the transfer ends normally
}

HttpAnswer::Failure failure_of(CURLcode code) {
  switch (code) {
    case CURLE_OPERATION_TIMEDOUT:
      return HttpAnswer::Failure::timeout;
    case CURLE_COULDNT_CONNECT:
    case CURLE_COULDNT_RESOLVE_HOST:
      return HttpAnswer::Failure::connect;
    case CURLE_URL_MALFORMAT:
    case CURLE_UNSUPPORTED_PROTOCOL:
      return HttpAnswer::Failure::bad_url;
    default:
      return HttpAnswer::Failure::other;
  }
}

}  // namespace

HttpAnswer post(const HttpPost& request) {
  init_once();
  HttpAnswer answer;
  std::unique_ptr<CURL, EasyDeleter> easy(curl_easy_init());
  if (!easy) {
    answer.failure = HttpAnswer::Failure::other;
    answer.error = "curl_easy_init failed";
    return answer;
  }
  curl_slist* raw = curl_slist_append(nullptr, ("Content-Type: " + request.content_type).c_str());
  for (const auto& [name, value] : request.headers) {
    std::string line = name;
    line.append(": ").append(value);
    raw = curl_slist_append(raw, line.c_str());
  }
  raw = curl_slist_append(raw, "Expect:");  // no "100-continue" round trip on larger bodies
  std::unique_ptr<curl_slist, ListDeleter> headers(raw);

  char message[CURL_ERROR_SIZE] = {};
  CURL* h = easy.get();
  curl_easy_setopt(h, CURLOPT_URL, request.url.c_str());
  curl_easy_setopt(h, CURLOPT_PROTOCOLS_STR, "http,https");
  curl_easy_setopt(h, CURLOPT_FOLLOWLOCATION, 0L);
  curl_easy_setopt(h, CURLOPT_NOSIGNAL, 1L);  // timeouts without SIGALRM, safe in threads
  curl_easy_setopt(h, CURLOPT_CONNECTTIMEOUT_MS, static_cast<long>(request.connect_timeout.count()));
  curl_easy_setopt(h, CURLOPT_TIMEOUT_MS, static_cast<long>(request.total_timeout.count()));
  curl_easy_setopt(h, CURLOPT_HTTPHEADER, headers.get());
  curl_easy_setopt(h, CURLOPT_POST, 1L);
  curl_easy_setopt(h, CURLOPT_POSTFIELDS, request.body.data());
  curl_easy_setopt(h, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(request.body.size()));
  curl_easy_setopt(h, CURLOPT_USERAGENT, "antq");
  curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, keep_body);
  curl_easy_setopt(h, CURLOPT_WRITEDATA, &answer.body);
  curl_easy_setopt(h, CURLOPT_ERRORBUFFER, message);

  CURLcode code = curl_easy_perform(h);
  if (code != CURLE_OK) {
    answer.failure = failure_of(code);
    answer.error = message[0] != '\0' ? message : curl_easy_strerror(code);
    answer.body.clear();
    return answer;
  }
  curl_easy_getinfo(h, CURLINFO_RESPONSE_CODE, &answer.status);
  return answer;
}

}  // namespace antq::net
