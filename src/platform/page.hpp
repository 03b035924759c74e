#pragma once
// One page of a listing and the number of items on all pages: what every paged list
// returns (units, users, audit entries, tips), and what the API renders as
// {"items": […], "total": n}.
#include <cstdint>
#include <vector>

namespace antq {

template <typename T>
struct Page {
  std::vector<T> items;
  std::int64_t total = 0;
};

}  // namespace antq
