#pragma once
// Serialized unit trees, kept while the units version stays the same. The key carries
// the caller's scope, so a cached body is only ever served to callers with that scope.
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>

namespace antq::units {

class TreeCache {
 public:
  // The body for (version, key), built with `build` when missing. Thread-safe; a newer
  // version drops every older entry.
  std::shared_ptr<const std::string> get(std::int64_t version, const std::string& key,
                                         const std::function<std::string()>& build) {
    {
      std::lock_guard lock(mutex_);
      if (version == version_) {
        auto it = entries_.find(key);
        if (it != entries_.end()) return it->second;
      }
    }
    auto body = std::make_shared<const std::string>(build());
    std::lock_guard lock(mutex_);
    if (version > version_) {
      entries_.clear();
      version_ = version;
    }
    if (version == version_ && entries_.size() < kMaxEntries) entries_[key] = body;
    return body;
  }

 private:
  static constexpr std::size_t kMaxEntries = 256;
  std::mutex mutex_;
  std::int64_t version_ = 0;
  std::map<std::string, std::shared_ptr<const std::string>> entries_;
};

}  // namespace antq::units
