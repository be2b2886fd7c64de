"""The role matrix (issue 9.1): every model of the suite × every role of DESIGN §5 × read / write / create / delete.

``MATRIX`` is the expected table: for each model, the operations each group may do («r» read, «w» write, «c»
create, «u» unlink = delete; «.» none), in the order of ``GROUPS``. It is checked twice for every cell:
1. on the access rights (``check_access_rights``), and
2. by doing it as a user of that group alone, the way an RPC call reaches the server (``sudo(user)``: no view,
   no hidden button in between) — a refused cell must raise AccessError, an allowed one must succeed. Each call
   runs in a savepoint rolled back afterwards.
``RULE_CASES`` adds the record rules: the administration sees personal accounts, their payers, debts and services
of municipal housing only (152-ФЗ); executors change only executions of their own measures. ``WIZARDS`` checks the
server-side guard of each wizard's action (a transient model's records are open to every user; its action is not).

A model of the suite's modules without a row here fails ``test_every_model_has_a_row``: a model added later must
say who may do what (and give ``FIXTURES`` a sample record and create values). Abstract models are marked ABSTRACT,
wizards WIZARD. Runs after all modules are installed (post_install), so it sees ukkr_reports' models too.
"""
import base64
import itertools
import logging
import re
from contextlib import contextmanager

from odoo.exceptions import AccessError
from odoo.tests import common

from odoo.addons.ukkr_debt_plan.tests.common import today_is

from ..models import court_application_docx
from .test_billing_import import ACCOUNTS, ACCOUNTS_IDENTIFIED, ACCRUALS, PAYMENTS

_logger = logging.getLogger(__name__)
GROUPS = [("operator", "ukkr_debt_plan.group_ukkr_operator"), ("lawyer", "ukkr_debt_plan.group_ukkr_lawyer"),
          ("manager", "ukkr_debt_plan.group_ukkr_manager"), ("executor", "ukkr_debt_plan.group_admin_executor"),
          ("control", "ukkr_debt_plan.group_admin_control")]
OPERATIONS = {"r": "read", "w": "write", "c": "create", "u": "unlink"}
ABSTRACT, WIZARD = "abstract", "wizard"

MATRIX = {
    #                                operator lawyer  manager  executor control
    # ukkr_debt_plan
    # executors of measure 4 edit the drafts they made (RULE_CASES); the sample is such a draft
    "ukkr.plan":                    ("r",    "r",    "r",    "rw",   "rwc"),
    "ukkr.plan.section":            ("r",    "r",    "r",    "rwc",  "rwcu"),
    "ukkr.plan.measure":            ("r",    "r",    "r",    "rwc",  "rwc"),
    "ukkr.plan.execution":          ("rwcu", "rwcu", "rwcu", "rwcu", "rwcu"),   # own measures: RULE_CASES
    "ukkr.plan.meeting":            ("rwc",  "r",    "rwcu", "rwc",  "rwcu"),
    "ukkr.plan.meeting.decision":   ("rwcu", "r",    "rwcu", "rwcu", "rwcu"),
    "ukkr.plan.info.event":         ("rwc",  "r",    "rwcu", "rwc",  "rwcu"),
    "ukkr.plan.version.wizard":     WIZARD,
    "ukkr.workflow.mixin":          ABSTRACT,
    "ukkr.workflow.line.mixin":     ABSTRACT,
    "ukkr.step.wizard":             WIZARD,
    "res.authentication.attempt":   (".",    ".",    ".",    ".",    "."),   # login attempts: system admin only
    "res.users":                    ("r",    "r",    "r",    "r",    "r"),
    "mail.message":                 ("rwcu", "rwcu", "rwcu", "rwcu", "rwcu"),  # chatter: as its document allows
    # Odoo's models the suite extends (issue 17): scheduled actions run in their user's language, menus under a
    # closed menu stay hidden, tracked values read the Russian way — the rights stay Odoo's
    "ir.cron":                      (".",    ".",    ".",    ".",    "."),
    "ir.ui.menu":                   ("r",    "r",    "r",    "r",    "r"),
    "mail.tracking.value":          (".",    ".",    ".",    ".",    "."),
    # ukkr_collections: legal rules
    "ukkr.rule.mixin":              ABSTRACT,
    "ukkr.period.source":           ABSTRACT,
    "ukkr.rules":                   ABSTRACT,
    "ukkr.numbering":               ABSTRACT,
    "ukkr.rule.key.rate":           ("r",    "r",    "rwcu", "r",    "r"),
    "ukkr.rule.penalty.cap":        ("r",    "r",    "rwcu", "r",    "r"),
    "ukkr.rule.moratorium":         ("r",    "r",    "rwcu", "r",    "r"),
    "ukkr.rule.due.day":            ("r",    "r",    "rwcu", "r",    "r"),
    "ukkr.rule.holiday":            ("r",    "r",    "rwcu", "r",    "r"),
    "ukkr.rule.penalty.band":       ("r",    "r",    "rwcu", "r",    "r"),
    "ukkr.key.rate.load.wizard":    WIZARD,
    # accounts and the ledger (administration: municipal housing only, RULE_CASES)
    "ukkr.settlement":              ("rwc",  "r",    "rwcu", "r",    "r"),
    "ukkr.building":                ("rwc",  "r",    "rwcu", "r",    "r"),
    "ukkr.service":                 ("r",    "r",    "rwcu", "r",    "r"),
    "ukkr.personal.account":        ("rwc",  "r",    "rwcu", "r",    "r"),
    "ukkr.account.service":         ("rwc",  "r",    "rwcu", "r",    "r"),
    "ukkr.ledger.line":             ("r",    "r",    "r",    ".",    "."),
    "ukkr.payment":                 ("r",    "r",    "r",    ".",    "."),
    "ukkr.payment.allocation":      ("r",    "r",    "r",    ".",    "."),
    "ukkr.billing.import":          ("r",    "r",    "r",    ".",    "."),   # written by import_content only
    "ukkr.billing.import.wizard":   WIZARD,
    "ukkr.unmatched.payment":       ("rw",   "r",    "rw",   ".",    "."),   # listed by the importer only
    "ukkr.notice.register":         ("r",    "r",    "r",    ".",    "."),   # made by the notices' action only
    "ukkr.monthly.close":           ("r",    "r",    "r",    "r",    "r"),   # written by close_period only
    "ukkr.monthly.close.wizard":    WIZARD,
    "ukkr.debt.snapshot":           ("r",    "r",    "r",    "r",    "r"),
    "ukkr.period":                  ("r",    "r",    "rwc",  ".",    "."),
    "ukkr.debt.tranche":            ("r",    "r",    "r",    "r",    "r"),
    "res.partner":                  ("r",    "r",    "r",    "r",    "r"),   # payers: RULE_CASES
    "auditlog.log":                 (".",    ".",    "r",    ".",    "r"),   # control: reads only, RULE_CASES
    "auditlog.rule":                (".",    ".",    ".",    ".",    "."),
    # legal rules of the court path
    "ukkr.rule.dated.mixin":        ABSTRACT,
    "ukkr.rule.state.duty":         ("r",    "r",    "rwcu", "r",    "r"),
    "ukkr.rule.state.duty.band":    ("r",    "r",    "rwcu", "r",    "r"),
    "ukkr.rule.court.route":        ("r",    "r",    "rwcu", "r",    "r"),
    "ukkr.rule.service.limitation": ("r",    "r",    "rwcu", "r",    "r"),
    "ukkr.rule.disconnect.cost":    ("r",    "r",    "rwcu", "r",    "r"),
    "ukkr.rule.enforcement":        ("r",    "r",    "rwcu", "r",    "r"),
    "ukkr.rule.court.term":         ("r",    "r",    "rwcu", "r",    "r"),
    "ukkr.rule.court.precinct":     ("r",    "r",    "rwcu", "r",    "r"),
    "ukkr.rule.eviction":           ("r",    "r",    "rwcu", "r",    "r"),
    "ukkr.document.template":       (".",    "rwc",  "rwcu", ".",    "."),   # the lawyers' DOCX templates
    "res.partner.id_number":        (".",    "rwcu", "rwcu", ".",    "."),   # identity documents (152-ФЗ)
    # debtor cases and their actions (administration: municipal housing only)
    "ukkr.measure.action":          ABSTRACT,
    "ukkr.measure.figure":          ABSTRACT,
    "ukkr.case.action":             ABSTRACT,
    "ukkr.case.stage":              ("r",    "r",    "rwcu", "r",    "r"),
    "ukkr.case.trigger":            ("r",    "r",    "rwcu", "r",    "r"),
    "ukkr.debtor.case":             ("rwc",  "rwc",  "rwcu", "rw",   "r"),
    "ukkr.case.close.wizard":       WIZARD,
    "ukkr.notice":                  ("rwcu", "rwc",  "rwcu", "r",    "r"),   # operator deletes drafts only
    "ukkr.notice.batch.wizard":     WIZARD,
    "ukkr.visit":                   ("rwc",  "rwc",  "rwcu", "r",    "r"),
    "ukkr.consultation":            ("rwc",  "rwc",  "rwcu", "rwc",  "r"),
    # court cases (measures 18–20): executor — evictions from municipal housing only, RULE_CASES
    "ukkr.court.case":              ("r",    "rwc",  "rwcu", "rwc",  "r"),   # sample: an eviction (ЖК 90)
    "ukkr.court.case.line":         ("r",    "rwcu", "rwcu", "r",    "r"),
    "ukkr.court.batch.wizard":      WIZARD,
    "ukkr.court.file.wizard":       WIZARD,
    # filing readiness (issue 23): debtor statuses, owners' shares, moratoria on filing
    "ukkr.filing.readiness":        ABSTRACT,
    "ukkr.debtor.status":           ("rc",   "rwc",  "rwcu", ".",    "."),
    "ukkr.premises.owner":          ("rwc",  "rwc",  "rwcu", ".",    "."),
    "ukkr.rule.filing.moratorium":  ("r",    "r",    "rwcu", "r",    "r"),
    "ukkr.cost.rate":               ("r",    "r",    "rwcu", "r",    "r"),
    # social safeguards (issue 23.4): markers are personal data — the legal group and the manager only
    "ukkr.payer.marker":            (".",    "rwc",  "rwcu", ".",    "."),
    "ukkr.rule.consultation":       ("r",    "r",    "rwcu", "r",    "r"),
    # next best action (issue 23.3): rebuilt by refresh() only
    "ukkr.next.action":             ("r",    "r",    "r",    ".",    "."),
    "ukkr.next.action.rate":        ("r",    "r",    "r",    ".",    "."),
    "ukkr.court.register":          ("r",    "rwc",  "rwcu", ".",    "."),   # made by make_registers only
    "ukkr.court.register.wizard":   WIZARD,
    # agreements (measures 13, 16, 17)
    "ukkr.installment.agreement":   ("rwc",  "rw",   "rwcu", "r",    "r"),
    "ukkr.installment.line":        ("rwcu", "rwcu", "rwcu", "r",    "r"),
    "ukkr.installment.policy":      ("r",    "r",    "rwcu", "r",    "r"),
    "ukkr.installment.tranche":     ("rwcu", "rwcu", "rwcu", "r",    "r"),
    "ukkr.limitation.event":        ("r",    "rwc",  "rwcu", "r",    "r"),
    "ukkr.workoff.agreement":       ("rwc",  "rw",   "rwcu", "r",    "r"),
    "ukkr.payment.channel":         ("r",    "r",    "rwcu", "r",    "r"),
    # enforcement and write-off (measures 22–27)
    "ukkr.enforcement.proceeding":  ("r",    "rwc",  "rwcu", "r",    "r"),
    "ukkr.enforcement.recovery.wizard": WIZARD,
    "ukkr.travel.ban.request":      ("r",    "r",    "r",    "r",    "r"),   # made by the proceeding's step
    "ukkr.write.off":               ("r",    "rwcu", "rwcu", "r",    "r"),   # drafts only are deleted
    "ukkr.write.off.line":          ("r",    "rwcu", "rwcu", "r",    "r"),
    "ukkr.write.off.candidates.wizard": WIZARD,
    "ukkr.fssp.reconciliation":     ("r",    "rwc",  "rwcu", "r",    "r"),
    "ukkr.fssp.reconciliation.line": ("r",   "rwc",  "rwcu", "r",    "r"),
    "ukkr.fssp.reconciliation.wizard": WIZARD,
    "ukkr.payment.channel.share":   ("r",    "r",    "r",    "r",    "r"),   # SQL view
    # service limitation (measure 14) and cheaper housing (measure 15)
    "ukkr.service.limitation":      ("rwc",  "rwc",  "rwcu", "r",    "r"),
    "ukkr.limitation.candidate.wizard": WIZARD,
    "ukkr.limitation.candidate.line": WIZARD,
    "ukkr.housing.offer":           ("r",    "r",    "r",    "rwcu", "r"),   # the housing department
    "ukkr.housing.offer.policy":    ("r",    "r",    "rwcu", "r",    "rwcu"),
    # messages to payers
    "ukkr.sms.gateway":             ("r",    "r",    "rwcu", ".",    "."),
    "ukkr.sms.message":             ("rc",   "r",    "rwcu", ".",    "."),
    "ukkr.mailer":                  ABSTRACT,
    "mail.tracking.email":          ("r",    "r",    "r",    "r",    "r"),   # the payers' ones: UKKR users only (rules)
    # measure 7: the register of debtors' employers; where a payer works — the legal group and the manager only
    "ukkr.employer":                ("r",    "rwc",  "rwcu", "rwc",  "r"),
    "ukkr.employer.employee":       (".",    "rwcu", "rwcu", ".",    "."),
    "ukkr.employer.letter":         ("r",    "rwc",  "rwcu", "rwc",  "r"),   # sent letters are not deleted
    "ukkr.employer.letter.action":  (".",    "r",    "r",    ".",    "."),   # made by the letter's sending
    # ukkr_reports: aggregates without personal fields, reports through the report groups check
    "ukkr.debt.snapshot.analysis":  ("r",    "r",    "r",    "r",    "r"),   # SQL view
    "ukkr.debt.service.analysis":   ("r",    "r",    "r",    "r",    "r"),   # SQL view
    "ukkr.report.dispatch":         ("r",    "r",    "r",    "r",    "r"),   # written by the dispatch only
    "ukkr.job":                     ("r",    "r",    "r",    "r",    "r"),   # own jobs (RULE_CASES); run by _launch
    "ukkr.case.analysis":           ("r",    "r",    "r",    "r",    "r"),   # SQL view, no personal field
    "ukkr.notice.posting":          ("rwc",  "r",    "rwcu", "r",    "r"),   # measure 11: buildings, no names
    "ukkr.report.mixin":            ABSTRACT,
    "ukkr.monthly.report":          ABSTRACT,
    "ukkr.municipal.report":        ABSTRACT,
    "ukkr.plan.execution.report":   ABSTRACT,
    "ukkr.write.off.report":        ABSTRACT,
    "ukkr.report.wizard":           WIZARD,
    "ukkr.measure.effect.wizard":   WIZARD,
    "ukkr.measure.effect.line":     WIZARD,
    "ukkr.cost.recovery.report":    ABSTRACT,
    "ukkr.subsidy.register":        (".",    "r",    "rwcu", ".",    "."),   # ЖК 159: sent by the manager
    "ukkr.cost.recovery.wizard":    WIZARD,
    "ukkr.cost.recovery.line":      WIZARD,
    "res.config.settings":          WIZARD,
    "report.ukkr_reports.building_debt_notice_document": ABSTRACT,
    "report.ukkr_collections.court_application_document": ABSTRACT,
    "report.ukkr_collections.enforcement_document_mixin": ABSTRACT,
    "report.ukkr_collections.enforcement_fssp_application": ABSTRACT,
    "report.ukkr_collections.enforcement_bank_application": ABSTRACT,
    "report.ukkr_collections.write_off_documents": ABSTRACT,
    "report.ukkr_reports.monthly_report_xlsx":           ABSTRACT,
    "report.ukkr_reports.municipal_report_xlsx":         ABSTRACT,
    "report.ukkr_reports.plan_execution_report_xlsx":    ABSTRACT,
    "report.ukkr_reports.write_off_report_xlsx":         ABSTRACT,
}

# (model, group, operation, sample record kind, allowed) — the record rules
RULE_CASES = [
    (model, group, "r", kind, allowed)
    for model in ("ukkr.personal.account", "ukkr.debt.snapshot", "ukkr.debt.tranche", "ukkr.account.service",
                  "res.partner")
    for kind, admin_allowed in (("municipal", True), ("private", False))
    for group, allowed in (("operator", True), ("lawyer", True), ("manager", True),
                           ("executor", admin_allowed), ("control", admin_allowed))
] + [
    ("ukkr.plan.execution", group, operation, kind, allowed)
    for operation in ("w", "u")
    for kind, others_allowed in (("own measure", True), ("other measure", False))
    for group, allowed in (("operator", others_allowed), ("lawyer", others_allowed), ("manager", others_allowed),
                           ("executor", others_allowed), ("control", True))
] + [
    (model, "executor", "w", kind, allowed)
    for model in ("ukkr.plan", "ukkr.plan.measure")
    for kind, allowed in (("plan in force", False), ("own draft", True), ("another's draft", False))
] + [
    ("auditlog.log", "manager", "r", "write log", True), ("auditlog.log", "control", "r", "write log", False),
] + [
    # a background job is seen by the user who started it and by the УККР manager
    ("ukkr.job", group, "r", "another's job", group == "manager")
    for group in ("operator", "lawyer", "manager", "executor", "control")
] + [
    ("ukkr.court.case", group, op, kind, allowed)
    for op, kind, allowed_groups in (
        ("r", "private order", {"operator", "lawyer", "manager"}),
        ("w", "municipal eviction", {"lawyer", "manager", "executor"}),
        ("w", "municipal order", {"lawyer", "manager"}))
    for group, allowed in ((g, g in allowed_groups) for g in ("operator", "lawyer", "manager", "executor", "control"))
]

# wizard → (values, action, groups whose action the server carries out)
WIZARDS = {
    "ukkr.monthly.close.wizard": (lambda case: {"period": "2026-10"}, "action_close", {"manager"}),
    "ukkr.billing.import.wizard": (lambda case: {"file": base64.b64encode(ACCOUNTS.encode("utf-8")),
                                                 "filename": "accounts.csv", "dry_run": True},
                                   "action_import", {"operator", "manager"}),
    "ukkr.plan.version.wizard": (lambda case: {"plan_id": case.plan.id, "reason": "Проверка прав"},
                                 "action_create_version", {"control", "executor"}),   # executor: of measure 4
    "ukkr.case.close.wizard": (lambda case: {"case_ids": [(6, 0, case.municipal_case().ids)], "reason": "error"},
                               "action_confirm", {"operator", "lawyer", "manager"}),
    "ukkr.report.wizard": (lambda case: {"report": "plan_execution", "date_from": "2026-01-01",
                                         "date_to": "2026-11-26"}, "action_print", set(dict(GROUPS))),
    "ukkr.measure.effect.wizard": (lambda case: {"date_from": "2026-01-01", "date_to": "2026-11-26"},
                                   "action_compute", set(dict(GROUPS))),
    "ukkr.measure.effect.line": (lambda case: {"measure_number": 10, "action": "Проверка",
                                               "wizard_id": case.env["ukkr.measure.effect.wizard"].create(
                                                   {"date_from": "2026-01-01", "date_to": "2026-11-26"}).id},
                                 "exists",
                                 set(dict(GROUPS))),   # lines of the wizard above: no action of their own
    "ukkr.cost.recovery.wizard": (lambda case: {"date_from": "2026-01-01", "date_to": "2026-11-26",
                                                "as_of": "2026-11-26"}, "action_compute", set(dict(GROUPS))),
    "ukkr.cost.recovery.line": (lambda case: {"action": "Проверка", "wizard_id": case.env[
        "ukkr.cost.recovery.wizard"].create({"date_from": "2026-01-01", "date_to": "2026-11-26"}).id},
                                "exists", set(dict(GROUPS))),   # lines of the wizard above
    "res.config.settings": (lambda case: {}, "execute", set()),   # settings: the system administrator only
    "ukkr.notice.batch.wizard": (lambda case: {"case_ids": [(6, 0, case.municipal_case().ids)], "kind": "warning",
                                               "channel": "registered_letter"},
                                 "action_create", {"operator", "lawyer", "manager"}),
    "ukkr.enforcement.recovery.wizard": (lambda case: {"proceeding_id": case.presented_proceeding().id,
                                                       "amount": 100, "date": "2026-11-26", "doc": "ПП-матрица"},
                                         "action_register", {"lawyer", "manager"}),
    "ukkr.write.off.candidates.wizard": (lambda case: {"on_date": "2026-11-26"}, "action_create",
                                         {"lawyer", "manager"}),
    "ukkr.fssp.reconciliation.wizard": (lambda case: {
        "year": 2026, "quarter": "4", "filename": "reestr.csv", "file": base64.b64encode(
            "Номер ИП;Номер ИД;Должник;Сумма;Взыскано;Состояние\n1/26/1-ИП;2-1/2026;Иванов;100;0;на исполнении\n"
            .encode("utf-8"))}, "action_import", {"lawyer", "manager"}),
    "ukkr.court.batch.wizard": (lambda case: {"case_ids": [(6, 0, case.municipal_case().ids)]},
                                "action_generate", {"lawyer", "manager"}),
    "ukkr.court.file.wizard": (lambda case: {"court_case_ids": [(6, 0, case.court_order().ids)],
                                             "date_filed": "2026-11-26"}, "action_file", {"lawyer", "manager"}),
    "ukkr.court.register.wizard": (lambda case: {"court_case_ids": [(6, 0, case.court_order().ids)],
                                                 "date": "2026-11-26"}, "action_create", {"lawyer", "manager"}),
    "ukkr.limitation.candidate.wizard": (lambda case: {"line_ids": [(0, 0, case.limitation_candidate())],
                                                       "send_now": False},
                                         "action_create", {"operator", "lawyer", "manager"}),
    "ukkr.limitation.candidate.line": (lambda case: case.limitation_candidate(), "action_create_one",
                                       {"operator", "lawyer", "manager"}),
    "ukkr.step.wizard": (lambda case: {"res_model": "ukkr.notice", "res_id": case.sent_notice().id,
                                       "step": "confirm_delivery", "date": "2026-11-26", "text": "РПО (проверка прав)"},
                         "action_confirm", {"operator", "lawyer", "manager"}),
    "ukkr.key.rate.load.wizard": (lambda case: {"filename": "KeyRate.xml", "dry_run": True, "file": base64.b64encode(
        b"<KeyRate><KR><DT>2026-02-16T00:00:00+03:00</DT><Rate>15.50</Rate></KR></KeyRate>")},
                                  "action_load", {"manager"}),
}
IDENTITY_FIELD = re.compile(r"passport|snils|birth|identity|id_doc|id_card|pasport", re.I)


@common.at_install(False)
@common.post_install(True)
class TestRoleMatrix(common.TransactionCase):

    def setUp(self):
        super().setUp()
        env = self.env
        with today_is("2026-11-26"):
            for text, name in ((ACCOUNTS_IDENTIFIED, "accounts.csv"), (ACCRUALS, "accruals.csv"),
                               (PAYMENTS, "payments.csv")):
                env["ukkr.billing.import"].import_content(text.encode("utf-8"), name)
            if not env["ukkr.monthly.close"].search([("period", "=", "2026-09")]):
                env["ukkr.monthly.close"].close_period("2026-09")
        env.user.company_id.write({"vat": "2434000014", "company_registry": "1242400000006"})   # the claimant
        Users = env["res.users"].with_context(no_reset_password=True, tracking_disable=True)
        self.users = {code: Users.create({"name": "Матрица: " + code, "login": "t_matrix_" + code, "lang": False,
                                          "email": "matrix_%s@ukkr.example.ru" % code,
                                          "groups_id": [(6, 0, [env.ref(xml_id).id])]})
                      for code, xml_id in GROUPS}
        accounts = {a.name: a for a in env["ukkr.personal.account"].search([("name", "like", "99000000%")])}
        self.municipal = accounts["9900000002"]                            # social tenancy, municipal housing
        self.private = accounts["9900000001"]                              # an individual owner
        self.private_debtor = accounts["9900000003"]                       # owes September: has a tranche
        self.plan = env.ref("ukkr_debt_plan.plan_2632r")
        self.shared_measure = env["ukkr.plan.measure"].create({
            "plan_id": self.plan.id, "number": 991, "name": "Мероприятие всех ролей (проверка прав)",
            "responsible_user_ids": [(6, 0, [u.id for u in self.users.values()])]})
        self.other_measure = env["ukkr.plan.measure"].create({
            "plan_id": self.plan.id, "number": 992, "name": "Чужое мероприятие (проверка прав)"})
        # the executor is measure 4's: it drafts a version of the plan and edits that draft only
        env.ref("ukkr_debt_plan.measure_4").responsible_user_ids = [(4, self.users["executor"].id)]
        self.draft = self.plan.sudo(self.users["executor"]).action_new_version("Проверка прав: редакция")
        self.others_draft = self.plan.sudo(self.users["control"]).action_new_version("Проверка прав: чужая")
        self.meeting = env["ukkr.plan.meeting"].create({"name": "Совещание (проверка прав)", "date": "2026-12-01",
                                                        "measure_id": env.ref("ukkr_debt_plan.measure_3").id})
        self.log = env["auditlog.log"].create({
            "name": self.municipal.name, "model_id": env["ir.model"]._get("ukkr.personal.account").id,
            "res_id": self.municipal.id, "method": "read", "user_id": env.uid})
        self.write_log = env["auditlog.log"].create({
            "name": self.municipal.name, "model_id": env["ir.model"]._get("ukkr.personal.account").id,
            "res_id": self.municipal.id, "method": "write", "user_id": env.uid})
        self.savepoints = itertools.count()

    # ------------------------------------------------------------------ sample records and create values
    def municipal_case(self):
        """The open debtor case of the municipal account (made once, as the close would)."""
        Case = self.env["ukkr.debtor.case"]
        return Case.search([("account_id", "=", self.municipal.id), ("state", "=", "open")]) or \
            Case.create({"account_id": self.municipal.id})

    def presented_proceeding(self):
        """A writ of the municipal account presented to the bailiffs (made once)."""
        Proceeding = self.env["ukkr.enforcement.proceeding"]
        found = Proceeding.search([("writ_number", "=", "2-777/2026")])
        if not found:
            found = Proceeding.create({"account_id": self.municipal.id, "writ_number": "2-777/2026",
                                       "writ_date": "2026-10-01", "court_name": "Мировой судья (проверка прав)",
                                       "writ_amount": 5000, "route": "bailiff", "fssp_department": "ОСП"})
            found._present("2026-10-05")
        return found
    def court_order(self, account=None):
        """A prepared court order of the municipal account (or ``account``), its tranches loaded."""
        order = self.env["ukkr.court.case"].create({"account_id": (account or self.municipal).id,
                                                    "date": "2026-11-26"})
        with today_is("2026-11-26"):
            order._load_tranches("2026-11-26")
        return order
    def document_template(self):
        return self.env["ukkr.document.template"].create({
            "name": "Заявление (проверка)", "kind": "court_order", "date_from": "1990-01-01", "date_to": "1990-12-31",
            "file": base64.b64encode(court_application_docx.default_template("court_order"))})

    def court_register(self):
        """A register of the municipal account's court order (made by the superuser)."""
        with today_is("2026-11-26"):
            return self.env["ukkr.court.register"]._make_registers(self.court_order(), "2026-11-26")

    def sent_notice(self):
        """A registered letter to the municipal account, sent."""
        notice = self.env["ukkr.notice"].create({"account_id": self.municipal.id, "channel": "registered_letter"})
        with today_is("2026-11-26"):
            notice.action_send()
        return notice

    def limitation_candidate(self, code="hot_water"):
        """A (municipal account, service) candidate line's values; the account gets a norm for the service and a
        debt for it above twice the norm (eligible under ПП 354 п.117, 118)."""
        env = self.env
        service = env["ukkr.service"].search([("code", "=", code)])
        if not env["ukkr.account.service"].search([("account_id", "=", self.municipal.id),
                                                   ("service_id", "=", service.id)]):
            env.cr.execute("SELECT max(period) FROM ukkr_monthly_close WHERE state = 'closed'")
            last_closed = env.cr.fetchone()[0] or "2026-05"
            period = "2026-%02d" % min(int(last_closed[5:]) + 1, 11) if last_closed < "2026-11" else "2026-11"
            with today_is("2026-11-26"):
                env["ukkr.billing.import"].import_content(
                    ("account;period;service;accrued;norm_charge\n%s;%s;%s;500;100\n"
                     % (self.municipal.name, period, code)).encode("utf-8"), "%s.csv" % code)
        return {"account_id": self.municipal.id, "service_id": service.id, "selected": True}

    def fixtures(self):
        """model → (sample record, values to create one, field written back with its own value)."""
        env, municipal = self.env, self.municipal
        heating = env["ukkr.service"].search([("code", "=", "heating")])
        entry = {"measure_id": self.shared_measure.id, "kind": "entry", "period_start": "2026-11-01",
                 "period_end": "2026-11-30", "deadline": "2026-11-30"}
        source = {"source": "проверка прав"}
        first = lambda model, domain=(): env[model].search(list(domain), limit=1)  # noqa: E731
        shared_entry = env["ukkr.plan.execution"].create(entry)
        self.municipal_case()   # the case analysis view needs one case
        agreement = env["ukkr.installment.agreement"].create({"account_id": municipal.id, "date": "2026-11-01"})
        env["ukkr.payment.channel"].search([("code", "=", "work_off")]).unlink()   # its code is free to create
        writ = {"account_id": municipal.id, "writ_number": "2-100/2026", "writ_date": "2026-10-01",
                "court_name": "Мировой судья (проверка прав)", "writ_amount": 40000, "route": "bailiff"}
        proceeding = env["ukkr.enforcement.proceeding"].create(writ)
        reconciliation = env["ukkr.fssp.reconciliation"].create({
            "year": 2026, "quarter": "4", "line_ids": [(0, 0, {"kind": "missing_here", "writ_number": "2-8/2026",
                                                               "proceeding_id": proceeding.id})]})
        employer = env["ukkr.employer"].create({"partner_id": env["res.partner"].create({
            "name": "ООО «Проверка прав»", "is_company": True}).id})
        employee = env["ukkr.employer.employee"].create({"employer_id": employer.id, "account_id": municipal.id})
        letter = env["ukkr.employer.letter"].create({"employer_id": employer.id, "date": "2026-11-26"})
        write_off = env["ukkr.write.off"].create({"account_id": municipal.id, "reason": "deceased",
                                                  "line_ids": [(0, 0, {"period": "2026-09", "principal": 10})]})
        return {
            "ukkr.plan": (self.draft, {"name": "План (проверка)", "order_number": "1-р", "order_date": "2026-01-01",
                                       "date_from": "2026-01-01", "date_to": "2026-12-31"}, "name"),
            "ukkr.plan.section": (first("ukkr.plan.section", [("plan_id", "=", self.draft.id)]),
                                  {"plan_id": self.draft.id, "name": "Раздел (проверка)"}, "name"),
            "ukkr.plan.measure": (self.draft.measure_ids.filtered(lambda m: m.number == 991),
                                  {"plan_id": self.draft.id, "number": 993, "name": "Проверка"}, "name"),
            "ukkr.plan.execution": (shared_entry, entry, "evidence_note"),
            "ukkr.plan.meeting": (self.meeting, {"name": "Встреча (проверка)", "date": "2026-12-01",
                                                 "measure_id": env.ref("ukkr_debt_plan.measure_3").id}, "name"),
            "ukkr.plan.meeting.decision": (
                env["ukkr.plan.meeting.decision"].create({"meeting_id": self.meeting.id, "name": "Решение",
                                                          "user_id": env.uid, "deadline": "2026-12-31"}),
                {"meeting_id": self.meeting.id, "name": "Решение (проверка)", "user_id": env.uid,
                 "deadline": "2026-12-31"}, "name"),
            "ukkr.plan.info.event": (
                env["ukkr.plan.info.event"].create({"name": "Публикация", "kind": "publication",
                                                    "measure_id": env.ref("ukkr_debt_plan.measure_6").id}),
                {"name": "Публикация (проверка)", "kind": "publication",
                 "measure_id": env.ref("ukkr_debt_plan.measure_6").id}, "name"),
            "res.users": (env.ref("base.user_root"), {"name": "Новый", "login": "t_matrix_new"}, "login"),
            "ir.cron": (env["ir.cron"].search([], limit=1), {
                "name": "Проверка прав", "model_id": env.ref("base.model_res_partner").id, "state": "code",
                "code": "pass", "interval_number": 1, "interval_type": "days"}, "interval_number"),
            "ir.ui.menu": (env.ref("ukkr_debt_plan.menu_ukkr_root"), {"name": "Проверка прав"}, "name"),
            "mail.tracking.value": (env["mail.tracking.value"].create({
                "field": "state", "field_desc": "Статус", "field_type": "char", "old_value_char": "a",
                "new_value_char": "b", "mail_message_id": shared_entry.message_post(body="Проверка").id}), {
                "field": "state", "field_desc": "Статус", "field_type": "char",
                "mail_message_id": shared_entry.message_post(body="Проверка 2").id}, "field_desc"),
            "res.authentication.attempt": (
                env["res.authentication.attempt"].create({"login": "t_matrix_operator", "remote": "192.0.2.1",
                                                          "result": "failed"}),
                {"login": "t_matrix_new", "remote": "192.0.2.2"}, "login"),
            "ukkr.rule.key.rate": (first("ukkr.rule.key.rate"), dict(source, date_from="2001-01-01", rate=5.0),
                                   "note"),
            "ukkr.rule.penalty.cap": (first("ukkr.rule.penalty.cap"),
                                      dict(source, name="Проверка", date_from="2001-01-01", date_to="2001-01-31"),
                                      "note"),
            "ukkr.rule.moratorium": (first("ukkr.rule.moratorium"),
                                     dict(source, name="Проверка", date_from="2001-01-01", date_to="2001-01-02"),
                                     "note"),
            "ukkr.rule.due.day": (first("ukkr.rule.due.day"), dict(source, period_from="2001-01", day=10), "note"),
            "ukkr.rule.holiday": (first("ukkr.rule.holiday"), dict(source, date="2001-01-01", name="Проверка"),
                                  "note"),
            "ukkr.rule.penalty.band": (first("ukkr.rule.penalty.band"),
                                       dict(source, payer_kind="individual", day_from=1, divisor=300), "note"),
            "ukkr.settlement": (municipal.settlement_id, {"name": "пос. Проверочный"}, "name"),
            "ukkr.building": (municipal.building_id, {"settlement_id": municipal.settlement_id.id,
                                                      "street": "ул. Проверочная", "house": "1"}, "street"),
            "ukkr.service": (heating, {"code": "check", "name": "Проверка"}, "sequence"),
            "ukkr.personal.account": (municipal, {"name": "9900000777", "building_id": municipal.building_id.id,
                                                  "partner_id": municipal.partner_id.id, "is_municipal": True},
                                      "phone"),
            "ukkr.account.service": (
                env["ukkr.account.service"].create({"account_id": municipal.id, "service_id": heating.id,
                                                    "norm_charge": 2400}),
                {"account_id": municipal.id, "norm_charge": 100,
                 "service_id": env["ukkr.service"].search([("code", "=", "waste")]).id}, "norm_charge"),
            "ukkr.ledger.line": (first("ukkr.ledger.line", [("account_id", "=", municipal.id)]), None, "accrued"),
            "ukkr.payment": (first("ukkr.payment", [("account_id", "=", municipal.id)]), None, "amount"),
            "ukkr.payment.allocation": (first("ukkr.payment.allocation", [("account_id", "=", municipal.id)]), None,
                                        "amount"),
            "ukkr.billing.import": (first("ukkr.billing.import"), None, "name"),
            "ukkr.notice.register": (env["ukkr.notice.register"].create({"name": "РПД-проверка"}), None, "name"),
            "ukkr.unmatched.payment": (env["ukkr.unmatched.payment"].create({
                "doc": "1С:проверка прав", "date": "2026-11-20", "amount": 100, "payer": "Неизвестный"}),
                None, "note"),
            "ukkr.monthly.close": (first("ukkr.monthly.close", [("period", "=", "2026-09")]), None, "period"),
            "ukkr.debt.snapshot": (first("ukkr.debt.snapshot", [("account_id", "=", municipal.id)]), None, "debt"),
            "ukkr.period": (first("ukkr.period", [("name", "=", "2026-09")]),
                            {"name": "2001-01", "due_date": "2001-02-10", "limitation_expiry": "2004-02-11"},
                            "due_date"),
            "ukkr.debt.tranche": (first("ukkr.debt.tranche", [("account_id", "=", municipal.id)]), None, "period"),
            "res.partner": (municipal.partner_id, {"name": "Новый плательщик"}, "name"),
            "auditlog.log": (self.log, {"name": "x", "method": "read"}, "name"),
            "auditlog.rule": (self.env.ref("ukkr_collections.auditlog_rule_personal_account"), None, "name"),
            "ukkr.rule.state.duty": (first("ukkr.rule.state.duty"), dict(
                source, name="Проверка", court="general", date_from="1995-01-01", date_to="1995-12-31",
                band_ids=[(0, 0, {"lower": 0, "percent": 4.0})]), "note"),
            "ukkr.rule.state.duty.band": (first("ukkr.rule.state.duty.band"), {
                "scale_id": first("ukkr.rule.state.duty").id, "lower": 123456789.0, "percent": 0.1}, "fixed"),
            "ukkr.rule.court.route": (first("ukkr.rule.court.route"), dict(
                source, payer_kind="individual", kind="claim", court="district", procedure="ordinary",
                date_from="1995-01-01", date_to="1995-12-31"), "note"),
            "ukkr.rule.service.limitation": (first("ukkr.rule.service.limitation"), dict(
                source, name="Проверка", date_from="1995-01-01", date_to="1995-12-31"), "note"),
            "ukkr.rule.disconnect.cost": (first("ukkr.rule.disconnect.cost"), dict(
                source, service_id=heating.id, cap_amount=1000, date_from="1995-01-01", date_to="1995-12-31"),
                "note"),
            "ukkr.rule.enforcement": (first("ukkr.rule.enforcement"), dict(
                source, name="Проверка", employer_limit=100000, date_from="1995-01-01", date_to="1995-12-31"),
                "note"),
            "ukkr.rule.court.term": (first("ukkr.rule.court.term"), dict(
                source, name="Проверка", objection_days=10, date_from="1995-01-01", date_to="1995-12-31"), "note"),
            "ukkr.court.register": (self.court_register(), {"name": "Р-1995-0001", "date": "2026-11-26",
                                                            "court_name": "Проверка"}, "court_address"),
            "ukkr.document.template": (self.document_template(), {
                "name": "Проверка", "kind": "claim", "date_from": "1995-01-01", "date_to": "1995-12-31",
                "file": base64.b64encode(court_application_docx.default_template("claim"))}, "note"),
            "ukkr.rule.eviction": (first("ukkr.rule.eviction"), dict(
                source, name="Проверка", date_from="1995-01-01", date_to="1995-12-31"), "note"),
            "ukkr.rule.court.precinct": (first("ukkr.rule.court.precinct"), dict(
                source, name="Проверка", court="district", date_from="1995-01-01", date_to="1995-12-31"), "note"),
            "res.partner.id_number": (first("res.partner.id_number", [("partner_id", "=", municipal.partner_id.id)]),
                                      {"partner_id": municipal.partner_id.id, "name": "0412 123456",
                                       "category_id": env.ref("ukkr_collections.id_category_passport_rf").id},
                                      "comment"),
            "ukkr.case.stage": (env.ref("ukkr_collections.case_stage_court"),
                                {"name": "Проверка", "code": "court", "sequence": 55}, "description"),
            "ukkr.case.trigger": (env.ref("ukkr_collections.case_trigger_individual"), dict(
                source, payer_kind="individual", date_from="2001-01-01", date_to="2001-12-31"), "note"),
            "mail.message": (shared_entry.message_post(body="Заметка (проверка прав)"), {
                "model": "ukkr.plan.execution", "res_id": shared_entry.id, "body": "Ещё заметка",
                "message_type": "comment"}, "body"),
            "ukkr.debtor.case": (self.municipal_case(), {"account_id": self.private.id}, "color"),
            "ukkr.notice": (env["ukkr.notice"].create({"account_id": municipal.id}),
                            {"account_id": municipal.id, "kind": "warning", "channel": "registered_letter"},
                            "note"),
            "ukkr.court.case": (env["ukkr.court.case"].create({
                "account_id": municipal.id, "kind": "eviction_social", "date": "2026-11-26"}),
                {"account_id": municipal.id, "kind": "eviction_social", "date": "2026-11-26"}, "note"),
            "ukkr.court.case.line": (env["ukkr.court.case.line"].create({
                "court_case_id": self.court_order().id, "period": "2026-01", "principal": 100}),
                {"court_case_id": self.court_order().id, "period": "2026-02", "principal": 100}, "principal"),
            "ukkr.debtor.status": (env["ukkr.debtor.status"].create({
                "partner_id": municipal.partner_id.id, "kind": "bankrupt", "date_from": "2026-01-10",
                "document": "Определение (проверка прав)"}),
                {"partner_id": municipal.partner_id.id, "kind": "deceased", "date_from": "2026-01-11",
                 "document": "Свидетельство (проверка прав)"}, "document"),
            "ukkr.premises.owner": (env["ukkr.premises.owner"].create({
                "account_id": self.private.id, "partner_id": self.private.partner_id.id, "share_numerator": 1,
                "share_denominator": 2, "date_from": "2020-01-01", "source": "ЕГРН (проверка прав)"}),
                {"account_id": self.private.id, "partner_id": self.private.partner_id.id, "share_numerator": 1,
                 "share_denominator": 4, "date_from": "2020-01-01", "source": "ЕГРН (проверка прав)"}, "source"),
            "ukkr.rule.filing.moratorium": (env["ukkr.rule.filing.moratorium"].create(dict(
                source, name="Проверка", date_from="1995-01-01", date_to="1995-12-31")),
                dict(source, name="Проверка 2", date_from="1996-01-01", date_to="1996-12-31"), "note"),
            "ukkr.cost.rate": (first("ukkr.cost.rate"), dict(
                source, kind="sms", amount=1.0, date_from="1995-01-01", date_to="1995-12-31"), "note"),
            "ukkr.payer.marker": (env["ukkr.payer.marker"].create({
                "partner_id": self.private.partner_id.id, "kind": "pensioner", "date_from": "2020-01-01",
                "document": "Пенсионное удостоверение (проверка прав)"}),
                {"partner_id": self.private.partner_id.id, "kind": "disabled", "date_from": "2021-01-01",
                 "document": "Справка МСЭ (проверка прав)"}, "document"),
            "ukkr.rule.consultation": (first("ukkr.rule.consultation"), dict(
                source, name="Проверка", date_from="1995-01-01", date_to="1995-12-31"), "note"),
            "ukkr.subsidy.register": (env["ukkr.subsidy.register"].create({"date": "2026-11-01"}),
                                      {"date": "2026-11-02"}, "recipient"),
            "ukkr.next.action": (env["ukkr.next.action"].create({
                "case_id": self.municipal_case().id, "account_id": municipal.id, "role": "operator",
                "action": "letter"}), None, "action"),
            "ukkr.next.action.rate": (env["ukkr.next.action.rate"].create({"action": "none", "cases": 1}), None,
                                      "cases"),
            "ukkr.visit": (env["ukkr.visit"].create({"account_id": municipal.id, "result": "met"}),
                           {"account_id": municipal.id, "result": "not_home"}, "note"),
            "ukkr.consultation": (env["ukkr.consultation"].create({"account_id": municipal.id}),
                                  {"account_id": municipal.id, "topic": "exchange"}, "note"),
            "ukkr.installment.agreement": (agreement, {"account_id": municipal.id, "date": "2026-11-01"}, "note"),
            "ukkr.installment.line": (env["ukkr.installment.line"].create({
                "agreement_id": agreement.id, "date_due": "2026-12-10", "amount": 500}),
                {"agreement_id": agreement.id, "date_due": "2027-01-10", "amount": 500}, "amount"),
            "ukkr.installment.policy": (first("ukkr.installment.policy"), dict(
                source, date_from="1995-01-01", date_to="1995-12-31"), "note"),
            "ukkr.installment.tranche": (env["ukkr.installment.tranche"].create({
                "agreement_id": agreement.id, "period": "2026-09", "amount": 1000}),
                {"agreement_id": agreement.id, "period": "2026-08", "amount": 100}, "amount"),
            "ukkr.limitation.event": (env["ukkr.limitation.event"].create({
                "account_id": municipal.id, "period": "2026-09", "kind": "acknowledged", "date": "2026-11-01"}),
                {"account_id": municipal.id, "period": "2026-09", "kind": "acknowledged", "date": "2026-11-02"},
                "note"),
            "ukkr.service.limitation": (env["ukkr.service.limitation"].create(
                {"service_id": self.limitation_candidate()["service_id"], "account_id": municipal.id}),
                {"account_id": municipal.id, "service_id": self.limitation_candidate("electricity")["service_id"]},
                "note"),
            "ukkr.housing.offer": (env["ukkr.housing.offer"].create({
                "account_id": municipal.id, "offered_address": "п. Тея, ул. Южная, д. 6, кв. 1"}),
                {"account_id": municipal.id, "offered_address": "п. Тея, ул. Южная, д. 6, кв. 2"}, "note"),
            "ukkr.housing.offer.policy": (first("ukkr.housing.offer.policy"), {
                "date_from": "2020-01-01", "date_to": "2020-12-31", "months_in_debt": 7, "source": "проверка прав"},
                "months_in_debt"),
            "ukkr.workoff.agreement": (env["ukkr.workoff.agreement"].create({"account_id": municipal.id}),
                                       {"account_id": municipal.id, "hours": 4, "hourly_rate": 250}, "hours"),
            "ukkr.payment.channel": (first("ukkr.payment.channel"), {"code": "work_off", "name": "Проверка"},
                                     "name"),
            "ukkr.enforcement.proceeding": (proceeding, writ, "note"),
            "ukkr.travel.ban.request": (env["ukkr.travel.ban.request"].create({
                "proceeding_id": proceeding.id, "account_id": municipal.id, "date": "2026-11-20", "debt": 40000}),
                {"proceeding_id": proceeding.id, "account_id": municipal.id, "date": "2026-11-21", "debt": 40000},
                "debt"),
            "ukkr.fssp.reconciliation": (reconciliation, {"year": 2026, "quarter": "3"}, "department"),
            "ukkr.fssp.reconciliation.line": (reconciliation.line_ids[:1], {
                "reconciliation_id": reconciliation.id, "kind": "missing_here", "writ_number": "2-9/2026"},
                "writ_number"),
            "ukkr.write.off": (write_off, {"account_id": municipal.id, "reason": "deceased"}, "basis"),
            "ukkr.write.off.line": (write_off.line_ids, {"write_off_id": write_off.id, "period": "2026-08",
                                                         "principal": 10}, "principal"),
            "ukkr.payment.channel.share": (first("ukkr.payment.channel.share"), None, "amount"),
            "ukkr.debt.snapshot.analysis": (first("ukkr.debt.snapshot.analysis"), None, "period"),
            "ukkr.debt.service.analysis": (first("ukkr.debt.service.analysis"), None, "period"),
            "ukkr.case.analysis": (first("ukkr.case.analysis"), None, "case_count"),
            "ukkr.report.dispatch": (env["ukkr.report.dispatch"].create({"period": "2026-09", "state": "failed"}),
                                     None, "period"),
            # each role reads a job of its own (the record rules on others' jobs: RULE_CASES)
            "ukkr.job": (lambda user: env["ukkr.job"].sudo()._workflow_create({
                "name": "Проверка прав", "kind": "report", "user_id": user.id}), None, "name"),
            "ukkr.notice.posting": (env["ukkr.notice.posting"].create({
                "building_id": municipal.building_id.id, "date": "2026-11-20"}),
                {"building_id": municipal.building_id.id, "date": "2026-11-21"}, "note"),
            "ukkr.sms.gateway": (env["ukkr.sms.gateway"].create({"name": "Проверка прав", "url": "http://127.0.0.1:9/"}),
                                 {"name": "Новый шлюз", "url": "http://127.0.0.1:9/", "active": False}, "name"),
            "ukkr.sms.message": (env["ukkr.sms.message"].create({"phone": "+79131234567", "body": "Проверка"}),
                                 {"phone": "+79131234568", "body": "Проверка прав"}, "body"),
            "mail.tracking.email": (env["mail.tracking.email"].create({"name": "Проверка прав",
                                                                       "recipient": "x@example.ru"}), None, "name"),
            "ukkr.employer": (employer, {"partner_id": env["res.partner"].create({
                "name": "ООО «Проверка прав 2»", "is_company": True}).id}, "note"),
            "ukkr.employer.employee": (employee, {"employer_id": employer.id, "account_id": self.private.id},
                                       "source"),
            "ukkr.employer.letter": (letter, {"employer_id": employer.id, "channel": "post"}, "date"),
            "ukkr.employer.letter.action": (env["ukkr.employer.letter.action"].create({
                "letter_id": letter.id, "account_id": municipal.id, "date": "2026-11-26"}), None, "date"),
        }

    def rule_samples(self):
        env = self.env
        snapshots = env["ukkr.debt.snapshot"].search([("period", "=", "2026-09")])
        tranches = env["ukkr.debt.tranche"].search([])
        services = env["ukkr.account.service"]
        for account in (self.municipal, self.private):
            services |= env["ukkr.account.service"].create({
                "account_id": account.id, "norm_charge": 100,
                "service_id": env["ukkr.service"].search([("code", "=", "sewage")]).id})
        executions = {kind: env["ukkr.plan.execution"].create({
            "measure_id": measure.id, "kind": "entry", "period_start": "2026-11-01", "period_end": "2026-11-30",
            "deadline": "2026-11-30"}) for kind, measure in (("own measure", self.shared_measure),
                                                            ("other measure", self.other_measure))}

        def of(records, account):
            found = records.filtered(lambda r: r.account_id == account)
            self.assertTrue(found, "sample for %s" % records._name)
            return found[:1]
        return {
            ("ukkr.personal.account", "municipal"): self.municipal, ("ukkr.personal.account", "private"): self.private,
            ("ukkr.debt.snapshot", "municipal"): of(snapshots, self.municipal),
            ("ukkr.debt.snapshot", "private"): of(snapshots, self.private),
            ("ukkr.debt.tranche", "municipal"): of(tranches, self.municipal),
            ("ukkr.debt.tranche", "private"): of(tranches, self.private_debtor),
            ("ukkr.account.service", "municipal"): of(services, self.municipal),
            ("ukkr.account.service", "private"): of(services, self.private),
            ("res.partner", "municipal"): self.municipal.partner_id, ("res.partner", "private"): self.private.partner_id,
            ("ukkr.plan.execution", "own measure"): executions["own measure"],
            ("ukkr.plan.execution", "other measure"): executions["other measure"],
            ("auditlog.log", "write log"): self.write_log,
            ("ukkr.job", "another's job"): env["ukkr.job"].sudo()._workflow_create({
                "name": "Чужое задание", "kind": "report", "user_id": env.ref("base.user_root").id}),
            ("ukkr.plan", "plan in force"): self.plan, ("ukkr.plan", "own draft"): self.draft,
            ("ukkr.plan", "another's draft"): self.others_draft,
            ("ukkr.plan.measure", "plan in force"): self.shared_measure,
            ("ukkr.plan.measure", "own draft"): self.draft.measure_ids.filtered(lambda m: m.number == 991),
            ("ukkr.plan.measure", "another's draft"): self.others_draft.measure_ids.filtered(
                lambda m: m.number == 991),
            ("ukkr.court.case", "private order"): self.court_order(self.private_debtor),
            ("ukkr.court.case", "municipal order"): self.court_order(),
            ("ukkr.court.case", "municipal eviction"): env["ukkr.court.case"].create({
                "account_id": self.municipal.id, "kind": "eviction_social", "date": "2026-11-26"}),
        }

    # ------------------------------------------------------------------ helpers
    def suite_models(self):
        self.env.cr.execute("""SELECT DISTINCT m.model FROM ir_model_data d JOIN ir_model m ON m.id = d.res_id
                               WHERE d.model = 'ir.model' AND d.module LIKE 'ukkr\\_%%' ORDER BY m.model""")
        return [model for (model,) in self.env.cr.fetchall()]

    @staticmethod
    def stored_field(record):
        """A stored field to read: reading it runs the record rules (a computed one may not)."""
        names = [record._rec_name] + list(record._fields)
        return next(n for n in names if n and n in record._fields and record._fields[n].store
                    and n not in ("id", "create_uid", "create_date", "write_uid", "write_date"))

    @contextmanager
    def rolled_back(self):
        name = "matrix_%d" % next(self.savepoints)
        self.env.cr.execute('SAVEPOINT "%s"' % name)
        try:
            yield
        finally:
            self.env.cr.execute('ROLLBACK TO SAVEPOINT "%s"' % name)
            self.env.cr.execute('RELEASE SAVEPOINT "%s"' % name)
            self.env.clear()   # the caches and pending recomputations of the rolled-back call

    def attempt(self, model, user, op, record, create_values, field):
        """Do ``op`` as ``user``; None when the server allows it, else the exception (an AccessError for a
        refusal)."""
        # chatter side effects off (a client may send these keys too): they change no access check
        quiet = dict(tracking_disable=True, mail_create_nosubscribe=True, mail_create_nolog=True)
        Model = self.env[model].sudo(user).with_context(**quiet)
        try:
            with self.rolled_back(), today_is("2026-11-26"):
                if op == "r":
                    Model.browse(record.id).read([field])
                    if not Model.search([("id", "=", record.id)]):
                        raise AccessError("not found by search")
                elif op == "w":
                    value = record._fields[field].convert_to_write(record[field], record)
                    Model.browse(record.id).write({field: value})
                elif op == "c":   # (without create values: create({}), which must then be refused first)
                    Model.create(dict(create_values or {}))
                elif op == "u":
                    target = record
                    if create_values is not None:
                        target = self.env[model].with_context(**quiet).create(dict(create_values))
                    Model.browse(target.id).unlink()
        except Exception as error:  # noqa: BLE001 — the outcome is the subject of the test
            return error
        return None

    def check_cell(self, model, code, op, allowed, outcome, problems):
        if allowed and outcome is not None:
            problems.append("%s / %s / %s: should be allowed, got %s: %s"
                            % (model, code, OPERATIONS[op], type(outcome).__name__, str(outcome)[:150]))
        elif not allowed and not isinstance(outcome, AccessError):
            problems.append("%s / %s / %s: should be refused with AccessError, got %s"
                            % (model, code, OPERATIONS[op], "success" if outcome is None else repr(outcome)[:150]))

    # ------------------------------------------------------------------ the tests
    def test_every_model_has_a_row(self):
        models = self.suite_models()
        self.assertIn("ukkr.personal.account", models)
        missing = [model for model in models if model not in MATRIX]
        self.assertFalse(missing, "models of the suite without a row in MATRIX (say who may do what): %s" % missing)
        for model, row in MATRIX.items():
            if model not in self.env:
                continue   # a module of the suite that is not installed in this run
            Model = self.env[model]
            if row == ABSTRACT:
                self.assertTrue(Model._abstract, model)
            elif row == WIZARD:
                self.assertTrue(Model._transient and model in WIZARDS, model)
            else:
                self.assertEqual(len(row), len(GROUPS), model)
                self.assertFalse(Model._abstract or Model._transient, model)
                self.assertTrue(all(set(cell) <= set("rwcu.") for cell in row), model)

    def test_access_rights(self):
        cells = 0
        problems = []
        for model, row in MATRIX.items():
            if model not in self.env or row in (ABSTRACT, WIZARD):
                continue
            for (code, _xml_id), allowed_ops in zip(GROUPS, row):
                for op, mode in OPERATIONS.items():
                    cells += 1
                    allowed = self.env[model].sudo(self.users[code]).check_access_rights(mode, raise_exception=False)
                    if allowed != (op in allowed_ops):
                        problems.append("%s / %s / %s: access rights say %s" % (model, code, mode, allowed))
        _logger.info("Role matrix: %d (model, group, operation) cells of access rights checked", cells)
        self.assertFalse(problems, "\n".join(problems))

    def test_calls_as_each_role(self):
        fixtures = self.fixtures()
        problems, calls = [], 0
        for model, row in MATRIX.items():
            if model not in self.env or row in (ABSTRACT, WIZARD):
                continue
            if model not in fixtures:
                problems.append("%s: no sample record and create values in fixtures()" % model)
                continue
            sample, create_values, field = fixtures[model]
            for (code, _xml_id), allowed_ops in zip(GROUPS, row):
                # a sample may be made per user (records each user sees only as their own)
                record = sample(self.users[code]) if callable(sample) else sample
                self.assertTrue(record, "sample record of %s" % model)
                self.assertTrue(record._fields[field].store, "%s.%s: write back a stored field" % (model, field))
                for op in OPERATIONS:
                    calls += 1
                    outcome = self.attempt(model, self.users[code], op, record, create_values, field)
                    self.check_cell(model, code, op, op in allowed_ops, outcome, problems)
        _logger.info("Role matrix: %d calls as the users of the five roles", calls)
        self.assertFalse(problems, "\n".join(problems))

    def test_record_rules(self):
        samples = self.rule_samples()
        problems = []
        for model, code, op, kind, allowed in RULE_CASES:
            record = samples[(model, kind)]
            field = {"ukkr.plan.execution": "evidence_note", "ukkr.plan": "name",
                     "ukkr.plan.measure": "name"}.get(model, "note") if op == "w" else self.stored_field(record)
            outcome = self.attempt(model, self.users[code], op, record, None, field)
            self.check_cell("%s (%s)" % (model, kind), code, op, allowed, outcome, problems)
        _logger.info("Role matrix: %d record-rule cases", len(RULE_CASES))
        self.assertFalse(problems, "\n".join(problems))

    def test_wizard_actions_are_guarded_on_the_server(self):
        problems = []
        for model, (values, action, allowed_groups) in WIZARDS.items():
            if model not in self.env:
                continue
            for code, _xml_id in GROUPS:
                try:
                    with self.rolled_back(), today_is("2026-11-26"):
                        wizard = self.env[model].sudo(self.users[code]).create(values(self))
                        getattr(wizard, action)()
                    outcome = None
                except Exception as error:  # noqa: BLE001
                    outcome = error
                if code in allowed_groups and outcome is not None:
                    problems.append("%s.%s as %s: should run, got %r" % (model, action, code, outcome))
                elif code not in allowed_groups and not isinstance(outcome, AccessError):
                    problems.append("%s.%s as %s: should be refused with AccessError, got %r"
                                    % (model, action, code, outcome))
        self.assertFalse(problems, "\n".join(problems))

    def test_identity_fields_are_for_the_legal_group_only(self):
        """Passport and similar fields (none yet) are declared for the legal group only (DESIGN §5)."""
        lawyer = self.env.ref("ukkr_debt_plan.group_ukkr_lawyer")
        found = []
        for model in self.suite_models():
            for name, field in self.env[model]._fields.items() if model in self.env else ():
                if IDENTITY_FIELD.search(name) or IDENTITY_FIELD.search(field.string or ""):
                    groups = [self.env.ref(g.strip()) for g in (field.groups or "").split(",") if g.strip()]
                    if not groups or any(lawyer not in (g | g.trans_implied_ids) for g in groups):
                        found.append("%s.%s" % (model, name))
        self.assertFalse(found, "identity fields visible beyond the legal group: %s" % found)
