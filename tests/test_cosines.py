"""fuse.cosines: negated claims are compared by what they negate."""

import numpy as np
import pytest
from fusekit import claim

from storyline.fuse.cosines import ClaimCosines, affirmative


@pytest.mark.parametrize("negated, affirmed", [
    ("None of the troops has fought yet", "All of the troops has fought already"),
    ("The government has made no public comment", "The government has made a public comment"),
    ("Pyongyang has not confirmed the deployment", "Pyongyang has confirmed the deployment"),
    ("The troops did not cross the river", "The troops cross the river"),
    ("No one was hurt", "somebody was hurt"),
    ("The pier is no longer open", "The pier is still open"),
])
def test_affirmative_takes_the_negation_out(negated, affirmed):
    assert affirmative(negated) == affirmed


def test_two_negated_claims_are_compared_by_what_they_negate():
    texts = {"None fought.": [1.0, 0.0], "No comment was made.": [0.8, 0.6], "Troops fought.": [1.0, 0.0],
             "A comment was made.": [0.0, 1.0]}

    def embed(batch):
        return np.array([texts[t] for t in batch])

    claims = [claim("None fought.", "a1", negated=True), claim("No comment was made.", "a2", negated=True),
              claim("Troops fought.", "a3")]
    cos = ClaimCosines(claims, embed)
    assert cos.pair(0, 1) == pytest.approx(0.0)  # what they negate: fighting, a comment
    assert cos.pair(0, 2) == pytest.approx(1.0)  # one side affirmative: the texts as written
    assert cos.block([0], [1, 2]) == pytest.approx(np.array([[0.0, 1.0]]))
