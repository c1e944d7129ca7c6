"""Log parsing accuracy metrics as defined by Loghub-2.0 (Jiang et al., ISSTA 2024).

All four compare a parser's template per message with the ground truth template per message:

* GA (grouping accuracy): the fraction of messages whose ground-truth group (messages sharing
  its true template) is exactly the group the parser put it in.
* FGA: F1 of group precision (correct groups / parsed groups) and recall (correct groups /
  true groups), a group being correct as above.
* PA (parsing accuracy): the fraction of messages whose parsed template text equals the true
  template text.
* FTA: F1 over templates: a parsed template is correct when its messages are exactly one true
  group and its text equals that group's template.

Parsed groups are formed by template text, as in the Loghub-2.0 evaluator. ``normalise`` is
Loghub-2.0's template correction (``correct_single_template``): PA and FTA compare texts after
applying it to both sides, which leaves the (already corrected) ground truth unchanged.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from pipeline.templates.rendering import normalise


@dataclass(frozen=True, slots=True)
class Accuracy:
    ga: float
    pa: float
    fga: float
    fta: float
    parsed_templates: int
    true_templates: int


def _f1(precision: float, recall: float) -> float:
    return 0.0 if precision + recall == 0 else 2 * precision * recall / (precision + recall)


def evaluate(truth: Sequence[str], parsed: Sequence[str], normalised: bool = False) -> Accuracy:
    """Compute GA, PA, FGA and FTA for per-message ground truth and parsed templates."""
    if len(truth) != len(parsed):
        raise ValueError(f"{len(truth)} ground-truth rows but {len(parsed)} parsed rows")
    if not truth:
        return Accuracy(0.0, 0.0, 0.0, 0.0, 0, 0)
    if normalised:
        cache: dict[str, str] = {}
        parsed_texts = [cache.get(t) or cache.setdefault(t, normalise(t)) for t in parsed]
        truth_texts = [cache.get(t) or cache.setdefault(t, normalise(t)) for t in truth]
    else:
        parsed_texts, truth_texts = list(parsed), list(truth)
    # Groups are formed from the raw strings (as the reference evaluator does); only the text
    # comparison of PA/FTA uses the normalised form.
    parsed_sizes = Counter(parsed)
    by_truth: dict[str, Counter[str]] = defaultdict(Counter)
    for true, found in zip(truth, parsed, strict=True):
        by_truth[true][found] += 1
    correct_messages = 0
    correct_groups = 0
    for groups in by_truth.values():
        if len(groups) == 1:
            ((found, size),) = groups.items()
            if parsed_sizes[found] == size:
                correct_messages += size
                correct_groups += 1
    by_parsed: dict[str, set[str]] = defaultdict(set)
    for true, found in zip(truth_texts, parsed, strict=True):
        by_parsed[found].add(true)
    text_of = dict(zip(parsed, parsed_texts, strict=True))
    correct_templates = sum(1 for found, trues in by_parsed.items() if trues == {text_of[found]})
    pa = sum(1 for a, b in zip(truth_texts, parsed_texts, strict=True) if a == b) / len(truth)
    n_parsed, n_true = len(parsed_sizes), len(by_truth)
    return Accuracy(
        ga=correct_messages / len(truth),
        pa=pa,
        fga=_f1(correct_groups / n_parsed, correct_groups / n_true),
        fta=_f1(correct_templates / n_parsed, correct_templates / n_true),
        parsed_templates=n_parsed,
        true_templates=n_true,
    )
