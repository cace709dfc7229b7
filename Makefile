# Frontdesk: `make run` starts the desk on a demo database, `make test` passes the tests.
# Everything below sets itself up on a fresh machine (a .venv beside this file).

PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed
UI     := $(wildcard ui/*.ui)
FORMS  := $(patsubst ui/%.ui,desktop_app/qt/forms/ui_%.py,$(UI))
TS     := $(wildcard resources/translations/*.ts)
QM     := $(TS:.ts=.qm)
PYTEST_ARGS ?=

.PHONY: run test test-slow test-all lint bench bench-quick forms translations demo clean dist dist-server

$(STAMP): pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e ".[test,lint]"
	touch $(STAMP)

desktop_app/qt/forms/ui_%.py: ui/%.ui | $(STAMP)
	$(VENV)/bin/pyside6-uic --from-imports -o $@ $<

forms: $(FORMS)

resources/translations/%.qm: resources/translations/%.ts | $(STAMP)
	$(VENV)/bin/pyside6-lrelease -silent $< -qm $@

translations: $(QM)

run: $(STAMP) forms translations
	$(VENV)/bin/frontdesk --demo

test: $(STAMP) forms translations
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest $(PYTEST_ARGS)

test-slow: $(STAMP) forms translations
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -m slow $(PYTEST_ARGS)

test-all: $(STAMP) forms translations
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -m "slow or not slow" $(PYTEST_ARGS)

lint: $(STAMP)
	$(VENV)/bin/ruff check desktop_app central_server tests bench
	$(VENV)/bin/mypy desktop_app central_server
	$(VENV)/bin/lint-imports

bench: $(STAMP)
	for b in bench/*.py; do $(PY) $$b || exit 1; done

bench-quick: $(STAMP)
	for b in bench/*.py; do $(PY) $$b --quick || exit 1; done

VERSION := $(shell sed -n 's/^version = "\(.*\)"/\1/p' pyproject.toml)
TARBALL := build/frontdesk-$(VERSION)-linux-$(shell uname -m).tar.gz

# The Linux one-folder bundle of the desk, with its menu entry and installer, as a tarball.
dist: $(STAMP) forms translations
	$(PY) -m pip install -q -e ".[dist]"
	$(VENV)/bin/pyinstaller --noconfirm --log-level WARN --distpath build/dist \
		--workpath build/work installer/frontdesk.spec
	cp installer/linux/frontdesk.desktop installer/linux/install.sh build/dist/
	tar -C build/dist -czf $(TARBALL) frontdesk frontdesk.desktop install.sh
	@du -sh build/dist/frontdesk $(TARBALL)

dist-server: $(STAMP)
	$(PY) -m pip install -q -e ".[dist]"
	FRONTDESK_BUNDLE=server $(VENV)/bin/pyinstaller --noconfirm --log-level WARN \
		--distpath build/dist --workpath build/work-server installer/frontdesk.spec
	@du -sh build/dist/frontdesk-server

clean:
	rm -rf $(VENV) build dist .pytest_cache .mypy_cache .ruff_cache
