"""State organs no gazetteer lists: local, foreign and sub-units of known bodies.

The guideline's GovernmentBody covers every state or party organ, central or local. The
gazetteer holds the central bodies, provinces and large cities; the rest follow a few
regular shapes, recognised here from the lexicons under ``ontology/lexicon``:

* **local**: a place + an organ (``gov_local_organs.tsv``, or a functional domain of
  ``gov_domains.txt`` + a head of ``gov_heads.txt``): 平萧县政府, 北京市海淀区人民法院,
  南昌市自然资源局, 江西省公安厅, 上海证监局, 杭州中院. The place is a gazetteer
  Location or an administrative name (2–6 characters + 省/市/县/区/州/旗/盟/镇/乡) that
  is not a generic word (``place_stop.txt``: 直辖市, 设区的市, 县级…); places chain
  (湖南省 + 和平县 + 公安局). Bare forms (市政府, 县委, 教育局) name no specific body and
  are left out.
* **foreign** (and China's bodies no gazetteer entry names): a country + an organ of
  ``gov_foreign_organs.tsv`` (美国国防部, 日本政府, 印度空军, 中国政府), or a
  one-character abbreviation (``country_abbr.tsv``) at a word start + an organ marked
  ``abbr`` (美军, 俄海军, 澳央行, 美国防部); embassies 芬兰驻华大使馆, 巴西驻智利大使馆.
  National armed forces count as state organs (美军, 巴西海军), as in CLUENER and ACE.
* **sub-units**: a known or found body + 1–10 characters + a unit head (司, 局, 中心,
  办公室, 支队…): 自然资源部国土测绘司, 中国人民银行赣州市中心支行,
  江西省公安厅治安总队. The middle holds no function word (boundary_words.txt).

* **named by shape** (no gazetteer entry): committees a congress or CPPCC sets up in a
  list, keyed under the parent in the sentence (全国人民代表大会设立民族委员会、外事委员会…);
  the CPPCC and its standing committee by their term names (全国政协二十届常委会); a
  foreign organ after 、 in a list of posts, of the clause's country (某国众议院议长甲、
  参议院议长乙); 国家 + domain + 委员会 (国家禁毒委员会); leading groups and joint
  meetings of the centre (中央城乡融合发展领导小组) and a commission's or group's
  办公室/秘书处; a protected area's management body (云雾山国家公园管理局).

Names are canonical so that forms of one body share a key: 平萧县政府 → 平萧县人民政府,
美国防部/美国国防部 → 美国国防部, 美军/美国军队 → 美国军队. A name the gazetteer knows
(北京市政府) takes the gazetteer's key.

>>> from kg.spans import entity_spans
>>> spans = next(entity_spans(["巴西国防部9日说，平萧县政府和美军"]))
>>> [(s["text"], s["type"]) for s in spans if s["type"] == "GovernmentBody"]
[('巴西国防部', 'GovernmentBody'), ('平萧县政府', 'GovernmentBody'), ('美军', 'GovernmentBody')]
>>> spans = next(entity_spans(["全国人民代表大会设立民族委员会、外事委员会和其他专门委员会。"]))
>>> [s["text"] for s in spans if s["type"] == "GovernmentBody"]
['全国人民代表大会', '民族委员会', '外事委员会']
"""

from kg.nlp.organs.finder import OrganFinder
from kg.nlp.organs.nominal import NominalFinder
from kg.nlp.organs.shapes import ADMIN1, GOV_TYPES

__all__ = ["ADMIN1", "GOV_TYPES", "NominalFinder", "OrganFinder"]
