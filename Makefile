# antq: the two commands are `make run` and `make test` (see README.md).
.PHONY: run test bootstrap build build-asan web bench clean

DEMO_PASSWORD ?= antq-demo-2026
JOBS ?= $(shell nproc)

run: bootstrap build web
	@DEMO_PASSWORD='$(DEMO_PASSWORD)' scripts/run-demo

test:
	@scripts/test-all

bootstrap:
	@scripts/bootstrap

build:
	@cmake --preset release >/dev/null
	@cmake --build --preset release -j$(JOBS)

build-asan:
	@cmake --preset asan >/dev/null
	@cmake --build --preset asan -j$(JOBS)

web:
	@. scripts/node-env && cd web && npm run --silent build

bench: 
	@scripts/bootstrap --bench
	@scripts/bench

clean:
	rm -rf build web/dist
