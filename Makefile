# The carer portal. `make run` serves it with demo data; `make test` runs every test.
# Both install what is missing first (scripts/install-deps.sh), so they work on a fresh machine.
SHELL := /bin/bash
# sass and wasm-opt (binaryen) come from npm; Debian's wasm-opt breaks the release wasm.
export PATH := $(CURDIR)/node_modules/.bin:$(HOME)/.cargo/bin:$(PATH)
export LEPTOS_SITE_ROOT := target/site
TARGET_DIR := $(or $(CARGO_TARGET_DIR),$(CURDIR)/target)

# The server with the demo accounts and records (`make run`, the end-to-end tests, the crash test
# and the benchmarks all use this one release build). `make build` is the production build:
# no demo data, no fault injection.
DEMO_BUILD := cargo leptos build --release --precompress --bin-features pdf --bin-features demo

.PHONY: deps run build test fmt lint unit unit-postgres e2e e2e-debug e2e-release crash fuzz bench clean-data

deps:
	@scripts/install-deps.sh

## Serve the portal on http://127.0.0.1:3000 with a SQLite database in ./data and demo accounts,
## and a stand-in for the council's identity provider on port 3200 (scripts/run-demo.sh).
run: deps
	scripts/build-css.sh
	$(DEMO_BUILD)
	CARGO_TARGET_DIR=$(TARGET_DIR) scripts/run-demo.sh

build: deps
	scripts/build-css.sh
	cargo leptos build --release --precompress

## Every test: formatting and lints, unit tests and the integration suite (one test binary) on
## real SQLite files, the integration suite again on a real PostgreSQL server, then end-to-end
## in Chromium against the release build (where wasm-opt has run), JavaScript on and off, then
## the crash test against the same build.
test: deps lint unit unit-postgres e2e crash

## Format everything as `make lint` expects: the view! macros, then the rest.
fmt:
	leptosfmt --quiet --config-file leptosfmt.toml app/src
	cargo fmt --all

## Formatting (rustfmt.toml; leptosfmt.toml for the view! macros) and clippy with warnings as
## errors, for the server side (app with `ssr`, the server and its tests) and the browser side
## (app with `hydrate`, for wasm).
lint:
	cargo fmt --all --check
	leptosfmt --quiet --check --config-file leptosfmt.toml app/src
	cargo clippy --workspace --all-targets --features app/ssr -- -D warnings
	cargo clippy -p app --lib --features hydrate --target wasm32-unknown-unknown -- -D warnings

## Unit tests of every crate and the one integration test binary (server/tests/api/).
unit:
	cargo test -p app -p server -p pdf --features app/ssr --tests

unit-postgres:
	scripts/test-postgres.sh

e2e: e2e-release

## The same specs against a debug build (not part of `make test`: the release build serves
## them, and building both would not fit CI's time on a new machine).
e2e-debug:
	scripts/build-css.sh
	cargo leptos build --bin-features pdf --bin-features demo
	scripts/e2e.sh $(TARGET_DIR)/debug/server debug

e2e-release:
	scripts/build-css.sh
	$(DEMO_BUILD)
	scripts/e2e.sh $(TARGET_DIR)/release/server release

## Crash safety: kill -9 the release server 100 times while carers save and add pictures, and
## check nothing acknowledged was lost, nothing is half-stored and the database is intact; then
## stream a gigabyte at each kind of endpoint and check it is refused with memory held flat.
crash: deps
	scripts/build-css.sh
	$(DEMO_BUILD)
	scripts/crash_test.py $(TARGET_DIR)/release/server 100
	scripts/oversize_test.py $(TARGET_DIR)/release/server

## Fuzz the upload and form-parsing paths for two minutes each (cargo-fuzz, nightly);
## FUZZ_SECONDS sets the time per target.
fuzz: deps
	scripts/fuzz.sh $(or $(FUZZ_SECONDS),120)

## Print the figures in BENCHMARKS.md: page sizes, Lighthouse, throughput (oha) and durable
## saves against the release build, and the picture pipeline against ImageMagick.
bench: deps
	scripts/install-bench-deps.sh
	scripts/build-css.sh
	$(DEMO_BUILD)
	scripts/bench.sh $(TARGET_DIR)/release/server

## Remove the local demo database and files (make run recreates them).
clean-data:
	rm -rf data
