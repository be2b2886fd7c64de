"""Login hardening (issue 22.5) at the model level: the brute-force check of OCA auth_brute_force works for a
user who may not read the attempts (only the system administrator may), and the demo data relax the password
policy (tests/test_login_security.py and tests/test_security_settings.py check it over HTTP and in production)."""
from odoo.exceptions import AccessError
from odoo.tests.common import TransactionCase


class TestLoginSecurity(TransactionCase):

    def setUp(self):
        super().setUp()
        self.operator = self.env["res.users"].with_context(no_reset_password=True).create({
            "name": "Оператор", "login": "t_login_sec", "password": "op",
            "groups_id": [(6, 0, [self.env.ref("ukkr_debt_plan.group_ukkr_operator").id])]})
        self.Attempt = self.env["res.authentication.attempt"]

    def test_ten_failures_block_the_pair_for_a_user_without_read_access(self):
        remote = "192.0.2.10"
        for _ in range(9):
            self.Attempt.create({"login": "t_login_sec", "remote": remote, "result": "failed"})
        as_user = self.Attempt.sudo(self.operator)
        self.assertTrue(as_user._trusted(remote, "t_login_sec"), "9 wrong passwords: still allowed")
        self.Attempt.create({"login": "t_login_sec", "remote": remote, "result": "failed"})
        self.assertFalse(as_user._trusted(remote, "t_login_sec"), "the 11th attempt is refused")
        self.assertTrue(as_user._trusted("192.0.2.11", "t_login_sec"), "another address is not blocked")
        # the attempts (logins and addresses of others) are the system administrator's
        with self.assertRaises(AccessError):
            as_user.search([]).read(["login"])
        message = self.env["res.users"].with_context(lang="ru_RU")._ukkr_login_blocked_message("t_login_sec", remote)
        self.assertFalse(message, "not banned yet: the refusal is recorded when the 11th attempt is made")
        self.Attempt.create({"login": "t_login_sec", "remote": remote, "result": "banned"})
        message = self.env["res.users"].with_context(lang="ru_RU")._ukkr_login_blocked_message("t_login_sec", remote)
        self.assertIn("заблокирован", message)

    def test_demo_password_policy_keeps_short_passwords(self):
        company = self.env.ref("base.main_company")
        self.assertEqual((company.password_expiration, company.password_history), (0, 1))
        self.operator.write({"password": "op2"})   # a short demo password is accepted in demo mode
        self.operator.write({"password": "op"})    # and may come back (no reuse rule in demo mode)
