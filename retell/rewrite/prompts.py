"""Every prompt retell sends, as data.

Each style has a system message, worked examples (invented stories, written
for retell) shown as earlier turns, and a template for the request. The
source always goes between <source> tags so that a backend, or the fake one,
can find it. Small models follow short, concrete instructions and copy the
shape of examples, so the examples carry as much of the instruction as the
words do.
"""

from __future__ import annotations

from dataclasses import dataclass

from retell.backends.base import Message


@dataclass(frozen=True)
class Prompt:
    """The fixed parts of a style's prompt."""

    system: str
    examples: tuple[tuple[str, str], ...]
    request: str  # str.format template with {source} and {words}

    def messages(self, source: str, words: int, note: str = "") -> list[Message]:
        """The chat messages for one request, with an optional note after it."""
        turns = [Message("system", self.system)]
        for question, answer in self.examples:
            turns += [Message("user", question), Message("assistant", answer)]
        turns.append(Message("user", self.request.format(source=source, words=words) + note))
        return turns


_RULES = (
    "Keep every name, title, number and date exactly as the source gives them. "
    "Keep who did what to whom. Add nothing the source does not say: no reactions, "
    "plans, places, people or opinions of your own. Keep quoted words inside quotation marks "
    "exactly as they are. Answer with the rewritten text only."
)

RETELL = Prompt(
    system="You are a news editor. You rewrite news sentences in your own words, in plain, "
    "neutral news style. " + _RULES,
    examples=(
        (
            "Rewrite in about 28 words.\n<source>The council voted 7 to 4 on Tuesday to keep "
            "the Westmere ferry running until 2028. Council leader Margaret Osei said the subsidy "
            "of £1.2million would be reviewed every year.</source>",
            "Councillors decided by 7 votes to 4 on Tuesday that the Westmere ferry stays until "
            "2028, with council leader Margaret Osei promising a yearly review of its £1.2million "
            "subsidy.",
        ),
        (
            "Rewrite in about 22 words.\n<source>'We cannot keep writing cheques for a boat that "
            "sails half empty,' said Councillor Peter Hale, who led the opposition to the "
            "subsidy.</source>",
            "Councillor Peter Hale, who led the opposition to the subsidy, said: 'We cannot keep "
            "writing cheques for a boat that sails half empty.'",
        ),
    ),
    request="Rewrite in about {words} words.\n<source>{source}</source>",
)

SUMMARY = Prompt(
    system="You are a news editor. You retell a news sentence in one shorter sentence of "
    "your own, in plain, neutral news style, keeping its main facts and who said them. " + _RULES,
    examples=(
        (
            "Retell in one sentence of about 22 words.\n<source>The council voted 7 to 4 on "
            "Tuesday to keep the Westmere ferry running until 2028, after a campaign by island "
            "residents who said the crossing was their only way to reach the hospital.</source>",
            "After island residents campaigned for their only route to the hospital, councillors "
            "voted 7 to 4 on Tuesday to keep the Westmere ferry until 2028.",
        ),
        (
            "Retell in one sentence of about 18 words.\n<source>'We cannot keep writing cheques "
            "for a boat that sails half empty,' said Councillor Peter Hale, who led the "
            "opposition to the subsidy and says he will raise it again next year.</source>",
            "Councillor Peter Hale, who led the opposition to the subsidy, says he will raise it "
            "again next year.",
        ),
    ),
    request="Retell in one sentence of about {words} words.\n<source>{source}</source>",
)

HEADLINE = Prompt(
    system="You write short, factual news headlines of at most 12 words. " + _RULES,
    examples=(
        (
            "Write a headline.\n<source>The council voted 7 to 4 on Tuesday to keep the "
            "Westmere ferry running until 2028.</source>",
            "Westmere council votes 7 to 4 to keep ferry until 2028",
        ),
    ),
    request="Write a headline.\n<source>{source}</source>",
)

#: Added to the request when the first answer failed a check, with the problems listed.
FIX_NOTE = "\nA first attempt had these problems, avoid them: {problems}."
#: Added to every request that retells an interviewee's answer (`retell.rewrite.interview`).
SPEAKER_NOTE = (
    "\nThese are {name}'s words, answering an interview. Retell them in the third person as "
    "{name}'s words: begin with '{name} says' and write {name} or a pronoun where they say I."
)
#: Added to the request when the first answer gave the source back word for word.
COPY_NOTE = "\nDo not copy the source's sentences: change the wording and the sentence order."

PROMPTS: dict[str, Prompt] = {
    "rewrite": RETELL,
    "summary": SUMMARY,
    "brief": RETELL,
    "headline": HEADLINE,
}
