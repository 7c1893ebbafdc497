# dost-news task runner. Every target creates/updates .venv first.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
DB     ?= data/dost.db
PORT   ?= 8001
MIRROR_PORT ?= 8765

.PHONY: help install demo data crawl serve serve-public mirror mirror-build test lint clean

help:
	@echo "make demo          crawl the mirror into $(DB), then serve Datasette on :$(PORT)"
	@echo "make data          crawl the mirror into $(DB) (no serving)"
	@echo "make serve         serve $(DB) with Datasette on http://127.0.0.1:$(PORT)"
	@echo "make serve-public  serve $(DB) for a shared deployment (no arbitrary SQL, limits)"
	@echo "make crawl         crawl the live department sites into $(DB)"
	@echo "make test          run the whole test suite"
	@echo "make mirror        serve data/mirror/ on http://127.0.0.1:$(MIRROR_PORT)"
	@echo "make mirror-build  re-render data/mirror/ from its content and templates"
	@echo "make lint          ruff check and format check"

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

install: $(STAMP)

demo: data serve

data: $(STAMP)
	DOST_DB=$(DB) $(BIN)/scrapy crawlall --mirror

crawl: $(STAMP)
	DOST_DB=$(DB) $(BIN)/scrapy crawlall

serve: $(STAMP)
	@test -f $(DB) || { echo "no $(DB) yet: run 'make data' first"; exit 1; }
	$(BIN)/datasette serve $(DB) --metadata metadata.json --plugins-dir plugins --template-dir templates \
		--host 127.0.0.1 --port $(PORT) \
		--setting sql_time_limit_ms 3000 --setting suggest_facets off

# A shared deployment: arbitrary SQL off (stored queries still work), downloads off, tight
# time limits; settings in settings-public.json. HOST=0.0.0.0 to listen beyond loopback.
# deploy/serve.sh is also what the server's systemd unit runs.
HOST ?= 127.0.0.1

serve-public: $(STAMP)
	@test -f $(DB) || { echo "no $(DB) yet: run 'make data' first"; exit 1; }
	DOST_DB=$(DB) HOST=$(HOST) PORT=$(PORT) deploy/serve.sh

mirror: $(STAMP)
	$(BIN)/python -m crawlers.mirror --port $(MIRROR_PORT)

mirror-build: $(STAMP)
	$(BIN)/python -m crawlers.mirror.build

test: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/python -m pytest

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache $(DB) $(DB)-wal $(DB)-shm
