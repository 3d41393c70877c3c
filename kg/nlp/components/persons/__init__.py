"""``kg_persons``: persons and their posts, one module per rule family.

- :mod:`.component`: the component (:class:`Persons`, factory ``kg_persons``);
- :mod:`.resources`: the lists, patterns and models the families share;
- :mod:`.common`: adding a Person, whether a span reads as a name;
- :mod:`.words`: word classes several families read;
- :mod:`.offices`: offices read as posts, not bodies (国家主席);
- :mod:`.posts`: a post, then a name (总经济师邵景川表示), and the post's body;
- :mod:`.foreign`: foreign and transliterated names (某国总统某某, 某某·某某说);
- :mod:`.bare_titles`: a transliterated name before a foreign leader's title (某某某总理);
- :mod:`.titles`: names before titles and strong cues (刘某某总理, 陈某表示);
- :mod:`.lists`: names in lists and committee lines;
- :mod:`.model_names`: names no cue introduces, scored by the name model;
- :mod:`.doctrines`: names that open a doctrine's name (某某某思想);
- :mod:`.lac`: the uncertain names LAC settles.
"""

from kg.nlp.components.persons.component import Persons, make_persons

__all__ = ["Persons", "make_persons"]
