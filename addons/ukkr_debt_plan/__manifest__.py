# Copyright 2026 МУП «УККР»
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
{
    "name": "УККР: план мероприятий по снижению задолженности",
    "summary": "План мероприятий (распоряжение № 2632-р), его мероприятия, исполнение, совещания, контроль",
    "version": "11.0.1.0.0",
    "category": "Задолженность",
    "author": "МУП «УККР», администрация Северо-Енисейского района",
    "website": "https://www.admse.ru",
    "license": "LGPL-3",
    "depends": ["base", "mail", "web_responsive",
                # production hardening (152-ФЗ, ПП 1119): blocked brute force, password policy, idle sessions end
                "auth_brute_force", "password_security", "auth_session_timeout"],
    "data": [
        "security/ukkr_security.xml",
        "security/ir.model.access.csv",
        "security/ukkr_plan_rules.xml",
        "data/res_partner_data.xml",
        "data/ukkr_plan_data.xml",
        "data/ir_cron_data.xml",
        "wizards/ukkr_plan_version_wizard_views.xml",
        "views/ukkr_plan_measure_views.xml",
        "views/ukkr_plan_execution_views.xml",
        "views/ukkr_plan_views.xml",
        "views/ukkr_plan_meeting_views.xml",
        "views/ukkr_plan_info_event_views.xml",
        "views/res_users_views.xml",
        "views/menu_views.xml",
        "security/ukkr_login_security.xml",
    ],
    "demo": ["demo/ukkr_login_security_demo.xml"],
    "application": True,
    "installable": True,
}
