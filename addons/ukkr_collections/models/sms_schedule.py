"""When an SMS may go out: quiet hours and the local day of the daily limit. Pure functions, no Odoo.

Times in and out are naive UTC datetimes (as Odoo stores them); hours are floats as the ``float_time`` widget
writes them (21.0 = 21:00, 8.5 = 08:30). Worked examples for Asia/Krasnoyarsk (UTC+7, no DST since 2014) with
quiet hours 21:00–08:00:

- 15:30 UTC = 22:30 local → quiet until 08:00 local of the next day = 01:00 UTC of the next day;
- 00:59 UTC = 07:59 local → quiet until 08:00 local of the same day = 01:00 UTC;
- 01:00 UTC = 08:00 local → not quiet (the end is not part of the quiet hours);
- 13:59 UTC = 20:59 local → not quiet; 14:00 UTC = 21:00 local → quiet until 01:00 UTC of the next day.

The local day of 10.03.2026 in Krasnoyarsk is 09.03.2026 17:00 UTC … 10.03.2026 17:00 UTC.
"""
from datetime import datetime, time, timedelta

import pytz


def _hours_to_time(hours):
    minutes = int(round(hours * 60))
    if minutes >= 24 * 60:
        minutes = 24 * 60 - 1
    return time(minutes // 60, minutes % 60)


def _to_local(now_utc, tz_name):
    tz = pytz.timezone(tz_name)
    return tz, pytz.utc.localize(now_utc).astimezone(tz)


def _to_utc(tz, local_naive):
    return tz.localize(local_naive).astimezone(pytz.utc).replace(tzinfo=None)


def quiet_until(now_utc, tz_name, start, end):
    """The UTC moment the quiet hours around ``now_utc`` end, or ``None`` when it is not quiet now.

    ``start > end`` spans midnight (21:00–08:00); ``start < end`` is within a day; ``start == end`` means
    no quiet hours at all.
    """
    if start == end:
        return None
    tz, local = _to_local(now_utc, tz_name)
    hours = local.hour + local.minute / 60.0 + local.second / 3600.0
    quiet = (hours >= start or hours < end) if start > end else (start <= hours < end)
    if not quiet:
        return None
    end_day = local.date() if hours < end else local.date() + timedelta(days=1)
    return _to_utc(tz, datetime.combine(end_day, _hours_to_time(end)))


def local_day_window(now_utc, tz_name):
    """``(start, end)`` in UTC of the local calendar day that contains ``now_utc``."""
    tz, local = _to_local(now_utc, tz_name)
    day = local.date()
    return (_to_utc(tz, datetime.combine(day, time(0, 0))),
            _to_utc(tz, datetime.combine(day + timedelta(days=1), time(0, 0))))


def next_allowed(moment_utc, tz_name, start, end):
    """``moment_utc`` itself, or the end of the quiet hours it falls in."""
    return quiet_until(moment_utc, tz_name, start, end) or moment_utc
