# chronicle - build, test and run.  `make run` and `make test` install what
# they need on Debian 12 (apt-get, as root) and then do their job.

SHELL := /bin/bash
CC ?= cc
CLANG ?= clang
PKG_CONFIG ?= pkg-config

BUILD := build
GEN := $(BUILD)/gen
LUADIR := lua/chronicle

DEB_PACKAGES := build-essential pkg-config lua5.4 liblua5.4-dev luajit libluajit-5.1-dev \
	libxml2-dev lua-busted lua-cjson neovim clang libclang-rt-14-dev python3

WARN := -Wall -Wextra -Wshadow -Wstrict-prototypes -Wmissing-prototypes -Wformat=2 \
	-Wcast-qual -Wpointer-arith -Wvla
BASE_CFLAGS := -std=c11 -D_POSIX_C_SOURCE=200809L -fPIC -fvisibility=hidden $(WARN) \
	-Inative/include -Inative/src -I$(GEN)
OPT ?= -O2 -g
# `make V=1` prints whole commands; by default one short line a file
ifeq ($(V),1)
Q :=
SAY := @true
else
Q := @
SAY := @printf '  %-8s %s\n'
endif
XML_CFLAGS = $(shell $(PKG_CONFIG) --cflags libxml-2.0)
XML_LIBS = $(shell $(PKG_CONFIG) --libs libxml-2.0)
LUA54_CFLAGS = $(shell $(PKG_CONFIG) --cflags lua5.4)
LUAJIT_CFLAGS = $(shell $(PKG_CONFIG) --cflags luajit)

LIB_SRC := $(wildcard native/src/*.c)
LEXICONS := $(sort $(wildcard native/lexicons/*.tsv))
LEX_GEN := $(GEN)/lexicon_data.c $(GEN)/lexicon_ids.h

# A build variant: objects of the library in $(1) with compiler $(2) and flags $(3).
LIB_OBJ = $(patsubst native/src/%.c,$(1)/%.o,$(LIB_SRC)) $(1)/lexicon_data.o

REL := $(BUILD)/rel
SAN := $(BUILD)/san
SAN_FLAGS := -fsanitize=address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer

C_TESTS := $(patsubst tests/c/%.c,%,$(filter-out tests/c/check.c,$(wildcard tests/c/test_*.c)))
FUZZERS := $(patsubst native/fuzz/%.c,%,$(wildcard native/fuzz/fuzz_*.c))

.PHONY: all deps run test test-c test-lua test-san test-nvim test-fuzz bench eval fuzz \
	golden clean help
.DEFAULT_GOAL := all

all: $(LUADIR)/native_54.so $(LUADIR)/native_51.so $(REL)/libchronicle.a doc/tags

# :help chronicle works from a plain runtimepath checkout too
doc/tags: doc/chronicle.txt
	@nvim --headless -u NONE -c 'helptags doc' -c 'qa!' >/dev/null 2>&1 || true

help:
	@echo "make run    - open the bundled example in Neovim (or print its timeline)"
	@echo "make test   - every suite: C, busted (Lua 5.4 + LuaJIT), sanitizers, Neovim, fuzz smoke"
	@echo "make bench  - throughput and memory benchmark"
	@echo "make eval   - score extraction on ../shared corpora"
	@echo "make fuzz   - run the libFuzzer harnesses (FUZZ_SECONDS=60 each)"

# ---------------------------------------------------------------- packages
deps:
	@missing=$$(for p in $(DEB_PACKAGES); do \
		dpkg-query -W -f='$${Status}\n' $$p 2>/dev/null | grep -q 'ok installed' || echo $$p; done); \
	if [ -n "$$missing" ]; then \
		if [ "$$(id -u)" = 0 ]; then \
			echo "chronicle: installing $$missing"; \
			apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null \
				|| { echo "chronicle: apt-get failed"; exit 1; }; \
		else \
			echo "chronicle: missing Debian packages: $$missing"; \
			echo "  install them with: sudo apt-get install $$missing"; exit 1; \
		fi; \
	fi

# ------------------------------------------------------------------ build
$(BUILD)/lexgen: native/tools/lexgen.c native/src/utf8.c native/src/utf8.h native/src/geo_hash.h
	@mkdir -p $(@D)
	$(SAY) CC $@
	$(Q)$(CC) -std=c11 -O2 -Wall -Wextra -o $@ native/tools/lexgen.c native/src/utf8.c

$(LEX_GEN) &: $(BUILD)/lexgen $(LEXICONS)
	@mkdir -p $(GEN)
	$(SAY) LEXGEN $(GEN)
	$(Q)$(BUILD)/lexgen $(GEN) $(LEXICONS)

define VARIANT
$(1)/%.o: native/src/%.c native/include/chronicle.h $$(wildcard native/src/*.h) $(GEN)/lexicon_ids.h
	@mkdir -p $$(@D)
	$(SAY) CC $$@
	$(Q)$(2) $(BASE_CFLAGS) $(3) $$(XML_CFLAGS) -c -o $$@ $$<
$(1)/lexicon_data.o: $(GEN)/lexicon_data.c native/src/lexicon_table.h
	@mkdir -p $$(@D)
	$(SAY) CC $$@
	$(Q)$(2) $(BASE_CFLAGS) $(3) -c -o $$@ $$<
$(1)/libchronicle.a: $(call LIB_OBJ,$(1))
	$(SAY) AR $$@
	$(Q)rm -f $$@ && ar rcs $$@ $$^
$(1)/binding54.o: native/lua/binding.c native/lua/compat.h native/include/chronicle.h
	@mkdir -p $$(@D)
	$(SAY) CC $$@
	$(Q)$(2) $(BASE_CFLAGS) $(3) $$(LUA54_CFLAGS) -c -o $$@ $$<
$(1)/binding51.o: native/lua/binding.c native/lua/compat.h native/include/chronicle.h
	@mkdir -p $$(@D)
	$(SAY) CC $$@
	$(Q)$(2) $(BASE_CFLAGS) $(3) $$(LUAJIT_CFLAGS) -c -o $$@ $$<
$(1)/native_54.so: $(1)/binding54.o $(1)/libchronicle.a
	$(SAY) CC $$@
	$(Q)$(2) $(3) -shared -o $$@ $$^ $$(XML_LIBS) -lm
$(1)/native_51.so: $(1)/binding51.o $(1)/libchronicle.a
	$(SAY) CC $$@
	$(Q)$(2) $(3) -shared -o $$@ $$^ $$(XML_LIBS) -lm
$(1)/tests/%: tests/c/%.c tests/c/check.h tests/c/stage.h $(1)/libchronicle.a
	@mkdir -p $$(@D)
	$(SAY) CC $$@
	$(Q)$(2) $(BASE_CFLAGS) $(filter-out -shared-libasan,$(3)) -Itests/c -o $$@ $$< $(1)/libchronicle.a $$(XML_LIBS) -lm
endef

$(eval $(call VARIANT,$(REL),$(CC),$(OPT)))
$(eval $(call VARIANT,$(SAN),$(CLANG),-O1 -g $(SAN_FLAGS) -shared-libasan))

$(LUADIR)/native_54.so: $(REL)/native_54.so
	$(SAY) CP $@
	$(Q)cp $< $@
$(LUADIR)/native_51.so: $(REL)/native_51.so
	$(SAY) CP $@
	$(Q)cp $< $@

$(BUILD)/fuzz/%: native/fuzz/%.c native/fuzz/fuzz_entry.h $(call LIB_OBJ,$(BUILD)/fuzzobj)
	@mkdir -p $(@D)
	$(SAY) CC $@
	$(Q)$(CLANG) $(BASE_CFLAGS) -O1 -g -fsanitize=fuzzer,address,undefined -o $@ $< $(call LIB_OBJ,$(BUILD)/fuzzobj) $(XML_LIBS) -lm
$(eval $(call VARIANT,$(BUILD)/fuzzobj,$(CLANG),-O1 -g -fsanitize=fuzzer-no-link,address,undefined))

# ------------------------------------------------------------------- run
run: deps all
	@if [ -t 0 ] && [ -t 1 ]; then \
		nvim -u NONE --cmd 'set rtp^=$(CURDIR)' --cmd 'filetype plugin on' --cmd 'syntax on' \
			-c 'runtime plugin/chronicle.lua' \
			-c 'Chronicle timeline' examples/summit-2024-03-14.ru.txt; \
	else \
		bin/chronicle timeline examples/summit-2024-03-14.ru.txt && echo && \
		bin/chronicle people examples/summit-2024-03-14.ru.txt; \
	fi

# ------------------------------------------------------------------ tests
SAN_RT = $(shell $(CLANG) -print-file-name=libclang_rt.asan-x86_64.so)

test: deps
	@$(MAKE) --no-print-directory all $(addprefix $(REL)/tests/,$(C_TESTS)) \
		$(SAN)/native_54.so $(SAN)/native_51.so $(addprefix $(SAN)/tests/,$(C_TESTS)) \
		$(addprefix $(BUILD)/fuzz/,$(FUZZERS))
	@REL=$(REL) SAN=$(SAN) SAN_RT=$(SAN_RT) C_TESTS="$(C_TESTS)" FUZZERS="$(FUZZERS)" \
		bash tests/run_all.sh

golden: all
	UPDATE_GOLDEN=1 lua5.4 /usr/bin/busted tests/spec/views_spec.lua tests/spec/doc_spec.lua \
		tests/spec/examples_spec.lua

fuzz: deps $(addprefix $(BUILD)/fuzz/,$(FUZZERS))
	@for f in $(FUZZERS); do \
		mkdir -p $(BUILD)/corpus/$$f; \
		echo "== $$f ($${FUZZ_SECONDS:-60}s)"; \
		$(BUILD)/fuzz/$$f -max_total_time=$${FUZZ_SECONDS:-60} -timeout=10 -rss_limit_mb=4096 \
			$(BUILD)/corpus/$$f native/fuzz/corpus/$${f#fuzz_} || exit 1; \
	done

bench: deps
	@$(MAKE) --no-print-directory all $(BUILD)/bench
	@bash tests/bench/run.sh

$(BUILD)/bench: tests/bench/bench.c $(REL)/libchronicle.a
	$(SAY) CC $@
	$(Q)$(CC) $(BASE_CFLAGS) -O2 -o $@ $^ $(XML_LIBS) -lm

SHARED ?= ../shared
eval: deps all
	@[ -d $(SHARED)/data ] || { echo "make eval reads $(SHARED) (the shared corpora); it is not there"; exit 2; }
	@echo "== the canonical sample, as text and as HTML (issues 3, 4)"
	@lua5.4 tests/eval/sample_check.lua $(SHARED)/data/samples/csto-session-2022-01-10.ru.txt | grep -v '^ok '
	@echo "== name normalisation in six cases (issue 3)"
	@lua5.4 tests/eval/name_forms.lua $(SHARED)/data/name-forms-dev.tsv | tail -n 1
	@echo "== FactRuEval dev"
	@python3 $(SHARED)/eval/score.py factrueval $(SHARED)/data/factrueval-2016-dev

clean:
	rm -rf $(BUILD) $(LUADIR)/native_54.so $(LUADIR)/native_51.so
