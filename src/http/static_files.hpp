#pragma once
// The staff SPA's built files (web/dist): ETag, precompressed .gz twins, index.html for
// unknown non-API paths (client-side routes), no path traversal.
#include <filesystem>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>

#include "http/message.hpp"

namespace antq::http {

class StaticFiles {
 public:
  explicit StaticFiles(std::filesystem::path root) : root_(std::move(root)) {}
  // Throws Error bad_path / not_found.
  Response serve(const Request& req) const;
  const std::filesystem::path& root() const { return root_; }

 private:
  struct Entry {
    std::shared_ptr<const std::string> content;
    std::shared_ptr<const std::string> gzip;  // null when there is no .gz twin
    std::string etag;
    std::string content_type;
  };
  std::shared_ptr<const Entry> load(const std::string& relative) const;

  std::filesystem::path root_;
  mutable std::mutex mutex_;
  mutable std::unordered_map<std::string, std::shared_ptr<const Entry>> cache_;
};

}  // namespace antq::http
