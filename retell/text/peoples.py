"""A people's word and its place: "Belgian clubs" retells "clubs in Belgium".

Written here because no package on PyPI carries demonyms with their countries offline
(pycountry, countries-dictionary and country-list name countries only). The list holds
the countries, regions and a few states and cities news in English names most; a word
missing from it is read as before, as a name the source must use.
"""

from __future__ import annotations

from functools import cache

#: Each line: a people's words, then after a colon the places they belong to, places of
#: more than one word written with an underscore.
_TABLE = """
american americans: america united_states us usa
british briton britons: britain uk united_kingdom
english: england
scottish scot scots: scotland
welsh: wales
irish: ireland
french: france
german germans: germany
dutch: netherlands holland
belgian belgians: belgium
spanish spaniard spaniards: spain
portuguese: portugal
italian italians: italy
greek greeks: greece
turkish turk turks: turkey türkiye
russian russians: russia
ukrainian ukrainians: ukraine
polish pole poles: poland
swedish swede swedes: sweden
norwegian norwegians: norway
danish dane danes: denmark
finnish finn finns: finland
icelandic: iceland
swiss: switzerland
austrian austrians: austria
hungarian hungarians: hungary
czech czechs: czechia czech_republic
slovak: slovakia
romanian romanians: romania
bulgarian: bulgaria
serbian serb serbs: serbia
croatian croat croats: croatia
bosnian: bosnia
albanian: albania
estonian: estonia
latvian: latvia
lithuanian: lithuania
belarusian: belarus
georgian: georgia
armenian: armenia
european europeans: europe
scandinavian: scandinavia
chinese: china
japanese: japan
korean koreans: korea
taiwanese: taiwan
mongolian: mongolia
indian indians: india
pakistani pakistanis: pakistan
bangladeshi: bangladesh
nepali nepalese: nepal
afghan afghans: afghanistan
iranian iranians: iran
iraqi iraqis: iraq
syrian syrians: syria
israeli israelis: israel
palestinian palestinians: palestine gaza
lebanese: lebanon
jordanian: jordan
saudi saudis: saudi_arabia
qatari: qatar
emirati: emirates uae
yemeni: yemen
kuwaiti: kuwait
egyptian egyptians: egypt
libyan: libya
tunisian: tunisia
algerian: algeria
moroccan: morocco
sudanese: sudan
somali: somalia
ethiopian: ethiopia
kenyan: kenya
ugandan: uganda
rwandan: rwanda
nigerian nigerians: nigeria
ghanaian: ghana
senegalese: senegal
congolese: congo
zimbabwean: zimbabwe
african africans: africa
asian asians: asia
filipino filipinos: philippines
vietnamese: vietnam
thai: thailand
indonesian: indonesia
malaysian: malaysia
singaporean: singapore
australian australians: australia
canadian canadians: canada
mexican mexicans: mexico
cuban cubans: cuba
jamaican jamaicans: jamaica
haitian haitians: haiti
bahamian bahamians: bahamas
barbadian bajan: barbados
trinidadian: trinidad
guyanese: guyana
belizean: belize
venezuelan venezuelans: venezuela
colombian colombians: colombia
brazilian brazilians: brazil
argentine argentinian: argentina
chilean: chile
peruvian: peru
texan texans: texas
californian californians: california
floridian: florida
londoner londoners: london
parisian: paris
catalan: catalonia
"""


@cache
def _groups() -> dict[str, frozenset[str]]:
    """Each people's word and each place, with every word of its line."""
    groups: dict[str, frozenset[str]] = {}
    for line in filter(None, _TABLE.splitlines()):
        people, places = line.split(":")
        words = frozenset(people.split()) | frozenset(places.split())
        for word in words:
            groups[word] = groups.get(word, frozenset()) | words
    return groups


def same_place(word: str) -> frozenset[str]:
    """The other words for a people's word or a place ("belgium" and "belgians" for
    "belgian"), lower-cased, a place of several words joined by an underscore; empty for a
    word the table does not hold."""
    return _groups().get(word.lower(), frozenset()) - {word.lower()}


def place_known(word: str, known: set[str]) -> bool:
    """True when the source's words (lower-cased) name the place or people `word` names
    another way: every word of one of its other forms is among them."""
    return any(all(part in known for part in other.split("_")) for other in same_place(word))
