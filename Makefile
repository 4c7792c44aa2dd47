# Two commands set everything up on a fresh machine (Python 3.11+ and make):
#   make report   the main job on the bundled corpus
#   make test     the whole test suite
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
PIP    := $(PY) -m pip --disable-pip-version-check -q

.PHONY: report test test-fast test-update test-compiled compiled lab bench lint clean

$(VENV)/.base: pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit("Python 3.11+ is needed (found %s)" % sys.version.split()[0]) if sys.version_info < (3, 11) else None'
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PIP) install -e .
	@touch $@

$(VENV)/.dev: pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PIP) install -e '.[dev]'
	@touch $(VENV)/.base $@

report: $(VENV)/.base
	$(VENV)/bin/compare-coverage articles data/sample -o reports/sample-articles.csv
	$(VENV)/bin/compare-coverage report data/sample -o reports/sample.html
	@echo "report: $(CURDIR)/reports/sample.html"

test: $(VENV)/.dev lint
	@command -v chromium >/dev/null 2>&1 || bash .ci/install-chromium || echo "chromium is not installed: browser tests will be skipped"
	$(PY) -m pytest -q

# The inner loop: no browser, no notebook kernels.
test-fast: $(VENV)/.dev
	$(PY) -m pytest -q -x -m "not browser and not notebook"

# Rewrite the HTML snapshots after an intended change (review the diff before committing).
test-update: $(VENV)/.dev
	$(PY) -m pytest -q --snapshot-update

# The compiled build (setup.py): the same modules compiled by Cython, in a venv of its own
# so that the editable .venv keeps running the .py files you edit. Needs a C compiler and
# the interpreter's headers. Its interpreter is the operating system's CPython when it has
# one (3.11+, with venv and headers): Debian and Ubuntu build it with profile-guided and
# link-time optimisation into a static executable, and the compiled per-story work takes
# about a fifth less CPU on it than on a default source build (pyenv's: shared libpython,
# no PGO). See docs/scale.md. Else $(PYTHON); or choose: make compiled COMPILED_PYTHON=...
CVENV := .venv-compiled
CPY   := $(CVENV)/bin/python
SYSTEM_PYTHON := /usr/bin/python3
COMPILED_PYTHON ?= $(shell $(SYSTEM_PYTHON) -c 'import ensurepip, os, sys, sysconfig; \
  sys.exit(sys.version_info < (3, 11) or not os.path.exists(sysconfig.get_path("include") + "/Python.h"))' \
  2>/dev/null && echo $(SYSTEM_PYTHON) || echo $(PYTHON))
# one stamp per interpreter: choosing another one makes the venv again
CBUILT := $(CVENV)/.built-$(subst /,_,$(COMPILED_PYTHON))
$(CBUILT): pyproject.toml setup.py $(shell find coverage -name '*.py')
	test -f $@ || rm -rf $(CVENV)
	test -x $(CPY) || $(COMPILED_PYTHON) -m venv $(CVENV)
	$(CPY) -m pip --disable-pip-version-check -q install 'cython>=3.0' 'setuptools>=69' wheel \
	  '.[dev,corpus]'
	COMPARATIVE_COVERAGE_COMPILE=1 $(CPY) -m pip --disable-pip-version-check -q install \
	  --no-build-isolation --force-reinstall --no-deps .
	$(CPY) -c 'import comparative_coverage as cc, sys; sys.exit(0 if cc.compiled else "not compiled")'
	@touch $@

compiled: $(CBUILT)
	@echo "compiled build: $(CURDIR)/$(CVENV)/bin/compare-coverage ($(COMPILED_PYTHON))"

# The fast tests against the compiled build (CI runs them after make test).
test-compiled: $(CBUILT)
	$(CPY) -m pytest -q -x -m "not browser and not notebook"

lab: $(VENV)/.dev
	$(VENV)/bin/jupyter lab notebooks/

# Every benchmarks/bench_*.py and eval_*.py there is, in name order; one that fails does not
# stop the others, and the target fails at the end if any did.
bench: $(VENV)/.dev $(CBUILT)
	$(PY) -m pip -q install -r benchmarks/requirements.txt
	@cd benchmarks && failed=""; \
	for script in bench_*.py eval_*.py; do \
	  [ -f "$$script" ] || continue; \
	  echo "==> benchmarks/$$script"; \
	  ../$(PY) "$$script" || failed="$$failed $$script"; \
	done; \
	if [ -n "$$failed" ]; then echo "failed:$$failed"; exit 1; fi

lint: $(VENV)/.dev
	$(VENV)/bin/ruff check coverage tests benchmarks
	$(VENV)/bin/lint-imports

clean:
	rm -rf $(VENV) $(CVENV) reports build *.egg-info
