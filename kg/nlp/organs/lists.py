"""Short forms local bureaus share (药监局, 林业局) as the central body they abbreviate,
where a list joins them to a State Council body (商务部、药监局, 水利部会同文物局) or
a line of posts names them (某部副部长、文物局局长).

>>> LIST_JOINS[:2]
('、', '会同')
"""

from __future__ import annotations

from kg.model import Mention
from kg.nlp.organs.shapes import CJK

JOIN_ADVERBS = frozenset("已也将并还")  # between a body and 会同
# what joins the bodies of a list (商务部、药监局, 水利部会同文物局)
LIST_JOINS = ("、", "会同", "和", "及", "与", "，")


class ListsMixin:
    """The list rules of :class:`~kg.nlp.organs.OrganFinder`."""

    def listed_bodies(self, found: dict, st, bodies: list[Mention]) -> None:
        """Short forms local bureaus share (药监局, 林业局, 环保总局) as the central body they
        abbreviate where a list joins them to a State Council body: （档案局、商务部负责）,
        水利部会同文物局, 粮食局会同农业农村部; chained along the list."""
        norm, n = st.norm, len(st.norm)
        todo = [b for b in bodies if b.type == "Ministry"]
        seen: set[tuple[int, int]] = set()
        # a line of posts: a central body's post, 、, a short form and its own post
        # (某部副部长、文物局局长): the short form is the central body too
        posts = [b for b in bodies if b.key.startswith("gov/") and b.key not in self.province_of]
        while posts:
            b = posts.pop()
            p = self.post_end(norm, b.end)
            if p is None or not norm.startswith("、", p):
                continue
            i = p + 1
            for k in self.listed_lengths:
                form = norm[i : i + k]
                if form in self.listed and self.post_end(norm, i + k) is not None:
                    posts += self._add_listed(found, st, i, i + k, seen)
                    break
        while todo:
            b = todo.pop()
            for sep in LIST_JOINS:
                # after the body: 商务部、药监局
                i = b.end + len(sep)
                if norm.startswith(sep, b.end):
                    for k in self.listed_lengths:
                        form = norm[i : i + k]
                        if form in self.listed and (i + k >= n or norm[i + k] != "长"):
                            todo += self._add_listed(found, st, i, i + k, seen)
                            break
                # before the body: 药监局、商务部
                j = b.start - len(sep)
                if j > 0 and norm.startswith(sep, j):
                    if sep == "会同" and j > 1 and norm[j - 1] in JOIN_ADVERBS:
                        j -= 1  # 林业局已会同水利部
                    for k in self.listed_lengths:
                        form = norm[max(0, j - k) : j]
                        if len(form) == k and form in self.listed and (
                            j - k == 0 or not CJK.match(norm[j - k - 1])
                            or norm[j - k - 1] in "和与及同由会"
                        ):
                            todo += self._add_listed(found, st, j - k, j, seen)
                            break

    def _add_listed(self, found: dict, st, s: int, e: int, seen: set) -> list[Mention]:
        if (s, e) in seen:
            return []
        seen.add((s, e))
        g = self.gaz.entries[self.listed[st.norm[s:e]]]
        m = Mention(s, e, st.text[s:e], g.type, g.id, g.name, "organ")
        found.setdefault((s, e), m)
        return [m]
