"""Record numbers come from ir.sequence (data/ukkr_sequences.xml) in the formats the records had before: «Д-»
and six digits for a debtor case, «РС-» for an installment agreement … An update of the module makes each sequence
continue after the highest number its records hold, so records numbered before keep their numbers and no number
is given twice."""
import re

from .agreement_common import AgreementCase


class TestNumbering(AgreementCase):

    def test_numbers_follow_the_sequence_and_continue_after_existing_ones(self):
        first, second = self.open_case("1"), self.open_case("2")
        self.assertRegex(first.name, r"^Д-\d{6}$")
        self.assertEqual(int(second.name[2:]), int(first.name[2:]) + 1)
        agreement = self.draft("3")
        self.assertRegex(agreement.name, r"^РС-\d{6}$")
        # a case numbered before the sequences existed (Д- and its id), far above the sequence: the module's update
        # moves the sequence past it; the existing numbers stay as they are
        self.env.cr.execute("UPDATE ukkr_debtor_case SET name = 'Д-900000' WHERE id = %s", (second.id,))
        second.invalidate_cache()
        self.env["ukkr.numbering"]._sync_sequences()
        self.env["ukkr.numbering"]._sync_sequences()   # idempotent
        self.assertEqual((first.name, second.name), (first.name, "Д-900000"))
        third = self.open_case("3")
        self.assertEqual(third.name, "Д-900001")
        self.assertTrue(all(re.match(r"^Д-\d{6}$", name) for name in (first | second | third).mapped("name")))
