#include "modules/cameras/row_reader.hpp"

#include <algorithm>
#include <utility>

#include "modules/cameras/repo.hpp"

namespace antq::cameras {

RowReader::~RowReader() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  cv_.notify_one();
  if (thread_.joinable()) thread_.join();
}

void RowReader::read_then(std::vector<std::int64_t> ids, Then then) {
  {
    std::lock_guard lock(mutex_);
    if (!thread_.joinable()) thread_ = std::thread([this] { run(); });
    asked_.push_back(Asked{std::move(ids), std::move(then)});
  }
  cv_.notify_one();
}

std::size_t RowReader::statements() const {
  std::lock_guard lock(mutex_);
  return statements_;
}

void RowReader::run() {
  while (true) {
    std::deque<Asked> batch;
    {
      std::unique_lock lock(mutex_);
      cv_.wait(lock, [this] { return stopping_ || !asked_.empty(); });
      if (asked_.empty()) return;
      batch.swap(asked_);
      ++statements_;
    }
    answer(batch);
  }
}

void RowReader::answer(std::deque<Asked>& batch) {
  std::vector<std::int64_t> all;
  for (const auto& a : batch) all.insert(all.end(), a.ids.begin(), a.ids.end());
  std::sort(all.begin(), all.end());
  all.erase(std::unique(all.begin(), all.end()), all.end());
  std::vector<Camera> rows;
  std::exception_ptr error;
  try {
    db_.read([&](db::Tx& tx) {
      tx.next_is_last();
      rows = repo::get_many(tx, all);  // by id
    });
  } catch (...) {
    error = std::current_exception();
  }
  for (auto& a : batch) {
    std::vector<Camera> mine;
    if (!error) {
      for (auto id : a.ids) {
        auto row =
            std::lower_bound(rows.begin(), rows.end(), id, [](const Camera& r, std::int64_t v) { return r.id < v; });
        if (row != rows.end() && row->id == id) mine.push_back(*row);
      }
    }
    a.then(std::move(mine), error);
  }
}

}  // namespace antq::cameras
