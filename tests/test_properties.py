"""Property-based tests of the parsers every number passes through: printed amounts,
dates and periods, scale notes, and the scaling into XBRL values.

Each property holds for every input hypothesis draws, not only the ones we thought of:
a printed number reads back exactly (never rounded, never sign-flipped), a date in any
of the printed forms reads back as itself, and no text makes a parser raise.
"""

from __future__ import annotations

import calendar
from datetime import date, timedelta
from decimal import Decimal

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from converter.builder.builder import Builder
from converter.extraction.periods import parse_date, parse_period
from converter.extraction.scale import SCALES, read_scale
from converter.extraction.values import parse_amount
from converter.limits import Limits

PROPERTY = settings(max_examples=300, deadline=None, derandomize=True,
                    suppress_health_check=[HealthCheck.too_slow])

amounts = st.decimals(min_value=Decimal("-999999999999.99"), max_value=Decimal("999999999999.99"),
                      places=2, allow_nan=False, allow_infinity=False)
dates = st.dates(min_value=date(1950, 1, 1), max_value=date(2099, 12, 31))


def printed(value: Decimal, places: int, commas: bool, dollar: bool, parentheses: bool) -> str:
    """A number as a statement prints it."""
    magnitude = abs(value).quantize(Decimal(1).scaleb(-places))
    text = f"{magnitude:,.{places}f}" if commas else f"{magnitude:.{places}f}"
    if dollar:
        text = f"$ {text}"
    if value < 0:
        text = f"({text})" if parentheses else f"-{text}"
    return text


@PROPERTY
@given(amounts, st.integers(0, 2), st.booleans(), st.booleans(), st.booleans())
def test_a_printed_amount_reads_back_exactly(value: Decimal, places: int, commas: bool, dollar: bool,
                                             parentheses: bool) -> None:
    text = printed(value, places, commas, dollar, parentheses)
    amount = parse_amount(text)
    assert amount is not None, text
    expected = value.quantize(Decimal(1).scaleb(-places)) if value >= 0 else \
        -abs(value).quantize(Decimal(1).scaleb(-places))
    assert amount.shown == expected, text
    assert amount.decimals_shown == places


@PROPERTY
@given(st.text(max_size=40))
def test_no_text_makes_the_amount_parser_raise(text: str) -> None:
    amount = parse_amount(text)
    if amount is not None and amount.shown is not None:
        assert any(ch.isdigit() for ch in text) or amount.shown == 0


@PROPERTY
@given(dates, st.sampled_from(["%B %d, %Y", "%b. %d, %Y", "%B %d %Y", "%b %d, %Y"]))
def test_a_printed_date_reads_back_as_itself(day: date, form: str) -> None:
    text = day.strftime(form).replace("May.", "May")
    assert parse_date(text) == day, text


@PROPERTY
@given(dates, st.sampled_from([("Three Months Ended", 3), ("Six Months Ended", 6), ("Nine Months Ended", 9),
                               ("Year Ended", 12), ("Twelve Months Ended", 12)]))
def test_a_period_header_at_a_month_end_covers_whole_months(day: date, header: tuple[str, int]) -> None:
    end = day.replace(day=calendar.monthrange(day.year, day.month)[1])
    words, months = header
    period = parse_period(f"{words} {end:%B %d, %Y}")
    assert period is not None and period.end == end and period.start is not None
    assert period.start.day == 1
    assert (end.year * 12 + end.month) - (period.start.year * 12 + period.start.month) + 1 == months


@PROPERTY
@given(dates, st.integers(1, 4))
def test_a_fifty_two_week_quarter_is_whole_weeks(day: date, quarters: int) -> None:
    if day.day == calendar.monthrange(day.year, day.month)[1]:
        day -= timedelta(days=1)  # a 52/53-week period ends on a day that is not a month end
    period = parse_period(f"{['Three', 'Six', 'Nine', 'Twelve'][quarters - 1]} Months Ended {day:%B %d, %Y}")
    assert period is not None and period.start is not None
    days = (period.end - period.start).days + 1
    assert days % 7 == 0 and abs(days - 91 * quarters) <= 7


@PROPERTY
@given(st.text(max_size=80))
def test_no_text_makes_the_period_parser_raise(text: str) -> None:
    period = parse_period(text)
    if period is not None and period.start is not None:
        assert period.start <= period.end


@PROPERTY
@given(st.sampled_from(sorted(SCALES)), st.sampled_from(["", ", except per share data", ", except share and per "
                                                          "share amounts", " of U.S. dollars"]),
       st.sampled_from(["(In {s}{r})", "(in {s}{r})", "(Dollars in {s}{r})", "($ in {s}{r})"]))
def test_a_scale_note_gives_its_power_of_ten(scale: str, rest: str, form: str) -> None:
    power, note, unscaled, _ = read_scale(["CONSOLIDATED BALANCE SHEETS", form.format(s=scale, r=rest)])
    assert power == SCALES[scale] and note
    assert "perShare" in unscaled
    assert ("shares" in unscaled) == ("except share and" in rest)


@PROPERTY
@given(st.lists(st.text(max_size=60), max_size=5))
def test_no_caption_makes_the_scale_reader_raise(caption: list[str]) -> None:
    power, _, _, _ = read_scale(caption)
    assert power in (0, 3, 6, 9)


@PROPERTY
@given(amounts, st.sampled_from([0, 3, 6, 9]))
def test_scaling_into_an_xbrl_value_is_exact(value: Decimal, power: int) -> None:
    written = Builder.number(value, power)
    assert Decimal(written) == value.scaleb(power)
    assert "e" not in written.lower()


@PROPERTY
@given(st.decimals(allow_nan=False, allow_infinity=False, min_value=Decimal("-1e30"), max_value=Decimal("1e30")))
def test_only_values_beyond_a_quadrillion_are_refused(value: Decimal) -> None:
    problem = Limits().value_problem(value)
    assert (problem is not None) == (abs(value) >= Decimal(10) ** 15)
