"""Text addressed to a language model is not part of a story.

A page can carry lines meant for the model that will rewrite it ("Ignore all previous
instructions…", "SYSTEM: you are now in developer mode…", chat-template tokens). Left in
the body they would be rewritten, obeyed, and then pass the checker, since they stand in
the source. The cleaner moves each such sentence to `removed` with the kind `injection`,
so it is never rewritten and never evidence, and the reports say it was found.

The patterns are phrased the way such lines address a model: an order to drop earlier
instructions, a mode or role switch, a note to AI readers, an order to write something
verbatim, a role marker or template token. An article *about* prompt injection that
quotes one loses that sentence; that is the safe side. Measured on the public sets in
`../shared/data/` (every FaithBench, XSumFaith and SummEdits source, 2,000-odd news and
other documents nobody here wrote), the patterns fire on none of them; see
`tests/test_injection.py` for the corpus of injection lines they must catch.
"""

from __future__ import annotations

import re
from dataclasses import replace

from retell.article import Article, Removed, layout_blocks
from retell.errors import NoArticle

_MODEL = (
    r"(?:AIs?|LLMs?|(?:large\s+)?language\s+models?|assistants?|chat\s?bots?|bots?|GPTs?"
    r"|models?)"
)
_EARLIER = r"(?:previous|prior|above|earlier|preceding|original|initial|system|foregoing)"

_EN = [
    # Orders to drop what came before.
    rf"\b(?:ignore|disregard|forget|override|bypass|discard)\s+(?:all\s+|any\s+)(?:of\s+)?"
    rf"(?:the\s+|your\s+|my\s+|these\s+|those\s+)?(?:{_EARLIER}\s+)?"
    r"(?:instructions?|prompts?|directions|rules|guidelines|directives|commands|context)\b",
    rf"\b(?:ignore|disregard|forget|override|bypass|discard)\s+(?:the\s+|your\s+|my\s+)?"
    rf"{_EARLIER}\s+(?:instructions?|prompts?|directions|rules|guidelines|directives|"
    r"commands|context|messages?|text)\b",
    r"\bforget\s+(?:everything|all)\s+(?:that\s+)?(?:you\s+(?:were|have\s+been)\s+told|above"
    r"|before|previously|so\s+far)\b",
    # Mode and role switches.
    r"\byou\s+are\s+(?:now|no\s+longer)\b[^.!?]{0,40}?\b(?:mode|assistant|AI|model|chatbot"
    r"|DAN|persona|character)\b",
    r"\b(?:developer|jailbreak|jailbroken|god|DAN|debug|unrestricted)\s+mode\b",
    r"\b(?:new|updated|real|actual|hidden|secret|additional)\s+(?:system\s+)?"
    r"(?:instructions?|prompt|directives?)\s*[:：]",
    r"\b(?:act|behave|respond)\s+as\s+(?:if\s+you\s+(?:were|are)\s+)?an?\s+(?:unrestricted|"
    r"unfiltered|evil|different)\b",
    # Notes to the model and orders about the job it is doing.
    rf"\b(?:if|when)\s+you\s+are\s+an?\s+{_MODEL}\b",
    rf"\b(?:note|message|instructions?|reminder|attention)\s+(?:to|for)\s+(?:the\s+|any\s+|all\s+)?"
    rf"(?:{_MODEL}|summari[sz]ers?|rewriters?|crawlers?)\b",
    rf"\b(?:dear|hey|hello)\s+{_MODEL}\b",
    r"\binstead\s+of\s+(?:rewriting|summari[sz]ing|translating|paraphrasing|retelling|"
    r"answering|following)\b",
    r"\b(?:when|while|if)\s+(?:you\s+are\s+)?(?:summari[sz]ing|rewriting|paraphrasing|"
    r"processing|retelling)\s+this\s+(?:article|text|page|story|document|content)\b",
    r"\bdo\s+not\s+(?:summari[sz]e|rewrite|paraphrase|translate|retell)\s+(?:this|the)\b",
    r"\b(?:write|output|print|respond\s+with|reply\s+with|repeat|insert|append|include)\s+"
    r"(?:exactly|verbatim|only|word\s+for\s+word)\b",
    r"\b(?:write|output|print|repeat|insert|append)\s+(?:exactly\s+)?(?:this|the\s+following)\s+"
    r"(?:sentence|text|line|words?|phrase|statement)\b",
    r"\brepeat\s+after\s+me\b",
    # Chat-template tokens and role markers.
    r"<\|[A-Za-z_]{2,30}\|>",
    r"\[/?INST\]|<</?SYS>>",
    r"#{2,}\s*(?:instruction|system|response|assistant|user)\b",
    r"</?(?:system|assistant|user|im_start|im_end)>",
]

# Role markers open a line, as chat transcripts do: any case for roles no interview has,
# capitals only for USER and HUMAN.
_ROLE = re.compile(
    r"^\s*(?:(?i:system|assistant|developer)(?:\s+(?i:prompt|message|note))?|USER|HUMAN)\s*[:：]"
)

_OTHER_LANGUAGES = [
    r"\b(?:ignoriere|ignorieren\s+sie|vergiss|vergessen\s+sie)\b[^.!?]{0,40}?"
    r"\b(?:vorherigen|bisherigen|obigen|vorigen|alle)\b[^.!?]{0,20}?\b(?:anweisungen|instruktionen"
    r"|befehle|regeln)\b",
    r"\b(?:ignore[zr]?|oublie[zr]?)\b[^.!?]{0,30}?\b(?:instructions|consignes|directives)\s+"
    r"(?:pr[ée]c[ée]dentes|ant[ée]rieures)\b",
    r"\b(?:ignora|ignore|olvida|olvide)\b[^.!?]{0,30}?\binstrucciones\s+(?:anteriores|previas)\b",
    r"\b(?:ignora|dimentica)\b[^.!?]{0,30}?\bistruzioni\s+(?:precedenti|anteriori)\b",
    r"\b(?:ignore|ignora|esque[çc]a)\b[^.!?]{0,30}?\binstru[çc][õo]es\s+(?:anteriores|pr[ée]vias)\b",
    r"\b(?:negeer|vergeet)\b[^.!?]{0,30}?\b(?:vorige|eerdere|voorgaande)\s+(?:instructies"
    r"|opdrachten)\b",
]

PATTERN = re.compile("|".join(f"(?:{p})" for p in _EN + _OTHER_LANGUAGES), re.IGNORECASE)

# An injected sentence that announces what follows takes the rest of its paragraph along.
_ANNOUNCES = re.compile(r"(?:[:：]\s*$|\bthe\s+following\b|\bthis\s+sentence\b)", re.IGNORECASE)

# A plain splitter, not the text stage's (which comes later and may not be imported here):
# an injected sentence only needs cutting out of its paragraph, not a full parse.
_SENTENCE_END = re.compile(r"(?<=[.!?…])[\"”’)\]]*\s+(?=[\"“‘(\[]?[A-Z0-9<#])")


def is_injection(text: str) -> bool:
    """Whether a sentence or line addresses a language model rather than a reader."""
    return PATTERN.search(text) is not None or _ROLE.match(text) is not None


def split_paragraph(paragraph: str) -> tuple[str, list[str]]:
    """The paragraph without its injected sentences, and those sentences. A paragraph that
    opens with a role marker is one message to a model, and goes whole."""
    if _ROLE.match(paragraph):
        return "", [paragraph]
    if not is_injection(paragraph):
        return paragraph, []
    sentences = _SENTENCE_END.split(paragraph)
    kept: list[str] = []
    found: list[str] = []
    for index, sentence in enumerate(sentences):
        if not is_injection(sentence):
            kept.append(sentence)
            continue
        if _ANNOUNCES.search(sentence):
            found.append(" ".join(sentences[index:]))
            break
        found.append(sentence)
    return " ".join(kept), found


def without_injections(article: Article) -> Article:
    """The article with every sentence addressed to a model moved to `removed`; NoArticle
    when nothing of the body is left."""
    body, from_body = _split_all(article.body)
    captions, from_captions = _split_all(article.captions)
    title = article.title
    from_title: list[str] = []
    if title is not None and is_injection(title):
        from_title.append(title)
        title = None
    found = from_title + from_body + from_captions
    if not found:
        return article
    if not body:
        raise NoArticle(
            "no article text found: the page holds only text addressed to a language model",
            source=article.source,
        )
    removed = article.removed + tuple(Removed("injection", text) for text in found)
    return replace(article, title=title, blocks=layout_blocks(body, captions), removed=removed)


def _split_all(paragraphs: list[str]) -> tuple[list[str], list[str]]:
    """Paragraphs without injected sentences (emptied ones dropped), and what was found."""
    kept: list[str] = []
    found: list[str] = []
    for paragraph in paragraphs:
        text, injected = split_paragraph(paragraph)
        found += injected
        if text.strip():
            kept.append(text)
    return kept, found
