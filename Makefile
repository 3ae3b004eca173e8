# The two commands: `make demo` and `make test`. Everything else is a helper.
BUILD_DIR ?= build/release
JOBS ?= $(shell nproc)

.PHONY: all build demo test debug sanitize lint format bench clean

all: build

build:
	scripts/bootstrap Release $(BUILD_DIR)

# Installs what is missing, builds Release, runs the pipeline on examples/data.
demo: build
	scripts/demo $(BUILD_DIR)/flexpipe

# Builds and runs every test (unit, integration, end-to-end).
test:
	TEST_TOOLS=1 scripts/bootstrap Release $(BUILD_DIR)
	cd $(BUILD_DIR) && ctest --output-on-failure -j $(JOBS)

debug:
	scripts/bootstrap Debug build/debug

# ASan + UBSan build and test run.
sanitize:
	TEST_TOOLS=1 scripts/bootstrap Sanitize build/sanitize
	cd build/sanitize && ctest --output-on-failure -j $(JOBS)

lint:
	LINT_TOOLS=1 scripts/bootstrap Release $(BUILD_DIR)
	scripts/lint $(BUILD_DIR)

format:
	find src include tests bench -name '*.h' -o -name '*.cc' | xargs clang-format -i

clean:
	rm -rf build
