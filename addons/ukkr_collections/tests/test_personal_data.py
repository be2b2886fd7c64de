"""Personal data (152-ФЗ, DESIGN §5, issue 9.1–9.2): what the administration sees, and the audit of reads.

The small district of test_billing_import: 9900000001 (individual owner) and 9900000003 (organisation) are not
municipal housing; 9900000002 (social tenancy) is. The administration's groups see 9900000002, its payer, debts and
services, and nothing individual of the other two; УККР staff see all three. Every read of an account is logged.
"""
from odoo.exceptions import AccessError
from odoo.tests import common
from odoo.tests.common import TransactionCase

from odoo.addons.ukkr_debt_plan.tests.common import today_is

from .test_billing_import import ACCOUNTS, ACCRUALS, PAYMENTS

NUMBERS = ["9900000001", "9900000002", "9900000003"]


class PersonalDataCase(TransactionCase):
    """The district, a closed September and one user per role (no tests here)."""

    def setUp(self):
        super().setUp()
        importer = self.env["ukkr.billing.import"]
        with today_is("2026-11-26"):
            for text, name in ((ACCOUNTS, "accounts.csv"), (ACCRUALS, "accruals.csv"), (PAYMENTS, "payments.csv")):
                importer.import_content(text.encode("utf-8"), name)
            if not self.env["ukkr.monthly.close"].search([("period", "=", "2026-09")]):
                self.env["ukkr.monthly.close"].close_period("2026-09")
        self.Account = self.env["ukkr.personal.account"]
        self.accounts = {a.name: a for a in self.Account.search([("name", "in", NUMBERS)])}
        Users = self.env["res.users"].with_context(no_reset_password=True)

        def user(login, *groups):
            return Users.create({"name": login, "login": "t_pd_" + login, "lang": False,
                                 "email": "t_pd_%s@ukkr.example.ru" % login,
                                 "groups_id": [(6, 0, [self.env.ref("ukkr_debt_plan." + g).id for g in groups])]})
        self.executor = user("executor", "group_admin_executor")
        self.control = user("control", "group_admin_control")
        self.operator = user("operator", "group_ukkr_operator")
        self.lawyer = user("lawyer", "group_ukkr_lawyer")
        self.manager = user("manager", "group_ukkr_manager")
        self.both = user("both", "group_admin_executor", "group_ukkr_operator")

    def visible(self, model, user, field="account_id"):
        domain = [("name", "in", NUMBERS)] if model == "ukkr.personal.account" else [(field + ".name", "in", NUMBERS)]
        records = self.env[model].sudo(user).search(domain).sudo()
        return sorted(r.name if model == "ukkr.personal.account" else r[field].name for r in records)



class TestPersonalData(PersonalDataCase):

    def test_payer_flag_follows_the_accounts(self):
        partner = {n: a.partner_id for n, a in self.accounts.items()}
        self.assertEqual([partner[n].ukkr_private_payer for n in NUMBERS], [True, False, True])
        # the ORM way: the account becomes municipal housing
        self.accounts["9900000001"].write({"is_municipal": True})
        self.assertFalse(partner["9900000001"].ukkr_private_payer)
        # the import way (SQL): the billing system says 9900000002 is not municipal any more
        with today_is("2026-11-26"):
            self.env["ukkr.billing.import"].import_content(
                ACCOUNTS.replace("Социальный наем;1;", "Социальный наем;0;").encode("utf-8"), "accounts.csv")
        partner["9900000002"].invalidate_cache()
        self.assertTrue(partner["9900000002"].ukkr_private_payer)
        # a payer of a municipal and a private account is visible through the municipal one
        self.Account.create({"name": "9900000099", "building_id": self.accounts["9900000002"].building_id.id,
                             "partner_id": partner["9900000003"].id, "is_municipal": True})
        self.assertFalse(partner["9900000003"].ukkr_private_payer)
        # the full refresh (module update) agrees with the incremental one
        before = {n: p.ukkr_private_payer for n, p in partner.items()}
        self.env.cr.execute("UPDATE res_partner SET ukkr_private_payer = NULL WHERE id IN %s",
                            (tuple(p.id for p in partner.values()),))
        self.env["res.partner"]._ukkr_refresh_private_payers()
        self.assertEqual({n: p.ukkr_private_payer for n, p in partner.items()}, before)

    def test_municipal_flag_copies_follow_the_import(self):
        """Records of a municipal tenant keep a copy of the flag for the administration's record rules: when the
        billing system says the account is no longer municipal, the import (SQL) refreshes every copy, and the
        administration reads the payer nowhere — not through the case, the notice or the account."""
        account = self.accounts["9900000002"]
        case = self.env["ukkr.debtor.case"].search([("account_id", "=", account.id), ("state", "=", "open")]) or \
            self.env["ukkr.debtor.case"].create({"account_id": account.id})
        notice = self.env["ukkr.notice"].create({"account_id": account.id})
        self.assertTrue(case.is_municipal)
        self.assertEqual(case.sudo(self.executor).partner_id.name, "Петрова Анна Сергеевна")
        with today_is("2026-11-26"):
            self.env["ukkr.billing.import"].import_content(
                ACCOUNTS.replace("Социальный наем;1;", "Социальный наем;0;").encode("utf-8"), "accounts.csv")
        # every stored copy of the flag, on every model that keeps one, follows the account
        for model in self.env.registry:
            Model = self.env[model]
            field = Model._fields.get("is_municipal")
            if Model._abstract or Model._transient or not Model._auto or not field or not field.store \
                    or not field.related or field.related[0] != "account_id":
                continue
            self.env.cr.execute("SELECT count(*) FROM %s WHERE account_id = %%s AND is_municipal" % Model._table,
                                (account.id,))
            self.assertEqual(self.env.cr.fetchone()[0], 0, model)
        self.env["ukkr.debtor.case"].invalidate_cache()
        for user in (self.executor, self.control):
            for records in (case, notice, account, account.partner_id):
                with self.assertRaises(AccessError):
                    records.sudo(user).read([records._rec_name or "id"])
            self.assertFalse(self.env["ukkr.debtor.case"].sudo(user).search([("id", "=", case.id)]))

    def test_absent_optional_columns_leave_the_fields_alone(self):
        """An accounts file without the phone, e-mail, residents and area columns changes none of them."""
        account = self.accounts["9900000001"]
        account.write({"phone": "+79131234567", "email": "ivanov@example.ru", "residents": 3, "area": 54.3})
        short = "\n".join(";".join(line.split(";")[:8]) for line in ACCOUNTS.strip().splitlines()) + "\n"
        with today_is("2026-11-26"):
            self.env["ukkr.billing.import"].import_content(short.encode("utf-8"), "accounts.csv")
        account.invalidate_cache()
        self.assertEqual((account.phone, account.email, account.residents, account.area, account.is_municipal),
                         ("+79131234567", "ivanov@example.ru", 3, 54.3, False))

    def test_administration_sees_municipal_housing_only(self):
        for user in (self.executor, self.control):
            self.assertEqual(self.visible("ukkr.personal.account", user), ["9900000002"])
            self.assertEqual(self.visible("ukkr.debt.snapshot", user), ["9900000002"])
            self.assertEqual(self.visible("ukkr.debt.tranche", user), ["9900000002"])
            self.assertEqual(self.visible("ukkr.account.service", user), [])   # (9900000002 has no norm charge)
            # a private account, its payer (name, phone, e-mail, address) and its snapshot: refused by the server
            private = self.accounts["9900000001"]
            for records in (private, private.partner_id, self.env["ukkr.debt.snapshot"].search(
                    [("account_id", "=", private.id)])):
                with self.assertRaises(AccessError):
                    records.sudo(user).read([records._rec_name])
            self.assertFalse(self.env["res.partner"].sudo(user).search([("name", "=", "Иванов Иван Иванович")]))
            self.assertEqual(self.env["res.partner"].sudo(user).name_search("Иванов Иван"), [])
            # the municipal tenant is visible with the personal data the housing department works with
            municipal = self.accounts["9900000002"].sudo(user)
            self.assertEqual(municipal.partner_id.name, "Петрова Анна Сергеевна")
            self.assertEqual(municipal.partner_id.sudo(user).read(["name", "street"])[0]["name"],
                             "Петрова Анна Сергеевна")
            # the account's form opens: every field of the form view reads
            view = self.Account.sudo(user).fields_view_get(view_type="form")
            municipal.read(list(view["fields"]))
            municipal.service_ids.read(["service_id", "norm_charge"])
        for user in (self.operator, self.lawyer, self.manager, self.both):
            self.assertEqual(self.visible("ukkr.personal.account", user), NUMBERS)
            self.assertEqual(self.visible("ukkr.debt.snapshot", user), NUMBERS)
            self.assertEqual(self.visible("ukkr.account.service", user), ["9900000001", "9900000001"])
            self.accounts["9900000001"].partner_id.sudo(user).read(["name", "phone"])

    def test_reports_aggregate_through_sudo(self):
        """The administration's reports sum every account: they read aggregates with sudo(), never rows."""
        snapshots = self.env["ukkr.debt.snapshot"]
        domain = [("period", "=", "2026-09"), ("account_id.name", "in", NUMBERS)]
        own = snapshots.sudo(self.executor).read_group(domain, ["debt"], [])[0]["debt"]
        total = snapshots.sudo(self.executor).sudo().read_group(domain, ["debt"], [])[0]["debt"]
        self.assertEqual((own, total), (2500.0, 25950.5))



@common.at_install(False)
@common.post_install(True)
class TestPersonalDataAudit(PersonalDataCase):
    """After every module is loaded: auditlog hooks its rules into the models when the registry is ready."""

    def test_reading_an_account_is_audited(self):
        Log = self.env["auditlog.log"]
        account = self.accounts["9900000001"]
        account.sudo(self.operator).read(["name", "phone", "partner_id"])
        log = Log.search([("res_id", "=", account.id), ("method", "=", "read"), ("user_id", "=", self.operator.id),
                          ("model_id.model", "=", "ukkr.personal.account")])
        self.assertEqual(len(log), 1, "one read, one log line")
        self.assertEqual(log.ukkr_fields_read, "name, partner_id, phone")
        self.assertEqual(log.with_context(lang="ru_RU").ukkr_fields_read_labels, "Номер лицевого счёта, Плательщик, Телефон",
                         "the screens show the fields by their Russian names (issue 17)")
        self.assertFalse(log.line_ids, "the values read are not copied into the log")
        self.assertEqual(log.name, "9900000001")
        # a change is logged with its old and new value
        account.sudo(self.manager).write({"phone": "+79130000001"})
        change = Log.search([("res_id", "=", account.id), ("method", "=", "write")])
        self.assertEqual(change.line_ids.mapped("new_value_text"), ["+79130000001"])
        # who may read the log: the manager everything, the control group reads only, others nothing
        mine = [("res_id", "=", account.id), ("model_id.model", "=", "ukkr.personal.account")]
        self.assertEqual(set(Log.sudo(self.manager).search(mine).mapped("method")), {"read", "write"})
        self.assertEqual(set(Log.sudo(self.control).search(mine).mapped("method")), {"read"})
        self.env["auditlog.log"].sudo(self.control).browse(log.id).read(["line_ids", "ukkr_fields_read"])
        for user in (self.operator, self.executor, self.lawyer):
            with self.assertRaises(AccessError):
                Log.sudo(user).search(mine)
