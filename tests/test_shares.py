"""How much of a question a text holds: a payment's head word (补助, 补贴, 津贴) does not
part two names of one payment; what it pays for does."""

from __future__ import annotations

from policykg.retrieval.shares import bigrams, share_in, weighted_share


def test_a_payment_named_by_another_head_word_is_held() -> None:
    grams = bigrams(["伙食补贴"])
    assert share_in(grams, "县财政按每人每天10元的标准给予乡镇干部伙食补助。") == 1.0
    weights = {gram: 1.0 for gram in bigrams(["高海拔", "补贴"])}
    assert weighted_share(weights, "每人每月发放1500元超高海拔工作津贴") == 1.0


def test_what_a_payment_pays_for_still_parts_payments() -> None:
    grams = bigrams(["伙食补贴"])
    assert share_in(grams, "每人每月发放交通补助300元。") < 0.5
    assert share_in(bigrams(["奖金"]), "每人每月发放交通补贴300元。") == 0.0
