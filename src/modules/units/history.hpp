#pragma once
// History rows as the units service writes them (service.cpp, merge.cpp, the official import).
#include <optional>
#include <string>

#include "modules/units/model.hpp"

namespace antq::units {

inline HistoryEvent history_event(std::string kind, std::string date, std::optional<std::int64_t> from,
                                  std::optional<std::int64_t> to, std::string basis) {
  HistoryEvent e;
  e.event = std::move(kind);
  e.date = std::move(date);
  e.from_parent_id = from;
  e.to_parent_id = to;
  e.basis = std::move(basis);
  return e;
}

// The successor end of a merge, as repo::insert_successor records it.
inline MergeLink successor_link(std::int64_t successor_id, std::string date, bool main, std::string part,
                                std::string basis) {
  MergeLink l;
  l.id = successor_id;
  l.date = std::move(date);
  l.main = main;
  l.part = std::move(part);
  l.basis = std::move(basis);
  return l;
}

}  // namespace antq::units
