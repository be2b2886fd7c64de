# УККР debt-reduction suite — the two commands a newcomer needs are `make run` and `make test`.
SHELL := /bin/bash
.DEFAULT_GOAL := help
.PHONY: help setup run test test-module stop reset bench backup restore

help:
	@echo "make run    — установить всё нужное, поднять PostgreSQL и базу ukkr с демо-данными, запустить веб-клиент :8069"
	@echo "make test   — все тесты: тесты модулей Odoo (--test-enable) и tests/ (pytest, Playwright)"
	@echo "make stop   — остановить сервер Odoo и приватный кластер PostgreSQL"
	@echo "make reset  — остановить всё и удалить базу ukkr и файлы (.run/)"
	@echo "make test-module MODULE=ukkr_debt_plan — тесты одного модуля"
	@echo "make backup [DB=ukkr] — резервная копия: база (pg_dump) и файлы вложений в backups/<база>-<дата>.tar.gz"
	@echo "make restore FILE=backups/… [DB=имя] [FORCE=1] — восстановить базу и файлы из копии"
	@echo "make bench — замеры: импорт месяца, закрытие, пени, сводная, канбан дел (база ukkr_bench; таблица в artifacts/bench.txt)"

setup:
	@bash tools/setup.sh --browser

run:
	@bash tools/run.sh

test:
	@bash tools/test.sh

test-module:
	@bash tools/test.sh --module "$(MODULE)"

stop:
	@bash tools/stop.sh

reset:
	@bash tools/stop.sh && rm -rf .run && echo "==> .run/ удалён: база ukkr и файлы будут созданы заново при make run"

bench:
	@bash tools/bench.sh

backup:
	@bash tools/backup.sh $(DB)

restore:
	@bash tools/restore.sh "$(FILE)" $(DB)
