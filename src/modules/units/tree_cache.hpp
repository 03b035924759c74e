#pragma once
// Values derived from the units tree (a serialized tree, the ids under a unit), kept while
// the units version stays the same. The key carries everything else that decides the
// value (for a tree, the caller's scope), so a cached value only reaches callers who would
// get the same one.
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>

namespace antq::units {

template <typename Value>
class VersionedCache {
 public:
  // The value kept for `key` at the newest version seen, if any.
  std::shared_ptr<const Value> newest(const std::string& key) {
    std::lock_guard lock(mutex_);
    auto it = entries_.find(key);
    return it == entries_.end() ? nullptr : it->second;
  }

  // The value for (version, key), built with `build` when missing. Thread-safe; a newer
  // version drops every older entry.
  std::shared_ptr<const Value> get(std::int64_t version, const std::string& key, const std::function<Value()>& build) {
    {
      std::lock_guard lock(mutex_);
      if (version == version_) {
        auto it = entries_.find(key);
        if (it != entries_.end()) return it->second;
      }
    }
    auto value = std::make_shared<const Value>(build());
    std::lock_guard lock(mutex_);
    if (version > version_) {
      entries_.clear();
      version_ = version;
    }
    if (version == version_ && entries_.size() < kMaxEntries) entries_[key] = value;
    return value;
  }

 private:
  static constexpr std::size_t kMaxEntries = 256;
  std::mutex mutex_;
  std::int64_t version_ = 0;
  std::map<std::string, std::shared_ptr<const Value>> entries_;
};

using TreeCache = VersionedCache<std::string>;

}  // namespace antq::units
