#pragma once
// Routes: method + pattern ("/api/v1/units/{id}") to a handler. The most literal
// pattern wins ("/units/tree" before "/units/{id}").
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "http/message.hpp"

namespace antq::http {

using Handler = std::function<Response(Request&)>;

struct RouteOptions {
  bool blocking = true;    // runs on the worker pool (database, Argon2 …)
  bool log_client = true;  // false on citizen routes: no client address in logs
  // Runs on the citizens' own small pool (slow on purpose: receipt derivations), so
  // that a flood of submissions gets quick 503s and never starves staff requests.
  bool citizen_pool = false;
  // > 0: an upload route; its body may be this large and is spooled (Request::upload).
  std::size_t upload_limit = 0;
};

struct Route {
  std::string method;
  std::string pattern;
  std::vector<std::string> segments;
  Handler handler;
  RouteOptions options;
};

struct Match {
  const Route* route = nullptr;      // null when nothing matched
  std::vector<std::string> allowed;  // methods of the path when only the method was wrong
};

class Router {
 public:
  void add(std::string method, std::string pattern, Handler handler, RouteOptions options = {});
  // Fills req.params on success.
  Match match(Request& req) const;
  const std::vector<Route>& routes() const { return routes_; }

 private:
  std::vector<Route> routes_;
};

std::vector<std::string> split_path(std::string_view path);

}  // namespace antq::http
