#include "http/static_files.hpp"

#include <fstream>
#include <sstream>

#include "platform/crypto/crypto.hpp"
#include "platform/error.hpp"

namespace antq::http {
namespace {

std::string content_type_of(const std::string& path) {
  static const std::pair<const char*, const char*> types[] = {{".html", "text/html; charset=utf-8"},
                                                              {".js", "text/javascript; charset=utf-8"},
                                                              {".css", "text/css; charset=utf-8"},
                                                              {".json", "application/json; charset=utf-8"},
                                                              {".svg", "image/svg+xml"},
                                                              {".png", "image/png"},
                                                              {".ico", "image/x-icon"},
                                                              {".woff2", "font/woff2"},
                                                              {".woff", "font/woff"},
                                                              {".txt", "text/plain; charset=utf-8"},
                                                              {".webmanifest", "application/manifest+json"},
                                                              {".pmtiles", "application/octet-stream"}};
  for (const auto& [ext, type] : types) {
    if (path.ends_with(ext)) return type;
  }
  return "application/octet-stream";
}

std::optional<std::string> read_file(const std::filesystem::path& p) {
  std::error_code ec;
  if (!std::filesystem::is_regular_file(p, ec)) return std::nullopt;
  std::ifstream in(p, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

bool accepts_gzip(const Request& req) {
  auto ae = req.header("accept-encoding");
  return ae && ae->find("gzip") != std::string::npos;
}

}  // namespace

std::shared_ptr<const StaticFiles::Entry> StaticFiles::load(const std::string& relative) const {
  {
    std::lock_guard lock(mutex_);
    auto it = cache_.find(relative);
    if (it != cache_.end()) return it->second;
  }
  auto content = read_file(root_ / relative);
  if (!content) return nullptr;
  auto e = std::make_shared<Entry>();
  e->content = std::make_shared<const std::string>(std::move(*content));
  if (auto gz = read_file(root_ / (relative + ".gz"))) e->gzip = std::make_shared<const std::string>(std::move(*gz));
  e->etag = "\"" + crypto::blake2b_hex(*e->content).substr(0, 20) + "\"";
  e->content_type = content_type_of(relative);
  std::lock_guard lock(mutex_);
  cache_[relative] = e;
  return e;
}

Response StaticFiles::serve(const Request& req) const {
  std::string relative = req.path.empty() ? "" : req.path.substr(1);
  // Decoded paths may carry "..", backslashes or NUL: refuse, never normalise.
  if (relative.find('\0') != std::string::npos || relative.find('\\') != std::string::npos) {
    throw Error::of(Error::Kind::bad_path, "bad characters in path");
  }
  std::stringstream segments(relative);
  std::string part;
  while (std::getline(segments, part, '/')) {
    if (part == ".." || part == ".") throw Error::of(Error::Kind::bad_path, "dot segment in path");
  }
  if (relative.empty() || relative.back() == '/') relative += "index.html";
  auto entry = load(relative);
  bool spa_route = false;
  if (!entry) {
    auto last = relative.substr(relative.find_last_of('/') + 1);
    if (last.find('.') != std::string::npos) throw Error::not_found("static file " + relative);
    entry = load("index.html");  // a client-side route of the SPA
    spa_route = true;
    if (!entry) throw Error::not_found("web/dist/index.html is missing: build the web app");
  }
  Response r;
  r.set("Content-Type", entry->content_type);
  r.set("ETag", entry->etag);
  bool immutable = relative.rfind("assets/", 0) == 0 && !spa_route;
  r.set("Cache-Control", immutable ? "public, max-age=31536000, immutable" : "no-cache");
  r.set("Vary", "Accept-Encoding");
  if (auto inm = req.header("if-none-match"); inm && *inm == entry->etag) {
    r.status = 304;
    return r;
  }
  if (entry->gzip && accepts_gzip(req)) {
    r.shared_body = entry->gzip;
    r.set("Content-Encoding", "gzip");
  } else {
    r.shared_body = entry->content;
  }
  return r;
}

}  // namespace antq::http
