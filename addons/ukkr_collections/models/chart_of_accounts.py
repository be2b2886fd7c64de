"""The one lookup of the company's chart of accounts (l10n_ru) by account code, for the entries the monthly close and
the write-off post."""
from odoo import _
from odoo.exceptions import UserError


def chart_accounts(env, codes_by_key):
    """{key: account.account} of ``env``'s user's company; a key maps to a code or to codes tried in order. A code
    missing from the chart is a clear error naming it."""
    Account = env["account.account"].sudo()
    company = env.user.company_id
    found = {}
    for key, codes in codes_by_key.items():
        codes = (codes,) if isinstance(codes, str) else tuple(codes)
        for code in codes:
            account = Account.search([("code", "=", code), ("company_id", "=", company.id)], limit=1)
            if account:
                found[key] = account
                break
        else:
            cr, context = env.cr, env.context  # noqa: F841 (the translation of _() reads them from this frame)
            raise UserError(_("Account %s of the Russian chart is missing: install the l10n_ru chart of "
                              "accounts for the company.") % codes[0])
    return found
