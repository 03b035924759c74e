// antq units import, export.
#include <unistd.h>

#include <fstream>
#include <iostream>
#include <sstream>

#include "app/cli/cli.hpp"
#include "platform/progress/progress.hpp"

namespace antq::app {
namespace {

struct UnitsArgs {
  std::string file;
  bool dry_run = false;
};

int import_units(Context& ctx, const UnitsArgs& a) {
  std::ifstream in(a.file, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  Progress progress(say("units.import.progress"), std::cerr, isatty(STDERR_FILENO) != 0);
  units::ImportOptions options;
  options.dry_run = a.dry_run;
  options.progress = [&](std::size_t done, std::size_t total) { progress.update(done, total); };
  auto r = ctx.units->import_csv(system_actor(), ss.str(), options);
  progress.finish();
  std::cout << say(r.dry_run ? "units.import.checked" : "units.import.done", {{"created", std::to_string(r.created)},
                                                                              {"updated", std::to_string(r.updated)},
                                                                              {"encoding", r.encoding}})
            << "\n";
  return 0;
}

int export_units(Context& ctx, const UnitsArgs& a) {
  auto csv = ctx.units->export_csv(system_actor());
  if (a.file.empty()) {
    std::cout << csv;
  } else {
    std::ofstream(a.file, std::ios::binary) << csv;
  }
  return 0;
}

}  // namespace

void add_units_commands(Cli& cli) {
  auto* units = cli.area("units");
  auto a = std::make_shared<UnitsArgs>();
  auto* import = cli.command(units, "import");
  import->add_option("file", a->file)->required()->check(CLI::ExistingFile);
  import->add_flag("--dry-run", a->dry_run, Cli::help("option.dry_run"));
  cli.on(import, [a](Context& ctx) { return import_units(ctx, *a); });
  auto* exp = cli.command(units, "export");
  exp->add_option("file", a->file);
  cli.on(exp, [a](Context& ctx) { return export_units(ctx, *a); });
}

}  // namespace antq::app
