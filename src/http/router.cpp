#include "http/router.hpp"

#include <algorithm>

namespace antq::http {

std::vector<std::string> split_path(std::string_view path) {
  std::vector<std::string> out;
  std::size_t pos = 0;
  while (pos < path.size()) {
    if (path[pos] == '/') {
      ++pos;
      continue;
    }
    auto end = path.find('/', pos);
    if (end == std::string_view::npos) end = path.size();
    out.emplace_back(path.substr(pos, end - pos));
    pos = end;
  }
  return out;
}

void Router::add(std::string method, std::string pattern, Handler handler, RouteOptions options) {
  auto segments = split_path(pattern);
  routes_.push_back(Route{std::move(method), std::move(pattern), std::move(segments), std::move(handler), options});
}

Match Router::match(Request& req) const {
  auto parts = split_path(req.path);
  const std::string method = req.method == "HEAD" ? "GET" : req.method;
  // Among the patterns that fit the path, only the most literal ones count.
  int best_score = -1;
  std::vector<std::pair<const Route*, std::map<std::string, std::string>>> best;
  for (const auto& route : routes_) {
    if (route.segments.size() != parts.size()) continue;
    int score = 0;
    std::map<std::string, std::string> params;
    bool ok = true;
    for (std::size_t i = 0; i < parts.size() && ok; ++i) {
      const auto& seg = route.segments[i];
      if (seg.size() > 2 && seg.front() == '{' && seg.back() == '}') {
        params[seg.substr(1, seg.size() - 2)] = parts[i];
      } else if (seg == parts[i]) {
        ++score;
      } else {
        ok = false;
      }
    }
    if (!ok || score < best_score) continue;
    if (score > best_score) {
      best_score = score;
      best.clear();
    }
    best.emplace_back(&route, std::move(params));
  }
  Match result;
  for (auto& [route, params] : best) {
    if (route->method == method) {
      result.route = route;
      req.params = std::move(params);
      return result;
    }
    if (std::find(result.allowed.begin(), result.allowed.end(), route->method) == result.allowed.end()) {
      result.allowed.push_back(route->method);
    }
  }
  return result;
}

}  // namespace antq::http
