// Micro-benchmarks of the hot helpers (make bench). Figures go in docs/performance.md.
#include <benchmark/benchmark.h>

#include "http/problem.hpp"
#include "http/router.hpp"
#include "modules/mailbox/service.hpp"
#include "platform/crypto/box.hpp"
#include "platform/crypto/crypto.hpp"
#include "platform/text/text.hpp"

namespace {

void BM_FoldVietnameseName(benchmark::State& state) {
  for (auto _ : state) benchmark::DoNotOptimize(antq::text::fold("Đại tá Phạm Hoàng Điệp"));
}
BENCHMARK(BM_FoldVietnameseName);

void BM_CollationKey(benchmark::State& state) {
  for (auto _ : state) benchmark::DoNotOptimize(antq::text::collation_key("Nguyễn Thị Ánh Dương"));
}
BENCHMARK(BM_CollationKey);

void BM_Blake2b1KiB(benchmark::State& state) {
  std::string data(1024, 'x');
  for (auto _ : state) benchmark::DoNotOptimize(antq::crypto::blake2b(data));
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations()) * 1024);
}
BENCHMARK(BM_Blake2b1KiB);

// One receipt derivation: what bounds the submission rate (issue 3).
void BM_ReceiptDerivation(benchmark::State& state) {
  antq::crypto::init();
  std::string salt(antq::crypto::kSaltBytes, 's');
  for (auto _ : state) {
    benchmark::DoNotOptimize(antq::crypto::derive_key("1234567890123456", salt, antq::mailbox::kReceiptLimits));
  }
  state.SetItemsProcessed(state.iterations());
}
// One thread, then one per core: how far the machine's cores really scale a memory-hard hash.
BENCHMARK(BM_ReceiptDerivation)->Unit(benchmark::kMillisecond)->UseRealTime()->Threads(1)->ThreadPerCpu();

void BM_Argon2idInteractive(benchmark::State& state) {
  antq::crypto::init();
  for (auto _ : state) benchmark::DoNotOptimize(antq::crypto::hash_password("mat-khau-thu-nghiem"));
}
BENCHMARK(BM_Argon2idInteractive)->Unit(benchmark::kMillisecond)->Iterations(10);

void BM_RouterMatch(benchmark::State& state) {
  antq::http::Router router;
  for (const char* p : {"/healthz", "/api/v1/units/tree", "/api/v1/units", "/api/v1/units/{id}", "/api/v1/users",
                        "/api/v1/users/{id}", "/api/v1/audit", "/api/v1/auth/login"}) {
    router.add("GET", p, [](antq::http::Request&) { return antq::http::Response{}; });
  }
  antq::http::Request req;
  req.method = "GET";
  req.path = "/api/v1/users/42";
  for (auto _ : state) benchmark::DoNotOptimize(router.match(req));
}
BENCHMARK(BM_RouterMatch);

void BM_ProblemJson(benchmark::State& state) {
  antq::http::Request req;
  req.request_id = "0123456789abcdef";
  auto error =
      antq::Error::validation({{"name", "required", std::nullopt, {}}, {"code", "duplicate", std::nullopt, {}}});
  for (auto _ : state) benchmark::DoNotOptimize(antq::http::problem(error, req));
}
BENCHMARK(BM_ProblemJson);

}  // namespace
