#include "modules/cameras/row_reader.hpp"

#include <algorithm>
#include <memory>
#include <utility>

#include "modules/cameras/repo.hpp"

namespace antq::cameras {

struct RowReader::Round {
  std::deque<Asked> batch;
  bool taken = false;
  std::vector<Camera> rows;  // by id
};

RowReader::~RowReader() {
  std::unique_lock lock(mutex_);
  idle_.wait(lock, [this] { return rounds_ == 0; });
}

void RowReader::read_then(std::vector<std::int64_t> ids, Then then) {
  {
    std::lock_guard lock(mutex_);
    asked_.push_back(Asked{std::move(ids), std::move(then)});
    if (queued_) return;  // the queued round takes these too
    queued_ = true;
    ++rounds_;
  }
  queue_round();
}

std::size_t RowReader::statements() const {
  std::lock_guard lock(mutex_);
  return statements_;
}

void RowReader::queue_round() {
  try {
    hand_over(std::make_shared<Round>());
  } catch (...) {  // not handed over: those waiting fail with it
    Round round;
    take(round);
    answer(round.batch, {}, std::current_exception());
    round_done();
  }
}

void RowReader::hand_over(const std::shared_ptr<Round>& round) {
  db_.read_then(
      [this, round](db::Tx& tx) {
        take(*round);
        std::vector<std::int64_t> all;
        for (const auto& a : round->batch) all.insert(all.end(), a.ids.begin(), a.ids.end());
        std::sort(all.begin(), all.end());
        all.erase(std::unique(all.begin(), all.end()), all.end());
        tx.next_is_last();
        round->rows = repo::get_many(tx, all);
      },
      [this, round](std::exception_ptr error) {
        take(*round);  // the transaction never began: those waiting fail with it
        answer(round->batch, round->rows, error);
        round->batch.clear();  // what the answers held goes while the reader is still there
        round_done();
      });
}

void RowReader::take(Round& round) {
  if (round.taken) return;
  round.taken = true;
  std::lock_guard lock(mutex_);
  round.batch.swap(asked_);
  queued_ = false;
  ++statements_;
}

void RowReader::answer(std::deque<Asked>& batch, const std::vector<Camera>& rows, std::exception_ptr error) {
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

// Last: the reader may be gone as soon as it is told.
void RowReader::round_done() {
  std::lock_guard lock(mutex_);
  --rounds_;
  idle_.notify_all();
}

}  // namespace antq::cameras
