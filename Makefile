# sentry-tui build. Plain GNU make + pkg-config; objects under build/.
# Targets: all (default), test, asan (= test under ASan+UBSan), valgrind,
# demo, install, uninstall, clean, screenshots.

CC      ?= cc
PKG_CONFIG ?= pkg-config
PREFIX  ?= /usr/local
DESTDIR ?=
VERSION := 0.1.0

PKGS    := ncursesw libcurl jansson yaml-0.1 readline
PKG_CFLAGS := $(shell $(PKG_CONFIG) --cflags $(PKGS))
PKG_LIBS   := $(shell $(PKG_CONFIG) --libs $(PKGS))

WARN := -Wall -Wextra -Wshadow -Wstrict-prototypes -Wmissing-prototypes -Wformat=2 \
        -Wcast-qual -Wpointer-arith -Wwrite-strings -Wundef -Winit-self \
        -Wmissing-noreturn -Wnull-dereference -Wvla -Wno-unused-parameter
ifeq ($(CI),true)
WARN += -Werror
endif
ifeq ($(WERROR),1)
WARN += -Werror
endif

OPT ?= -O2 -g
SANITIZE ?=
ifeq ($(SANITIZE),1)
OPT := -O1 -g -fno-omit-frame-pointer -fsanitize=address,undefined -fno-sanitize-recover=undefined
BUILD := build/asan
else
BUILD := build/release
endif

ALL_CFLAGS := -std=c11 -D_POSIX_C_SOURCE=200809L $(OPT) $(WARN) $(PKG_CFLAGS) -I. -DSENTRY_TUI_VERSION='"$(VERSION)"' -MMD -MP $(CFLAGS)
ALL_LDFLAGS := $(OPT) $(LDFLAGS)

# Everything but main.c goes into a static library that the unit tests link too.
LIB_SRC := $(sort $(wildcard util/*.c api/*.c store/*.c config/*.c tui/*.c views/*.c cli/*.c))
LIB_OBJ := $(LIB_SRC:%.c=$(BUILD)/%.o)
LIB     := $(BUILD)/libsentry-tui.a

UNIT_SRC := $(sort $(wildcard tests/unit/test_*.c))
UNIT_BIN := $(UNIT_SRC:tests/unit/%.c=$(BUILD)/tests/%)
# Helpers shared by the unit tests (fixture reading), linked into each test binary.
UNIT_SUPPORT_OBJ := $(patsubst %.c,$(BUILD)/%.o,$(sort $(wildcard tests/unit/support/*.c)))
# Writes the man page and the completions from the tables (docs/gen/; see `make docs`).
DOCGEN := $(BUILD)/tools/sentry-tui-docgen
DOCGEN_SRC := $(sort $(wildcard docs/gen/*.c))

.SECONDARY:
.PHONY: fuzz fuzz-smoke fuzz-bins bench all test test-quick asan asan-unit-bins valgrind demo install uninstall clean screenshots unit-bins docs docgen deb

all: sentry-tui

ifeq ($(SANITIZE),1)
BIN := $(BUILD)/sentry-tui
else
BIN := sentry-tui
endif

$(BIN): $(BUILD)/main.o $(LIB)
	$(CC) $(ALL_LDFLAGS) -o $@ $^ $(PKG_LIBS)

ifeq ($(SANITIZE),1)
sentry-tui: $(BIN)
endif

$(LIB): $(LIB_OBJ)
	@rm -f $@
	ar rcs $@ $^

$(BUILD)/%.o: %.c
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -c -o $@ $<

$(BUILD)/tests/%: tests/unit/%.c $(UNIT_SUPPORT_OBJ) $(LIB)
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) $(shell $(PKG_CONFIG) --cflags cmocka) -o $@ $< $(UNIT_SUPPORT_OBJ) $(LIB) $(PKG_LIBS) $(shell $(PKG_CONFIG) --libs cmocka)

unit-bins: $(UNIT_BIN) $(DOCGEN)

# The whole suite, three times: plain, under ASan+UBSan, and under valgrind; each pass
# runs unit, screen and tmux tests, and the last line sums them: "N passed, N failed".
# Both builds run two compilers at a time (the machines have two cores).
test:
	$(MAKE) -j2 --no-print-directory sentry-tui unit-bins
	if command -v $(FUZZ_CC) >/dev/null; then $(MAKE) -j2 --no-print-directory fuzz-bins; fi
	$(MAKE) -j2 --no-print-directory SANITIZE=1 build/asan/sentry-tui asan-unit-bins
	SENTRY_TUI_MODES="plain asan valgrind" bash tests/run

# One pass only.
test-quick: $(BIN) $(UNIT_BIN) $(DOCGEN)
	SENTRY_TUI_MODES=plain bash tests/run

asan:
	$(MAKE) --no-print-directory SANITIZE=1 build/asan/sentry-tui asan-unit-bins
	SENTRY_TUI_MODES=asan bash tests/run

asan-unit-bins: $(UNIT_BIN) $(DOCGEN) $(DOCGEN)

valgrind: $(BIN) $(UNIT_BIN) $(DOCGEN)
	SENTRY_TUI_MODES=valgrind bash tests/run

demo: $(BIN)
	bash scripts/demo.sh $(abspath $(BIN))

# libFuzzer targets (tests/fuzz/fuzz_*.c, clang): the library built once with the fuzzer's
# instrumentation, ASan and UBSan, then one binary per target. `make fuzz-smoke` replays
# each target's regression inputs and runs it for a few seconds from its seeds (part of
# `make test` when clang is there); `make fuzz FUZZ_SECONDS=600` for a long run.
# tests/fuzz/README.md records what long runs reached.
FUZZ_CC ?= clang
FUZZ_SECONDS ?= 60
# -O2: a few percent more executions than -O1 on every target (tests/fuzz/README.md).
FUZZ_FLAGS := -std=c11 -D_POSIX_C_SOURCE=200809L -g -O2 -fno-omit-frame-pointer \
              -fsanitize=address,undefined $(PKG_CFLAGS) -I. -DSENTRY_TUI_VERSION='"$(VERSION)"'
FUZZ_OBJ := $(LIB_SRC:%.c=build/fuzz/%.o)
FUZZ_BIN := $(patsubst tests/fuzz/%.c,build/fuzz/%,$(sort $(wildcard tests/fuzz/fuzz_*.c)))

# -MMD: an object is rebuilt when a header it includes changes (a struct's layout must
# not differ between the library and a target).
build/fuzz/%.o: %.c
	@mkdir -p $(dir $@)
	$(FUZZ_CC) $(FUZZ_FLAGS) -MMD -MP -fsanitize=fuzzer-no-link -c -o $@ $<

build/fuzz/libsentry-tui.a: $(FUZZ_OBJ)
	ar rcs $@ $^

build/fuzz/fuzz_%: tests/fuzz/fuzz_%.c build/fuzz/libsentry-tui.a tests/fuzz/harness.ignore
	$(FUZZ_CC) $(FUZZ_FLAGS) -MMD -MP -fsanitize=fuzzer -fsanitize-coverage-ignorelist=tests/fuzz/harness.ignore \
	    -o $@ $< build/fuzz/libsentry-tui.a $(PKG_LIBS)

fuzz-bins: $(FUZZ_BIN)

fuzz-smoke: fuzz-bins
	bash scripts/fuzz.sh 2

fuzz: fuzz-bins
	bash scripts/fuzz.sh $(FUZZ_SECONDS)

# Performance beside the official CLIs, measured (not asserted) on the fake server with
# 10,000 issues: docs/benchmarks.md and README.md's performance section (scripts/bench/).
bench: $(BIN) $(BUILD)/bench/bench_waterfall
	SENTRY_TUI_BIN=$(abspath $(BIN)) SENTRY_TUI_BENCH_WATERFALL=$(abspath $(BUILD)/bench/bench_waterfall) \
		bash scripts/bench.sh

$(BUILD)/bench/%: tests/bench/%.c $(LIB)
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -o $@ $< $(LIB) $(PKG_LIBS)

# The man page and the shell completions, generated from the program's tables by a small
# program linked against the library (docs/gen/); committed, and tests/ship checks that
# they equal a fresh generation. `make docs` rewrites them.
GENERATED_DOCS := docs/sentry-tui.1 completions/sentry-tui.bash completions/_sentry-tui \
                  completions/sentry-tui.fish

$(DOCGEN): $(DOCGEN_SRC:%.c=$(BUILD)/%.o) $(LIB)
	@mkdir -p $(dir $@)
	$(CC) $(ALL_LDFLAGS) -o $@ $^ $(PKG_LIBS)

docgen: $(DOCGEN)

docs: $(DOCGEN)
	@mkdir -p completions
	$(DOCGEN) man >docs/sentry-tui.1
	$(DOCGEN) bash >completions/sentry-tui.bash
	$(DOCGEN) zsh >completions/_sentry-tui
	$(DOCGEN) fish >completions/sentry-tui.fish

screenshots: $(BIN)
	SENTRY_TUI_BIN=$(abspath $(BIN)) bash scripts/screenshots.sh

# `make install PREFIX=/usr DESTDIR=/tmp/root`: the binary, the man page, the completions
# for bash, zsh and fish, and the README and example config as documentation. The man page
# and completions are the committed, generated files (make docs rewrites them).
BINDIR      ?= $(PREFIX)/bin
MANDIR      ?= $(PREFIX)/share/man
DOCDIR      ?= $(PREFIX)/share/doc/sentry-tui
BASHCOMPDIR ?= $(PREFIX)/share/bash-completion/completions
ZSHCOMPDIR  ?= $(PREFIX)/share/zsh/site-functions
FISHCOMPDIR ?= $(PREFIX)/share/fish/vendor_completions.d
INSTALLED := $(BINDIR)/sentry-tui $(MANDIR)/man1/sentry-tui.1 $(BASHCOMPDIR)/sentry-tui \
             $(ZSHCOMPDIR)/_sentry-tui $(FISHCOMPDIR)/sentry-tui.fish \
             $(DOCDIR)/README.md $(DOCDIR)/sentry-tui.yml.example

install: sentry-tui
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(MANDIR)/man1 $(DESTDIR)$(DOCDIR) \
	        $(DESTDIR)$(BASHCOMPDIR) $(DESTDIR)$(ZSHCOMPDIR) $(DESTDIR)$(FISHCOMPDIR)
	install -m 755 sentry-tui $(DESTDIR)$(BINDIR)/sentry-tui
	install -m 644 docs/sentry-tui.1 $(DESTDIR)$(MANDIR)/man1/sentry-tui.1
	install -m 644 completions/sentry-tui.bash $(DESTDIR)$(BASHCOMPDIR)/sentry-tui
	install -m 644 completions/_sentry-tui $(DESTDIR)$(ZSHCOMPDIR)/_sentry-tui
	install -m 644 completions/sentry-tui.fish $(DESTDIR)$(FISHCOMPDIR)/sentry-tui.fish
	install -m 644 sentry-tui.yml.example README.md $(DESTDIR)$(DOCDIR)/

uninstall:
	rm -f $(addprefix $(DESTDIR),$(INSTALLED))
	rmdir $(DESTDIR)$(DOCDIR) 2>/dev/null || true

# The Debian package, built from a staged install with dpkg-deb (scripts/build-deb.sh).
deb: sentry-tui
	bash scripts/build-deb.sh $(VERSION) build/deb

clean:
	rm -rf build sentry-tui

-include $(shell find build -name '*.d' 2>/dev/null)
