"""No English where a Russian user looks (issue 17, item 3).

As a Russian user (lang ru_RU) the suite's screens are read the way the web client gets them and every text a user
sees is checked for English words left untranslated:
- every view of the three modules — form, list, kanban, search, graph, pivot, calendar — through ``fields_view_get``
  (the arch with its extensions, translated, and the descriptions of its fields: labels, help, selection values);
- the menus each of the five roles is shown (ours and Odoo's), window actions (title, empty-list help), reports;
- every field of the suite's models (label, help, selection values) and the names of every record of them that the
  modules' data create (rules, stages, measures …);
- the web client's own terms the suite's screens show (graph controls, dialog titles …), as the web client loads
  them (``/web/webclient/translations``: ``ir.translation.get_translations_for_webclient``);
- a day's work done as Russian users (a case, a notice sent and delivered, a visit, a court order, a proceeding, a
  write-off …): the chatter messages, tracking values, activities and record names it leaves behind.

A text fails when it has a Latin word that is not one of the few a Russian user reads as such (SMS, E-mail, DOCX …).
"""
import re

from lxml import etree

from odoo.tests import common
from odoo.tools import html2plaintext

from odoo.addons.ukkr_collections.tests.test_billing_import import ACCOUNTS_IDENTIFIED
from odoo.addons.ukkr_debt_plan.tests.common import today_is

from .test_button_sweep import ACCRUALS

MODULES = ("ukkr_debt_plan", "ukkr_collections", "ukkr_reports")
ROLES = [("operator", "ukkr_debt_plan.group_ukkr_operator"), ("lawyer", "ukkr_debt_plan.group_ukkr_lawyer"),
         ("manager", "ukkr_debt_plan.group_ukkr_manager"), ("executor", "ukkr_debt_plan.group_admin_executor"),
         ("control", "ukkr_debt_plan.group_admin_control")]
NAMES = {"operator": "Оператор Ольга", "lawyer": "Юрист Юрий", "manager": "Руководитель Роман",
         "executor": "Исполнитель Иван", "control": "Контролёр Кира"}
# Latin words a Russian user reads as they are
ALLOWED = {"SMS", "E-mail", "e-mail", "Email", "email", "URL", "DOCX", "XLSX", "xlsx", "PDF", "CSV", "ID", "ZIP",
           "JSON", "HTTP", "HTTPS", "API", "XML", "UKKR", "UTF", "QR", "II", "III", "IV", "VI", "VII", "VIII", "IX",
           "XI", "XII", "IP", "Word", "KeyRate"}   # IP address, Microsoft Word, the Bank of Russia's XML element
SKIP = [re.compile(p) for p in (r"%\(\w+\)[sdf]", r"%[sdf]", r"https?://\S+", r"\S+@\S+\.\w+", r"\{\{.*?\}\}",
                                r"\b[\w.-]+\.(?:ru|com|org|net)\b",
                                r"Authorization: Bearer")]   # an HTTP header, written as the gateway sends it
WORD = re.compile(r"[A-Za-z][A-Za-z'-]*[A-Za-z]")
TEXT_ATTRIBUTES = ("string", "help", "placeholder", "confirm", "sum", "avg", "title", "aria-label", "alt")
# web client terms the suite's screens show (Odoo's own strings, translated through the suite's modules where Odoo's
# Russian translation lacks them): graph controls, the dialog of a one2many line, error dialogs …
WEB_TERMS = ("Grouped", "Stacked", "Create ", "Task", "More", "Odoo Server Error", "Warning", "Access Error", "Validation Error", "Bar Chart",
             "Line Chart", "Pie Chart", "Measures", "Count", "Total", "Expand all", "Flip axis", "Open: ",
             "Create and Edit...", "Search More...")


def english(text):
    """The Latin words of a text a Russian user would see as untranslated English."""
    if not text:
        return []
    for pattern in SKIP:
        text = pattern.sub(" ", text)
    return [word for word in WORD.findall(text) if word not in ALLOWED]


def arch_texts(arch):
    """(where, text) of every text of a view a user reads: labels, help, placeholders, static text."""
    root = etree.fromstring(arch.encode("utf-8") if isinstance(arch, str) else arch)
    found = []
    for node in root.iter():
        if not isinstance(node.tag, str):
            continue
        for attribute in TEXT_ATTRIBUTES:
            if node.get(attribute):
                found.append(("<%s %s>" % (node.tag, attribute), node.get(attribute)))
        for text in (node.text, node.tail):
            if text and text.strip():
                found.append(("<%s> text" % node.tag, text.strip()))
    return found


CHATTER = re.compile(r"^(message_|activity_|website_message_ids$)")   # drawn by the chatter's widgets


def field_texts(fields):
    """Labels, help and values of the fields a view shows (the chatter's fields are drawn by its widgets, with
    their own words; time zone names are technical names)."""
    found = []
    for name, description in fields.items():
        if CHATTER.match(name):
            continue
        found.append(("field %s" % name, description.get("string")))
        found.append(("field %s help" % name, description.get("help")))
        if name != "tz":
            for value, label in description.get("selection") or []:
                found.append(("field %s value %s" % (name, value), label))
        for view_type, sub in (description.get("views") or {}).items():
            found += [("%s/%s: %s" % (name, view_type, where), text) for where, text in arch_texts(sub["arch"])]
            found += [("%s/%s: %s" % (name, view_type, where), text) for where, text in field_texts(sub["fields"])]
    return found


@common.at_install(False)
@common.post_install(True)
class TestRussianUi(common.TransactionCase):

    def setUp(self):
        super().setUp()
        env = self.env
        self.assertTrue(env["res.lang"].search([("code", "=", "ru_RU")]))
        Users = env["res.users"].with_context(no_reset_password=True, tracking_disable=True)
        self.users = {code: Users.create({
            "name": NAMES[code], "login": "t_ru_" + code, "lang": "ru_RU",
            "tz": "Asia/Krasnoyarsk", "email": "ru_%s@ukkr.example.ru" % code,
            "groups_id": [(6, 0, [env.ref(xml_id).id])]}) for code, xml_id in ROLES}
        self.everyone = Users.create({
            "name": "Русский интерфейс: все роли", "login": "t_ru_all", "lang": "ru_RU", "tz": "Asia/Krasnoyarsk",
            "groups_id": [(6, 0, [env.ref(xml_id).id for _code, xml_id in ROLES])]})
        self.ru = env(user=self.everyone.id, context={"lang": "ru_RU", "tz": "Asia/Krasnoyarsk"})

    def check(self, found, what):
        problems = sorted({"%s — %s: %r" % (where, " ".join(english(text)), text)
                           for where, text in found if english(text)})
        if problems:
            self.fail("%s: English left where a Russian user looks (%d):\n%s"
                      % (what, len(problems), "\n".join(problems)))

    def our_fields(self):
        """{(model, field)} of the fields the suite's modules define (their ir.model.fields belong to them)."""
        self.env.cr.execute("""SELECT f.model, f.name FROM ir_model_fields f
                               JOIN ir_model_data d ON d.model = 'ir.model.fields' AND d.res_id = f.id
                               WHERE d.module IN %s""", (MODULES,))
        return set(self.env.cr.fetchall())

    def suite_records(self, model):
        self.env.cr.execute("""SELECT res_id FROM ir_model_data WHERE model = %s AND module IN %s""",
                            (model, MODULES))
        return self.env[model].browse([row[0] for row in self.env.cr.fetchall()])

    # ------------------------------------------------------------------ screens
    def test_views(self):
        """Every view of the suite, and the views of Odoo's modules the suite opens (its actions, e.g. the audit
        log); of a view of Odoo's only extended by the suite (the user form, the settings), what the suite adds."""
        found = []
        views = self.suite_records("ir.ui.view")
        opened = set(self.suite_records("ir.actions.act_window").mapped("res_model")) - {"res.config.settings"}
        roots = set()
        for view in views:
            root = view
            while root.mode == "extension" and root.inherit_id:
                root = root.inherit_id
            if root in views or root.model in opened:
                roots.add(root)
            else:
                arch = view.with_context(lang="ru_RU").arch_db
                found += [("%s (extends %s) %s" % (view.xml_id, root.xml_id, w), t) for w, t in arch_texts(arch)]
        for view in roots:
            if view.type == "qweb":
                continue
            result = self.ru[view.model].fields_view_get(view_id=view.id, view_type=view.type)
            where = "%s (%s)" % (view.xml_id or view.name, view.type)
            found += [("%s %s" % (where, w), t) for w, t in arch_texts(result["arch"])]
            found += [("%s %s" % (where, w), t) for w, t in field_texts(result["fields"])]
        self.assertGreater(len(roots), 100)
        self.check(found, "views")

    def test_menus_actions_reports(self):
        found = []
        for code, _xml_id in ROLES + [("all", None)]:
            user = self.users.get(code) or self.everyone
            menus = self.env["ir.ui.menu"].sudo(user).with_context(lang="ru_RU").load_menus(False)
            stack = list(menus["children"])
            while stack:
                menu = stack.pop()
                found.append(("menu of %s: %s" % (code, menu.get("xmlid") or menu["id"]), menu["name"]))
                stack.extend(menu.get("children") or [])
        silent = []
        for action in self.suite_records("ir.actions.act_window").with_context(lang="ru_RU"):
            found.append(("action %s" % action.xml_id, action.name))
            found.append(("action %s help" % action.xml_id, html2plaintext(action.help or "")))
            if action.target != "new" and {"tree", "kanban"} & set((action.view_mode or "").split(",")) \
                    and not html2plaintext(action.help or "").strip():
                silent.append(action.xml_id)
        self.assertFalse(silent, "lists that say nothing when empty (give the action a help): %s" % silent)
        # what other modules bind to the suite's models («Действие», «Печать»: e.g. auditlog's log of a record)
        suite_models = self.suite_records("ir.model").filtered(lambda m: m.model.startswith("ukkr."))
        for action in self.env["ir.actions.actions"].search([("binding_model_id", "in", suite_models.ids)]):
            found.append(("bound to %s: %s" % (action.binding_model_id.model, action.type),
                          self.env[action.type].with_context(lang="ru_RU").browse(action.id).name))
        for model in ("ir.actions.report", "ir.actions.server", "ir.cron"):
            for record in self.suite_records(model).with_context(lang="ru_RU"):
                found.append(("%s %s" % (model, record.xml_id if hasattr(record, "xml_id") else record.id),
                              record.name))
        self.check(found, "menus, actions and reports")

    def test_fields_and_records(self):
        found = []
        ours = self.our_fields()
        for model in sorted({model for model, _name in ours}):
            if model not in self.env:
                continue
            Model = self.ru[model]
            for name, description in Model.fields_get(attributes=["string", "help", "selection"]).items():
                if (model, name) not in ours or name == "tz":
                    continue
                found.append(("%s.%s" % (model, name), description.get("string")))
                found.append(("%s.%s help" % (model, name), description.get("help")))
                for value, label in description.get("selection") or []:
                    found.append(("%s.%s value %s" % (model, name, value), label))
            if model.startswith("ukkr.") and not Model._abstract and not Model._transient and Model._auto \
                    and model != "ukkr.billing.import":   # its records are named after the files loaded
                for record_id, name in Model.sudo().with_context(lang="ru_RU").search([], limit=500).name_get():
                    found.append(("%s(%d) name" % (model, record_id), name))
        self.check(found, "fields and records")

    def test_web_client_terms(self):
        """The terms as /web/webclient/translations gives them to the web client (a later module's wins)."""
        modules = self.env["ir.module.module"].search([("state", "=", "installed")]).mapped("name")
        known = {}
        for message in self.env["ir.translation"].search_read([
                ("module", "in", modules), ("lang", "=", "ru_RU"), ("comments", "like", "openerp-web"),
                ("value", "!=", False), ("value", "!=", "")], ["src", "value"], order="module"):
            known[message["src"]] = message["value"]
        missing = [term for term in WEB_TERMS if not known.get(term) or english(known[term])]
        self.assertFalse(missing, "web client terms without a Russian translation: %s" % missing)

    # ------------------------------------------------------------------ what a day's work leaves behind
    def test_chatter_tracking_and_activities_of_a_day(self):
        """A day of the three УККР roles and the control group, as Russian users; then every chatter message,
        tracking value, activity and record name it left, and the messages the modules' installation left."""
        env = self.env
        first_message = env["mail.message"].search([], order="id desc", limit=1).id
        with today_is("2026-11-26"):
            importer = env["ukkr.billing.import"]
            for text, name in ((ACCOUNTS_IDENTIFIED, "accounts.csv"), (ACCRUALS, "accruals.csv")):
                importer.import_content(text.encode("utf-8"), name)
            # as the scheduled action closes it: in its user's language (ir_cron.py)
            env["ukkr.monthly.close"].with_context(lang="ru_RU").close_period("2026-09")
        municipal = env["ukkr.personal.account"].search([("name", "=", "9900000002")])
        ru = {"lang": "ru_RU", "tz": "Asia/Krasnoyarsk"}

        def as_(code, model):
            return env[model].sudo(self.users[code]).with_context(**ru)
        touched = []
        with today_is("2026-11-10"):
            case = as_("operator", "ukkr.debtor.case").search([("account_id", "=", municipal.id),
                                                                ("state", "=", "open")]) or \
                as_("operator", "ukkr.debtor.case").create({"account_id": municipal.id})
            notice = as_("operator", "ukkr.notice").create({"account_id": municipal.id, "kind": "warning",
                                                           "channel": "registered_letter"})
            notice.action_send()
            visit = as_("operator", "ukkr.visit").create({"account_id": municipal.id, "date": "2026-11-10",
                                                         "result": "met", "note": "Обещала зайти в кассу"})
        with today_is("2026-11-12"):
            notice._confirm_delivery("2026-11-12", "РПО 66300012345678")   # «Доставка подтверждена», confirmed
        with today_is("2026-11-02"):
            court = as_("lawyer", "ukkr.court.case").create({"account_id": municipal.id, "kind": "court_order",
                                                             "date": "2026-11-02"})
            court.action_load_tranches()
            court._file()
        court.sudo().write({"date_order": "2026-11-05"})
        with today_is("2026-11-06"):
            court.action_order_issued()
        court.sudo().write({"date_order_received": "2026-11-05", "date_in_force": "2026-11-20"})
        with today_is("2026-11-20"):
            court.action_in_force()
        court.sudo().write({"writ_number": "2-555/2026", "writ_date": "2026-11-21", "writ_amount": 12500})
        with today_is("2026-11-21"):
            court.action_writ()
            proceeding = as_("lawyer", "ukkr.enforcement.proceeding").create({
                "account_id": municipal.id, "writ_number": "2-555/2026", "writ_date": "2026-11-21",
                "court_name": "Мировой судья судебного участка № 166", "writ_amount": 12500, "route": "bailiff",
                "fssp_department": "ОСП по Северо-Енисейскому району"})
            proceeding._present()
        organisation = env["ukkr.personal.account"].search([("name", "=", "9900000003")])
        write_off = as_("lawyer", "ukkr.write.off").create({   # 2023-09, time-barred since 11.10.2026
            "account_id": organisation.id, "reason": "time_barred",
            "line_ids": [(0, 0, {"period": "2023-09", "principal": 5000})]})
        with today_is("2026-11-26"):
            write_off.action_propose()
            write_off.sudo(self.users["manager"]).action_approve()
            measure = as_("control", "ukkr.plan.measure").create({
                "plan_id": env.ref("ukkr_debt_plan.plan_2632r").id, "number": 982,
                "name": "Мероприятие для проверки журнала", "responsible_user_ids": [(6, 0, self.users["operator"].ids)]})
            execution = as_("operator", "ukkr.plan.execution").create({
                "measure_id": measure.id, "kind": "entry", "period_start": "2026-11-01", "period_end": "2026-11-30",
                "deadline": "2026-11-30"})
            execution.action_start()
            execution.write({"evidence_note": "Разосланы уведомления"})
            execution.action_submit()
            execution.sudo(self.users["control"]).write({"control_comment": "Приложите реестр отправки"})
            execution.sudo(self.users["control"]).with_context(**ru).action_return()
        touched += [case, notice, visit, court, proceeding, write_off, execution]
        found = []
        for record in touched:
            found.append(("%s name" % record._name, record.with_context(**ru).display_name))
        Message = env["mail.message"].with_context(**ru)
        messages = Message.search([("id", ">", first_message)])
        for message in messages.message_format():   # as the chatter receives them
            where = "message %d on %s" % (message["id"], message["model"])
            found.append((where, html2plaintext(message["body"] or "")))
            found.append((where + " subject", message["subject"]))
            found.append((where + " subtype", message["subtype_id"] and message["subtype_id"][1]))
            for value in message["tracking_value_ids"]:
                found.append((where + " tracking", value["changed_field"]))
                for key in ("old_value", "new_value"):
                    text = value[key]
                    if text is False or text is None:   # no value: the chatter shows nothing
                        continue
                    if value["field_type"] in ("float", "monetary", "integer", "boolean"):
                        self.assertIsInstance(text, str, "%s %s: %r, not as a Russian reader writes it"
                                              % (where, value["changed_field"], text))
                    found.append((where + " tracking " + key, text if isinstance(text, str) else str(text)))
        suite = self.suite_records("ir.model").filtered(lambda m: m.model.startswith("ukkr.")).mapped("model")
        for message in Message.search([("id", "<=", first_message), ("model", "in", suite)]):
            found.append(("message %d left by the installation on %s" % (message.id, message.model),
                          html2plaintext(message.body or "")))
        for activity in env["mail.activity"].with_context(**ru).search([("res_model", "in", suite)]):
            where = "activity on %s" % activity.res_model
            found += [(where, activity.summary), (where + " note", html2plaintext(activity.note or "")),
                      (where + " type", activity.activity_type_id.name)]
        self.assertTrue(env["mail.activity"].search([("res_model", "=", "ukkr.plan.execution"),
                                                     ("res_id", "=", execution.id)]))
        self.check(found, "chatter, tracking and activities")

    def test_scheduled_actions_run_in_their_users_language(self):
        """Odoo 11 runs a scheduled action with an empty context; the suite's run in their user's language."""
        user = self.users["manager"]
        action = self.env["ir.actions.server"].create({
            "name": "Проверка языка", "model_id": self.env.ref("base.model_ir_config_parameter").id, "state": "code",
            "code": "env['ir.config_parameter'].sudo().set_param('ukkr.test_cron_lang', env.context.get('lang'))"})
        self.env["ir.cron"].sudo(user).with_context({})._callback("Проверка языка", action.id, 0)
        self.assertEqual(self.env["ir.config_parameter"].sudo().get_param("ukkr.test_cron_lang"), "ru_RU")

    def test_one_english_word_two_russian_ones(self):
        """A PO file gives one translation per English text: a text meaning two things needs two texts. «Post»
        the write-off's button (провести) is not «Post office» the payment channel (почта)."""
        arch = self.ru["ukkr.write.off"].fields_view_get(
            view_id=self.env.ref("ukkr_collections.view_ukkr_write_off_form").id, view_type="form")["arch"]
        post = etree.fromstring(arch.encode("utf-8")).xpath("//button[@name='action_post']")
        self.assertEqual(post[0].get("string"), "Провести")
        channels = dict(self.ru["ukkr.payment"].fields_get(["channel"])["channel"]["selection"])
        self.assertEqual(channels["post"], "Почта")


    def test_each_role_lands_on_its_work_and_sees_no_settings(self):
        """«Задолженность» opens on the debtor cases for УККР staff and on the plan for the administration; the app
        search (web_responsive: ir.ui.menu.search_read by name) offers no entry under a menu closed to the user."""
        cases = self.env.ref("ukkr_collections.action_ukkr_debtor_case").id
        executions = self.env.ref("ukkr_debt_plan.action_ukkr_plan_execution").id
        settings = self.env.ref("base.menu_administration")
        for code, landing in (("operator", cases), ("lawyer", cases), ("manager", cases),
                              ("executor", executions), ("control", executions)):
            user = self.users[code]
            self.assertEqual(self.env["res.users"].sudo(user).ukkr_landing_action()["id"], landing, code)
            Menu = self.env["ir.ui.menu"].sudo(user).with_context(lang="ru_RU")
            found = Menu.search_read([("name", "ilike", ""), ("action", "!=", False)], ["display_name", "parent_path"]
                                     if "parent_path" in Menu._fields else ["display_name"])
            visible = set(Menu._visible_menu_ids())
            for menu in Menu.browse([m["id"] for m in found]):
                ancestors = menu.parent_id
                while ancestors[-1:].parent_id:
                    ancestors |= ancestors[-1:].parent_id
                self.assertTrue(all(a.id in visible for a in ancestors), "%s finds «%s» under a closed menu"
                                % (code, menu.complete_name))
                self.assertNotIn(settings, ancestors | menu, "%s finds a Settings entry «%s»"
                                 % (code, menu.complete_name))
        root = self.env.ref("ukkr_debt_plan.menu_ukkr_root")
        self.assertEqual(root.action, self.env.ref("ukkr_debt_plan.action_ukkr_landing"))

    def test_no_translation_inside_a_comprehension(self):
        """Odoo 11's _() finds the language in the calling frame's self/context: inside a comprehension, a generator
        or a lambda it finds none and returns English («From … up to … months» seen on screens); and the export
        finds only literal texts, so _(variable) stays English («Not required»). The suite calls _("literal")
        in a plain loop instead."""
        import ast
        import os
        from odoo.modules import get_module_path
        found = []
        for module in MODULES:
            root = get_module_path(module)
            for folder, _dirs, files in os.walk(root):
                if "/tests" in folder:
                    continue
                for name in (n for n in files if n.endswith(".py")):
                    path = os.path.join(folder, name)
                    with open(path, encoding="utf-8") as handle:
                        tree = ast.parse(handle.read())
                    scopes = (ast.ListComp, ast.GeneratorExp, ast.DictComp, ast.SetComp, ast.Lambda)
                    for node in ast.walk(tree):
                        if isinstance(node, scopes):
                            for inner in ast.walk(node):
                                if isinstance(inner, ast.Call) and getattr(inner.func, "id", None) == "_":
                                    found.append("%s:%d (inside a %s)" % (os.path.relpath(path, root),
                                                                         inner.lineno, type(node).__name__))
                        # _(a_variable) is never exported to ru.po, so never translated («Not required»)
                        if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "_" and node.args \
                                and not isinstance(node.args[0], ast.Str):
                            found.append("%s:%d (not a literal text)" % (os.path.relpath(path, root), node.lineno))
        self.assertFalse(found, "_() that cannot translate: %s" % found)
