"""Measure 16: every document that tells a payer how to pay takes the ways to pay from the register of payment
channels (Настройка → Способы оплаты), not from text in the templates: a channel's new instructions appear in the
notice letter, its e-mail, the installment agreement and the entrance notice; a channel switched off disappears."""
from odoo.addons.ukkr_debt_plan.tests.common import today_is

from .common import ReportCase

CASH = "Касса МУП «УККР»: ул. Тестовая, д. 7, с 9 до 17 часов."


class TestPaymentChannelsInDocuments(ReportCase):

    def test_every_document_takes_the_register(self):
        self.close_all()
        Channel = self.env["ukkr.payment.channel"]
        Channel.search([("code", "=", "cash")]).how_to_pay = CASH
        post = Channel.search([("code", "=", "post")])
        post_text = post.how_to_pay
        post.active = False
        account = self.account("9800000002")
        with today_is("2026-03-06"):
            notice = self.env["ukkr.notice"].create({"account_id": account.id, "kind": "warning",
                                                     "channel": "registered_letter"})
            agreement = self.env["ukkr.installment.agreement"].create({
                "account_id": account.id, "date": "2026-03-06", "term_months": 3,
                "first_payment_date": "2026-03-20"})
            agreement.action_fill_tranches()
            agreement.action_generate_schedule()
            documents = {
                "notice letter": self.env.ref("ukkr_collections.report_notice_letter").render_qweb_html(
                    notice.ids)[0],
                "notice e-mail": self.env["ir.qweb"].render("ukkr_collections.notice_email_body", {
                    "notice": notice, "data": notice.letter_data()}),
                "installment agreement": self.env.ref(
                    "ukkr_collections.report_installment_agreement").render_qweb_html(agreement.ids)[0],
                "entrance notice": self.env.ref("ukkr_reports.report_building_debt_notice").render_qweb_html(
                    account.building_id.ids)[0]}
        for name, html in documents.items():
            text = html.decode("utf-8") if isinstance(html, bytes) else str(html)
            text = text.replace("&quot;", '"').replace("&#171;", "«").replace("&#187;", "»")
            self.assertIn("ул. Тестовая, д. 7", text, name)
            self.assertNotIn(post_text[:40], text, name + ": a channel switched off is not printed")
        self.assertEqual([name for name, _how in Channel._payer_channels()][:1], [Channel.search([], limit=1).name])
