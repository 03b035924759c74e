#pragma once
// A statement whose text differs per dialect (db::in_ids and the like): built once for
// each dialect and picked per transaction, so that no call builds SQL again.
#include <string>
#include <string_view>

#include "platform/db/database.hpp"

namespace antq::db {

class DialectQuery {
 public:
  DialectQuery(std::string_view name, std::string (*build)(Dialect))
      : name_(name), sqlite_(build(Dialect::sqlite)), postgres_(build(Dialect::postgres)) {}
  Query in(Tx& tx) const { return Query{name_, tx.dialect() == Dialect::postgres ? postgres_ : sqlite_}; }

 private:
  std::string_view name_;
  std::string sqlite_;
  std::string postgres_;
};

}  // namespace antq::db
