#include "platform/i18n/catalog.hpp"

#include <algorithm>
#include <cctype>
#include <stdexcept>
#include <vector>

#include "platform/embedded.hpp"

namespace antq::i18n {
namespace {

boost::json::object load(std::string_view file) {
  for (const auto& f : embedded::catalogs()) {
    if (f.name == file) return boost::json::parse(f.content).as_object();
  }
  throw std::runtime_error("catalog missing: " + std::string(file));
}

void flatten_into(const boost::json::object& o, const std::string& prefix, std::map<std::string, std::string>& out) {
  for (const auto& [k, v] : o) {
    std::string key = prefix.empty() ? std::string(k) : prefix + "." + std::string(k);
    if (v.is_object()) {
      flatten_into(v.get_object(), key, out);
    } else if (v.is_string()) {
      out[key] = std::string(v.get_string());
    } else {
      out[key] = boost::json::serialize(v);
    }
  }
}

const boost::json::value* lookup(const boost::json::object& root, std::string_view key) {
  const boost::json::object* node = &root;
  while (true) {
    auto dot = key.find('.');
    auto part = key.substr(0, dot);
    auto it = node->find(part);
    if (it == node->end()) return nullptr;
    if (dot == std::string_view::npos) return &it->value();
    if (!it->value().is_object()) return nullptr;
    node = &it->value().get_object();
    key.remove_prefix(dot + 1);
  }
}

}  // namespace

std::string_view code(Locale locale) { return locale == Locale::en ? "en" : "vi"; }

Locale locale_from_code(std::string_view c) { return c.substr(0, 2) == "en" ? Locale::en : Locale::vi; }

Locale from_accept_language(std::string_view header) {
  // "en-US,en;q=0.9,vi;q=0.8": pick the supported language with the highest q.
  double best_q = -1;
  Locale best = Locale::vi;
  std::size_t pos = 0;
  while (pos <= header.size()) {
    auto end = header.find(',', pos);
    auto item = header.substr(pos, end == std::string_view::npos ? std::string_view::npos : end - pos);
    while (!item.empty() && item.front() == ' ') item.remove_prefix(1);
    auto semi = item.find(';');
    std::string lang(item.substr(0, semi));
    std::transform(lang.begin(), lang.end(), lang.begin(), [](unsigned char c) { return std::tolower(c); });
    double q = 1.0;
    if (semi != std::string_view::npos) {
      auto qpos = item.find("q=", semi);
      if (qpos != std::string_view::npos) {
        try {
          q = std::stod(std::string(item.substr(qpos + 2)));
        } catch (const std::exception&) {
          q = 0;
        }
      }
    }
    bool supported = lang.rfind("vi", 0) == 0 || lang.rfind("en", 0) == 0;
    if (supported && q > 0 && q > best_q) {  // q=0 means "not acceptable"
      best_q = q;
      best = locale_from_code(lang);
    }
    if (end == std::string_view::npos) break;
    pos = end + 1;
  }
  return best;
}

const Catalog& Catalog::embedded() {
  static const Catalog catalog = [] {
    Catalog c;
    c.vi_ = load("vi.json");
    c.en_ = load("en.json");
    return c;
  }();
  return catalog;
}

std::string Catalog::get(Locale locale, std::string_view key) const {
  const auto* v = lookup(locale == Locale::en ? en_ : vi_, key);
  if (!v || !v->is_string()) v = lookup(vi_, key);
  if (!v || !v->is_string()) return std::string(key);
  return std::string(v->get_string());
}

std::map<std::string, std::string> Catalog::flatten(Locale locale) const {
  std::map<std::string, std::string> out;
  flatten_into(locale == Locale::en ? en_ : vi_, "", out);
  return out;
}

}  // namespace antq::i18n
