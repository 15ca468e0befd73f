# Neural networks from first principles: every entry point of the book.
#
#   make              set up, fetch data, tangle, build and run every chapter,
#                     draw the figures, build build/book.pdf
#   make test         every test (see scripts/test.sh)
#   make book         the student edition; EDITION=instructor adds solutions
#   make run-01       tangle, build and run chapter 1 (likewise 02, 03, ...)
#   make check EX=1.2 grade exercise 1.2
#   make data         fetch the data sets into build/data
#   make clean        remove build/
#
# Conventions (book/README.md explains them):
#   chapters/NN-slug/README.md   tangles into build/NN-slug/ (see TANGLED_NN-slug)
#   build/NN-slug/main.c         the program's main -> build/bin/NN-slug
#   build/NN-slug/*.c (others)   the chapter library, linked by tests and exercises
#   build/NN-slug/solutions/N.M-name.c   reference solution of exercise N.M
#   chapters/NN-slug/exercises/N.M-name.c  the stub a student completes
#   tests/NN-slug.c              Criterion tests of the chapter library
#   tests/exercises/N.M-name.c   Criterion test grading exercise N.M
#   plots/NN-name.gp             a figure, from build/plotdata/NN-slug/*.dat

.DEFAULT_GOAL := all
SHELL := /bin/bash
MAKEFLAGS += --no-builtin-rules

CC ?= cc
ifeq ($(origin CC),default)
CC := gcc
endif
WARNINGS := -Wall -Wextra -Wpedantic -Werror
CFLAGS ?= -O2 -g
BASE_CFLAGS := -std=c17 $(WARNINGS) -D_POSIX_C_SOURCE=200809L -fopenmp
SANITIZE := -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer
LDLIBS := -lm -lz
CRITERION_LIBS := -lcriterion

CHAPTERS := $(sort $(patsubst chapters/%/README.md,%,$(wildcard chapters/[0-9][0-9]-*/README.md)))
EDITION ?= student

# Goals that must not tangle anything first.
NO_TANGLE_GOALS := clean setup help data
ifneq ($(filter-out $(NO_TANGLE_GOALS),$(or $(MAKECMDGOALS),all)),)
-include $(CHAPTERS:%=build/%/tangle.mk)
endif

# ---- set-up -----------------------------------------------------------------

.PHONY: setup
setup:
	@scripts/setup.sh

# ---- the tangler (a host tool: only a C compiler is needed) -----------------

TANGLE := build/bin/tangle
TANGLE_SRCS := book/tangle/tangle.c book/tangle/main.c

$(TANGLE): $(TANGLE_SRCS) book/tangle/tangle.h
	@mkdir -p $(@D)
	$(CC) $(BASE_CFLAGS) $(CFLAGS) -o $@ $(TANGLE_SRCS)

build/%/tangle.mk: chapters/%/README.md $(TANGLE)
	$(TANGLE) --out build chapters/$*

.PHONY: tangle
tangle: $(CHAPTERS:%=build/%/tangle.mk)

# ---- chapters: objects, programs, tests, exercises -------------------------

build/obj/%.o: build/%.c
	@mkdir -p $(@D)
	$(CC) $(BASE_CFLAGS) $(CFLAGS) -MMD -MP -c -o $@ $<

build/asan/%.o: build/%.c
	@mkdir -p $(@D)
	$(CC) $(BASE_CFLAGS) $(CFLAGS) $(SANITIZE) -MMD -MP -c -o $@ $<

-include $(shell find build/obj build/asan -name '*.d' 2>/dev/null)

# $(call chapter_rules,NN-slug)
define chapter_rules
$(1)_NUMBER := $(firstword $(subst -, ,$(1)))
$(1)_SRCS := $$(filter %.c,$$(filter-out build/$(1)/solutions/%,$$(TANGLED_$(1))))
$(1)_LIB := $$(filter-out build/$(1)/main.c,$$($(1)_SRCS))
$(1)_SOLUTIONS := $$(filter build/$(1)/solutions/%.c,$$(TANGLED_$(1)))

build/bin/$(1): build/$(1)/tangle.mk $$(patsubst build/%.c,build/obj/%.o,$$($(1)_SRCS))
	@mkdir -p $$(@D)
	$$(CC) $$(CFLAGS) -fopenmp -o $$@ $$(filter %.o,$$^) $$(LDLIBS)

build/tests/$(1): tests/$(1).c build/$(1)/tangle.mk $$(patsubst build/%.c,build/obj/%.o,$$($(1)_LIB))
	@mkdir -p $$(@D)
	$$(CC) $$(BASE_CFLAGS) $$(CFLAGS) -Ibuild/$(1) -o $$@ $$(filter %.c %.o,$$^) $$(CRITERION_LIBS) $$(LDLIBS)

build/tests/asan/$(1): tests/$(1).c build/$(1)/tangle.mk $$(patsubst build/%.c,build/asan/%.o,$$($(1)_LIB))
	@mkdir -p $$(@D)
	$$(CC) $$(BASE_CFLAGS) $$(CFLAGS) $$(SANITIZE) -Ibuild/$(1) -o $$@ $$(filter %.c %.o,$$^) $$(CRITERION_LIBS) $$(LDLIBS)

.PHONY: run-$$($(1)_NUMBER) run-$(1)
run-$$($(1)_NUMBER) run-$(1): build/bin/$(1)
	build/bin/$(1)
endef
$(foreach chapter,$(CHAPTERS),$(eval $(call chapter_rules,$(chapter))))

PROGRAMS := $(CHAPTERS:%=build/bin/%)

# A chapter may add rules of its own (e.g. training a model the book quotes):
# chapters/NN-slug/rules.mk, which may append to BOOK_PREREQUISITES and
# TEST_PREREQUISITES and override build/plotdata/NN-slug/.stamp.
BOOK_PREREQUISITES :=
TEST_PREREQUISITES :=
-include $(wildcard $(CHAPTERS:%=chapters/%/rules.mk))
CHAPTER_TESTS := $(foreach c,$(CHAPTERS),$(if $(wildcard tests/$(c).c),build/tests/$(c)))
ASAN_TESTS := $(CHAPTER_TESTS:build/tests/%=build/tests/asan/%)

.PHONY: programs
programs: $(PROGRAMS)

# Exercises: build/ex/N.M-name-{stub,solution}, graded by tests/exercises/N.M-name.c.
EXERCISE_STUBS := $(sort $(foreach c,$(CHAPTERS),$(wildcard chapters/$(c)/exercises/*.c)))
exercise_name = $(basename $(notdir $(1)))
exercise_chapter = $(word 2,$(subst /, ,$(1)))

define exercise_rules
build/ex/$(call exercise_name,$(1))-stub: $(1) tests/exercises/$(call exercise_name,$(1)).c build/$(call exercise_chapter,$(1))/tangle.mk $$(patsubst build/%.c,build/obj/%.o,$$($(call exercise_chapter,$(1))_LIB))
	@mkdir -p $$(@D)
	$$(CC) $$(BASE_CFLAGS) -Wno-unused-parameter $$(CFLAGS) -Ibuild/$(call exercise_chapter,$(1)) -o $$@ $$(filter %.c %.o,$$^) $$(CRITERION_LIBS) $$(LDLIBS)

build/ex/$(call exercise_name,$(1))-solution: build/$(call exercise_chapter,$(1))/tangle.mk tests/exercises/$(call exercise_name,$(1)).c $$(patsubst build/%.c,build/obj/%.o,$$($(call exercise_chapter,$(1))_LIB))
	@mkdir -p $$(@D)
	$$(CC) $$(BASE_CFLAGS) $$(CFLAGS) -Ibuild/$(call exercise_chapter,$(1)) -o $$@ build/$(call exercise_chapter,$(1))/solutions/$(notdir $(1)) $$(filter %.c %.o,$$^) $$(CRITERION_LIBS) $$(LDLIBS)
endef
$(foreach stub,$(EXERCISE_STUBS),$(eval $(call exercise_rules,$(stub))))

EXERCISE_BINS := $(foreach s,$(EXERCISE_STUBS),build/ex/$(call exercise_name,$(s))-stub build/ex/$(call exercise_name,$(s))-solution)

.PHONY: check
check:
	@FILE="$(FILE)" scripts/check-exercise.sh "$(EX)"

# make print-VARIABLE: the value of a variable (used by scripts).
print-%:
	@echo $($*)

# ---- figures ---------------------------------------------------------------

# Each chapter program writes its plot data with --plot-data DIR.
build/plotdata/%/.stamp: build/bin/%
	@mkdir -p $(@D)
	build/bin/$* --plot-data $(@D) > /dev/null
	@touch $@

plot_chapter = $(filter $(firstword $(subst -, ,$(notdir $(1))))-%,$(CHAPTERS))
PLOT_SCRIPTS := $(foreach p,$(sort $(wildcard plots/[0-9][0-9]-*.gp)),$(if $(call plot_chapter,$(p)),$(p)))
FIGURES := $(foreach p,$(PLOT_SCRIPTS),build/fig/$(basename $(notdir $(p))).pdf build/fig/$(basename $(notdir $(p))).png)

define figure_rules
build/fig/$(basename $(notdir $(1))).pdf build/fig/$(basename $(notdir $(1))).png &: $(1) plots/common.gp build/plotdata/$(call plot_chapter,$(1))/.stamp
	@mkdir -p build/fig
	gnuplot -e "data='build/plotdata/$(call plot_chapter,$(1))'; term='pdf'; out='build/fig/$(basename $(notdir $(1))).pdf'" $(1)
	gnuplot -e "data='build/plotdata/$(call plot_chapter,$(1))'; term='png'; out='build/fig/$(basename $(notdir $(1))).png'" $(1)
endef
$(foreach p,$(PLOT_SCRIPTS),$(eval $(call figure_rules,$(p))))

.PHONY: figures
figures: $(FIGURES)

# ---- the book --------------------------------------------------------------

BIBLIOGRAPHIES := book/references.bib $(wildcard chapters/*/references.bib)
BOOK_INPUTS := book/metadata.yaml book/preamble.tex book/literate.lua $(BIBLIOGRAPHIES)
BOOK_SOURCES := book/front.md $(CHAPTERS:%=chapters/%/README.md)
BOOK := $(if $(filter instructor,$(EDITION)),build/book-instructor.pdf,build/book.pdf)
PANDOC_FLAGS := --from commonmark_x+implicit_figures --metadata-file book/metadata.yaml \
	--metadata edition=$(EDITION) \
	--metadata date="$(if $(filter instructor,$(EDITION)),Instructor edition (with solutions),Student edition)" \
	--lua-filter book/literate.lua --citeproc $(BIBLIOGRAPHIES:%=--bibliography %) \
	--include-in-header book/preamble.tex --top-level-division=chapter \
	--number-sections --toc --highlight-style tango --pdf-engine pdflatex

# $(call latex_pdf,NAME,INPUTS,OUTPUT,CHAPTERS): pandoc to LaTeX, pdflatex twice
# (the second pass resolves the table of contents and cross-references).
define latex_pdf
	@mkdir -p build/tex
	pandoc $(PANDOC_FLAGS) --metadata chapters="$(4)" $(2) -o build/tex/$(1).tex --standalone
	for pass in 1 2; do \
	  pdflatex -interaction=nonstopmode -halt-on-error -output-directory build/tex build/tex/$(1).tex > /dev/null \
	  || { grep -A5 '^!' build/tex/$(1).log | head -30; echo "book: pdflatex failed, see build/tex/$(1).log"; exit 1; }; done
	mv build/tex/$(1).pdf $(3)
	@echo "book: $(3) ($$(pdfinfo $(3) 2>/dev/null | awk '/^Pages/ {print $$2}') pages)"
endef

$(BOOK): $(BOOK_INPUTS) $(BOOK_SOURCES) $(PROGRAMS) $(FIGURES) $(BOOK_PREREQUISITES)
	$(call latex_pdf,book-$(EDITION),$(BOOK_SOURCES),$@,$(CHAPTERS))

.PHONY: book
book: $(BOOK)

# One chapter on its own, for authors: make pdf-02 -> build/pdf/02-perceptron.pdf
define chapter_pdf_rules
.PHONY: pdf-$(firstword $(subst -, ,$(1)))
pdf-$(firstword $(subst -, ,$(1))): build/pdf/$(1).pdf
build/pdf/$(1).pdf: $(BOOK_INPUTS) chapters/$(1)/README.md build/bin/$(1) $(filter build/fig/$(firstword $(subst -, ,$(1)))-%,$(FIGURES))
	@mkdir -p build/pdf
	$$(call latex_pdf,$(1)-$$(EDITION),chapters/$(1)/README.md,$$@,$(1))
endef
$(foreach chapter,$(CHAPTERS),$(eval $(call chapter_pdf_rules,$(chapter))))

# Program output quoted in the chapters ("```console {.run}" blocks) must be
# what the programs print now.
.PHONY: check-outputs
check-outputs: $(PROGRAMS)
	@for c in $(CHAPTERS); do \
	  pandoc --from commonmark_x --metadata check-outputs=true --metadata chapters="$$c" \
	    --lua-filter book/literate.lua chapters/$$c/README.md -t native -o /dev/null || exit 1; \
	done; echo "check-outputs: every quoted output matches its program"

# ---- data ------------------------------------------------------------------

.PHONY: data
data:
	@scripts/fetch-data.sh

# ---- the main job and the tests --------------------------------------------

.PHONY: all run
all: setup
	@$(MAKE) --no-print-directory data
	@$(MAKE) --no-print-directory programs
	@$(MAKE) --no-print-directory run
	@$(MAKE) --no-print-directory book

run: $(PROGRAMS)
	@for c in $(CHAPTERS); do echo "== build/bin/$$c"; build/bin/$$c || exit 1; done

TEST_BINS := build/tests/tangle build/tests/asan/tangle $(CHAPTER_TESTS) $(ASAN_TESTS)

build/tests/tangle: tests/tangle.c $(TANGLE_SRCS) book/tangle/tangle.h
	@mkdir -p $(@D)
	$(CC) $(BASE_CFLAGS) $(CFLAGS) -Ibook/tangle -o $@ tests/tangle.c book/tangle/tangle.c $(CRITERION_LIBS)

build/tests/asan/tangle: tests/tangle.c $(TANGLE_SRCS) book/tangle/tangle.h
	@mkdir -p $(@D)
	$(CC) $(BASE_CFLAGS) $(CFLAGS) $(SANITIZE) -Ibook/tangle -o $@ tests/tangle.c book/tangle/tangle.c $(CRITERION_LIBS)

.PHONY: test test-build
test-build: $(PROGRAMS) $(TEST_BINS) $(EXERCISE_BINS) $(TEST_PREREQUISITES)

test: setup
	@$(MAKE) --no-print-directory data
	@$(MAKE) --no-print-directory test-build
	@EXERCISES="$(foreach s,$(EXERCISE_STUBS),$(call exercise_name,$(s)))" scripts/test.sh $(TEST_BINS)

.PHONY: bench
bench: setup
	@scripts/bench.sh

.PHONY: clean
clean:
	rm -rf build

# ---- robustness (issue 7) ----------------------------------------------------
# Hostile input, faults and memory. make test runs a short version of each.
#   make fuzz          every libFuzzer target for FUZZ_SECONDS (default 60) each
#   make fuzz-corpus   rewrite the seed corpus fuzz/corpus/ (scripts/fuzz-corpus.sh)
#   make robust        bad command lines (tests/cli.sh, on the sanitizer builds
#                      build/bin/asan/NN-slug), injected faults (scripts/faults.sh),
#                      reproducibility (scripts/reproducible.sh), fuzz smoke runs
#   make valgrind      every program's default runs under valgrind memcheck
#                      (build/bin/valgrind/NN-slug: -O2 -g, no -march=native)
# fuzz/tangle.c fuzzes the tangler; fuzz/NN-name.c a parser of chapter NN, linked
# with that chapter's library (build/NN-slug/*.c but main.c) compiled by clang.
# A chapter joins by adding fuzz/NN-name.c and tests/cli/NN-slug.cases.

FUZZ_CC ?= clang
FUZZ_SECONDS ?= 60
FUZZ_SMOKE_SECONDS ?= 4
FUZZ_CFLAGS := -std=c17 -D_POSIX_C_SOURCE=200809L -g -O1 -Wall -Wextra -Wno-unknown-pragmas \
	-fno-omit-frame-pointer -fno-sanitize-recover=undefined
FUZZ_SANITIZE := address,undefined
fuzz_chapter = $(filter $(firstword $(subst -, ,$(1)))-%,$(CHAPTERS))
FUZZ_TARGETS := tangle $(foreach f,$(sort $(wildcard fuzz/[0-9][0-9]-*.c)),\
	$(if $(call fuzz_chapter,$(basename $(notdir $(f)))),$(basename $(notdir $(f)))))
FUZZ_BINS := $(FUZZ_TARGETS:%=build/fuzz/%)
ASAN_PROGRAMS := $(CHAPTERS:%=build/bin/asan/%)

build/fuzz/obj/%.o: build/%.c
	@mkdir -p $(@D)
	$(FUZZ_CC) $(FUZZ_CFLAGS) -fsanitize=fuzzer-no-link,$(FUZZ_SANITIZE) -MMD -MP -c -o $@ $<

build/fuzz/tangle: fuzz/tangle.c $(TANGLE_SRCS) book/tangle/tangle.h
	@mkdir -p $(@D)
	$(FUZZ_CC) $(FUZZ_CFLAGS) -fsanitize=fuzzer,$(FUZZ_SANITIZE) -Ibook/tangle -o $@ \
	  fuzz/tangle.c book/tangle/tangle.c

define robust_fuzz_rules
build/fuzz/$(1): fuzz/$(1).c fuzz/fuzz.h build/$(2)/tangle.mk $$(patsubst build/%.c,build/fuzz/obj/%.o,$$($(2)_LIB))
	@mkdir -p $$(@D)
	$$(FUZZ_CC) $$(FUZZ_CFLAGS) -fsanitize=fuzzer,$$(FUZZ_SANITIZE) -Ifuzz -Ibuild/$(2) -o $$@ \
	  fuzz/$(1).c $$(filter %.o,$$^) $$(LDLIBS)
endef
$(foreach t,$(filter-out tangle,$(FUZZ_TARGETS)),$(eval $(call robust_fuzz_rules,$(t),$(call fuzz_chapter,$(t)))))

# The programs built with AddressSanitizer + UndefinedBehaviorSanitizer, and
# for valgrind: -O2 -g for any x86-64 (valgrind knows no AVX-512, which a
# chapter's -march=native may use).
build/valgrind/%.o: build/%.c
	@mkdir -p $(@D)
	$(CC) $(BASE_CFLAGS) -O2 -g -MMD -MP -c -o $@ $<

define robust_program_rules
build/bin/asan/$(1): build/$(1)/tangle.mk $$(patsubst build/%.c,build/asan/%.o,$$($(1)_SRCS))
	@mkdir -p $$(@D)
	$$(CC) $$(CFLAGS) $$(SANITIZE) -fopenmp -o $$@ $$(filter %.o,$$^) $$(LDLIBS)

build/bin/valgrind/$(1): build/$(1)/tangle.mk $$(patsubst build/%.c,build/valgrind/%.o,$$($(1)_SRCS))
	@mkdir -p $$(@D)
	$$(CC) -O2 -g -fopenmp -o $$@ $$(filter %.o,$$^) $$(LDLIBS)
endef
$(foreach chapter,$(CHAPTERS),$(eval $(call robust_program_rules,$(chapter))))
VALGRIND_PROGRAMS := $(CHAPTERS:%=build/bin/valgrind/%)

-include $(shell find build/fuzz/obj build/valgrind -name '*.d' 2>/dev/null)

# Makes one library call fail on demand (scripts/faults.sh).
build/lib/nnfp-inject.so: tests/cli/inject.c
	@mkdir -p $(@D)
	$(CC) -std=c17 -Wall -Wextra -Werror -O2 -shared -fPIC -o $@ $< -ldl

# What scripts/test.sh and the scripts below are told.
export NNFP_CHAPTERS := $(CHAPTERS)
export NNFP_FUZZ_TARGETS := $(FUZZ_TARGETS)
export FUZZ_SMOKE_SECONDS

.PHONY: fuzz fuzz-corpus robust robust-build valgrind
fuzz: $(FUZZ_BINS)
	@scripts/fuzz.sh --seconds $(FUZZ_SECONDS) $(FUZZ_TARGETS)

fuzz-corpus:
	@scripts/fuzz-corpus.sh

robust-build: $(PROGRAMS) $(ASAN_PROGRAMS) $(VALGRIND_PROGRAMS) $(FUZZ_BINS) build/lib/nnfp-inject.so

robust: robust-build
	@$(MAKE) --no-print-directory data
	@scripts/robust.sh

valgrind: $(VALGRIND_PROGRAMS)
	@$(MAKE) --no-print-directory data
	@scripts/valgrind.sh $(CHAPTERS)

test-build: robust-build
