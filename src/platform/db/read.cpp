#include "platform/db/read.hpp"

#include "platform/error.hpp"

namespace antq::db {

std::optional<std::string> Reader::opt_blob() {
  auto i = next();
  if (row_.is_null(i)) return std::nullopt;
  return row_.blob(i);
}

std::optional<double> Reader::opt_real() {
  auto i = next();
  if (row_.is_null(i)) return std::nullopt;
  return row_.real(i);
}

std::size_t Reader::next() {
  if (next_ >= row_.size()) {
    throw Error::internal("the reader of " + std::string(query_) + " reads column " + std::to_string(next_ + 1) +
                          " but the row has " + std::to_string(row_.size()));
  }
  return next_++;
}

void Reader::finish() const {
  if (next_ != row_.size()) {
    throw Error::internal("the reader of " + std::string(query_) + " read " + std::to_string(next_) + " of the row's " +
                          std::to_string(row_.size()) + " columns");
  }
}

std::int64_t scalar(Tx& tx, const Query& query, const std::vector<Value>& params) {
  auto value = one(tx, query, params, [](Reader& r) { return r.i64(); });
  if (!value) throw Error::internal(std::string(query.name) + " returned no row");
  return *value;
}

}  // namespace antq::db
