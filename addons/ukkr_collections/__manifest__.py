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
    "data": [
        "security/ir.model.access.csv",
        "data/ukkr_rule_data.xml",
        "data/ukkr_rule_calendar_data.xml",
        "data/ukkr_rule_key_rate_data.xml",
        "views/ukkr_rule_key_rate_views.xml",
        "views/ukkr_rule_penalty_cap_views.xml",
        "views/ukkr_rule_moratorium_views.xml",
        "views/ukkr_rule_due_day_views.xml",
        "views/ukkr_rule_holiday_views.xml",
        "views/ukkr_rule_penalty_band_views.xml",
        "views/menu_views.xml",
    ],
    "installable": True,
}
