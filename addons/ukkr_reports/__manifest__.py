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
    "data": [
        "security/ir.model.access.csv",
        "data/ir_cron_data.xml",
        "report/report_xlsx.xml",
        "report/building_debt_notice.xml",
        "views/ukkr_report_wizard_views.xml",
        "views/ukkr_debt_snapshot_analysis_views.xml",
        "views/ukkr_debt_service_analysis_views.xml",
        "views/ukkr_report_dispatch_views.xml",
        "views/ukkr_building_views.xml",
        "views/ukkr_measure_effect_views.xml",
        "views/res_config_settings_views.xml",
        "views/board_views.xml",
        "views/menu_views.xml",
        "data/ir_filters_data.xml",
    ],
    "installable": True,
}
