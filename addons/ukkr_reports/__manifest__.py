# Copyright 2026 МУП «УККР»
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
{
    "name": "УККР: отчёты для администрации",
    "summary": "Ежемесячные и ежеквартальные отчёты администрации, панели, объявления о задолженности по дому",
    "version": "11.0.1.0.0",
    "category": "Задолженность",
    "author": "МУП «УККР», администрация Северо-Енисейского района",
    "website": "https://www.admse.ru",
    "license": "LGPL-3",
    "depends": ["ukkr_collections", "report_xlsx", "board"],
    "data": [],
    "installable": True,
}
