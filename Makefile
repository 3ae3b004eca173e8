# The two commands: `make demo` and `make test`. Everything else is a helper.
BUILD_DIR ?= build/release
JOBS ?= $(shell nproc)
SANITIZE_DIR ?= build/sanitize
FUZZ_SECONDS ?= 60

.PHONY: all build demo test debug sanitize fuzz lint format bench clean

all: build

build:
	scripts/bootstrap Release $(BUILD_DIR)

# Installs what is missing, builds the Release binary, runs the pipeline on examples/data.
demo:
	BUILD_TARGETS=flexpipe scripts/bootstrap Release $(BUILD_DIR)
	scripts/demo $(BUILD_DIR)/flexpipe

# Builds and runs every test (unit, integration, end-to-end).
test:
	TEST_TOOLS=1 scripts/bootstrap Release $(BUILD_DIR)
	cd $(BUILD_DIR) && ctest --output-on-failure -j $(JOBS)

debug:
	scripts/bootstrap Debug build/debug

# ASan + UBSan build (clang) and test run; the same build holds the fuzz targets. The run leaves
# out the tests whose point is scale, timing or agreement with the Python reference rather than
# memory: each takes 15-40 s under the sanitizers, and smaller tests run the same code there
# (docs/fuzzing.md). SANITIZE_SKIP= runs every test.
SANITIZE_SKIP ?= ^(Pipeline\.OneFileScoredOnManyWorkersGivesTheSameOutputs|PipelineSpill\.SpilledCandidatesGiveTheSameOutputsAsCandidatesInMemory|ResumeAfterKill\..*|StreamWorkbook\.TheBytesDoNotDependOnTheDeflateThreads|RunConsoleTest\.FilesAreReportedInSortedOrderWhateverOrderTheyFinishIn|e2e\.test_(generated_scores|html_report))$$
sanitize:
	TEST_TOOLS=1 scripts/bootstrap Sanitize $(SANITIZE_DIR)
	cd $(SANITIZE_DIR) && ctest --output-on-failure -j $(JOBS) $(if $(SANITIZE_SKIP),-E '$(SANITIZE_SKIP)')

# Runs each libFuzzer target for FUZZ_SECONDS on a copy of its seed corpus (docs/fuzzing.md).
fuzz:
	scripts/bootstrap Sanitize $(SANITIZE_DIR)
	scripts/fuzz $(SANITIZE_DIR) $(FUZZ_SECONDS)

# clang-format, clang-tidy and cppcheck; needs no build (scripts/lint configures its own folders).
lint:
	LINT_TOOLS=1 INSTALL_ONLY=1 scripts/bootstrap
	scripts/lint

format:
	find src include tests bench fuzz -name '*.h' -o -name '*.cc' | xargs clang-format -i

clean:
	rm -rf build

# Issue 7's benchmark (not part of `make test`): a Release build with the micro-benchmarks and
# bench/xlsx_floor in build/bench (tests off), then scripts/bench: datasets generated once into
# build/bench/bench-data, floors, flexpipe and the peers (pandas, DuckDB) timed in the same run.
# BENCH_QUICK=1 for a quick check, BENCH_RUNS=N (default 3); see scripts/bench.
bench:
	-cmake -S . -B build/bench -G Ninja -DCMAKE_BUILD_TYPE=Release -DFLEXPIPE_BUILD_BENCH=ON \
	  -DFLEXPIPE_BUILD_TESTS=OFF >/dev/null 2>&1
	scripts/bootstrap Release build/bench
	cmake -S . -B build/bench -DFLEXPIPE_BUILD_BENCH=ON -DFLEXPIPE_BUILD_TESTS=OFF >/dev/null
	cmake --build build/bench -j $(JOBS)
	scripts/bench build/bench
