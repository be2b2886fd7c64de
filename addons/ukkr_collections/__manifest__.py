# Copyright 2026 МУП «УККР»
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
{
    "name": "УККР: лицевые счета, задолженность и взыскание",
    "summary": "Лицевые счета, реестр задолженности по периодам, дела должников, досудебная и судебная работа",
    "version": "11.0.1.0.0",
    "category": "Задолженность",
    "author": "МУП «УККР», администрация Северо-Енисейского района",
    "website": "https://www.admse.ru",
    "license": "LGPL-3",
    "depends": ["ukkr_debt_plan", "account", "l10n_ru"],
    "data": [],
    "installable": True,
}
