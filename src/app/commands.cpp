#include "app/commands.hpp"

#include <fmt/format.h>

#include <cstdlib>
#include <iostream>

#include "app/cli/cli.hpp"
#include "app/modules.hpp"
#include "platform/crypto/crypto.hpp"
#include "platform/error.hpp"
#include "platform/i18n/catalog.hpp"
#include "platform/log/log.hpp"

namespace antq::app {
namespace {

// Field errors in words for the terminal, in Vietnamese then English.
std::string describe(const Error& e) {
  const auto& catalog = i18n::Catalog::embedded();
  std::string out = e.internal_message();
  for (const auto& f : e.fields()) {
    out += fmt::format("\n  {}{}: {} / {}{}", f.line ? fmt::format("dòng/line {} ", *f.line) : "", f.field,
                       catalog.get(i18n::Locale::vi, "field_error." + f.code),
                       catalog.get(i18n::Locale::en, "field_error." + f.code),
                       f.value_hint.empty() ? "" : " (" + f.value_hint + ")");
  }
  return out;
}

}  // namespace

int run_cli(int argc, char** argv) {
  CLI::App app{"antq — Phong trào toàn dân bảo vệ an ninh Tổ quốc"};
  app.set_version_flag("--version", std::string("antq ") + ANTQ_VERSION);
  app.require_subcommand(1);
  app.fallthrough();  // "antq init --data DIR": global options may follow the command
  Options o;
  const char* env_data = std::getenv("ANTQ_DATA");
  o.data_dir = env_data ? env_data : "data";
  app.add_option("--data", o.data_dir, Cli::help("option.data"))->capture_default_str();
  app.add_option("--set", o.settings, Cli::help("option.set"));
  app.add_option("--database-url", o.database_url, Cli::help("option.database_url"));
  Cli cli(app, o);
  add_commands(cli);

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e);
  }

  try {
    crypto::init();
    log::init(config_of(o).log.level);
    return cli.run_chosen([&o] { return context_of(o); });
  } catch (const Error& e) {
    std::cerr << "antq: " << describe(e) << "\n";
    return 1;
  } catch (const std::exception& e) {
    std::cerr << "antq: " << e.what() << "\n";
    return 1;
  }
}

}  // namespace antq::app
