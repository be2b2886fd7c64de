"""Limitation and suspension of a utility service for debt (ПП № 354, раздел XI) as pure functions.

Terms are counted as the Civil Code counts them (ГК 191): a term of N days «from the day of» an event begins on the
next day and ends on the Nth day after it; the next step is allowed on the day after that.
- п.117, 118: a service may be limited when its debt is GREATER than ``multiplier`` (2) × the monthly charge at the
  consumption norm and the current tariff, and no repayment agreement is in force and honoured;
- п.119: heating is never limited or suspended; in apartment buildings cold water neither;
- п.119 «а»: the debtor has ``pay_days`` (20) days from the DELIVERY of the warning: delivered on D, he may pay up to
  D + 20, limitation from D + 21;
- п.119 «в»: suspension when the debt is still unpaid when ``suspension_days`` (10) days from the limitation have
  run: limited on L, suspension from L + 11;
- п.120: service restored within ``restoration_days`` (2) calendar days from full payment: paid on P, by P + 2.
"""
from collections import namedtuple
from datetime import timedelta

from .rule_errors import RuleInputError

Params = namedtuple("Params", "multiplier pay_days suspension_days restoration_days")


def is_eligible(service_debt, normative_monthly_charge, multiplier, has_honoured_agreement, service_flags,
                is_apartment_building):
    """(eligible, reason code). ``service_flags``: mapping with ``never_suspended`` and
    ``never_suspended_apartment_building`` (the ukkr.service flags).

    Codes: ``never_suspended``, ``never_suspended_apartment_building``, ``agreement``, ``below_threshold``,
    ``eligible``. The threshold is strict: a debt of exactly 2 monthly charges is not enough.
    """
    if service_debt is None or service_debt < 0:
        raise RuleInputError("negative_debt", amount=service_debt)
    if not normative_monthly_charge or normative_monthly_charge <= 0:
        raise RuleInputError("no_monthly_charge", amount=normative_monthly_charge)
    flags = service_flags or {}
    if flags.get("never_suspended"):
        return False, "never_suspended"
    if is_apartment_building and flags.get("never_suspended_apartment_building"):
        return False, "never_suspended_apartment_building"
    if has_honoured_agreement:
        return False, "agreement"
    if round(service_debt, 2) <= round(multiplier * normative_monthly_charge, 2):
        return False, "below_threshold"
    return True, "eligible"


def limitation_dates(delivery_date, params):
    """From the warning's delivery date: ``pay_until`` (last day to pay), ``limitation`` (earliest limitation day),
    ``suspension_pay_until`` (last day to pay after a limitation on that day) and ``suspension`` (earliest
    suspension day)."""
    if delivery_date is None:
        raise RuleInputError("no_delivery_date")
    pay_until = delivery_date + timedelta(days=params.pay_days)
    limitation = pay_until + timedelta(days=1)
    suspension_pay_until = limitation + timedelta(days=params.suspension_days)
    return {"pay_until": pay_until, "limitation": limitation, "suspension_pay_until": suspension_pay_until,
            "suspension": suspension_pay_until + timedelta(days=1)}


def restoration_due(paid_date, restoration_days):
    """Last day by which the service is restored after full payment (or a signed agreement) on ``paid_date``."""
    if paid_date is None:
        raise RuleInputError("no_payment_date")
    return paid_date + timedelta(days=restoration_days)
