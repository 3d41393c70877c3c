"""The compiled part of :mod:`kg.nlp.routes` (numba; imported only when used).

``cut`` writes ``cps``'s word lengths to ``out`` and returns ``(k, r)``: ``k`` lengths
written, of which ``r`` are negative: runs of one-character words for the HMM (``-len``,
their starts in ``runs``). See :class:`kg.nlp.routes.Trie` for the dictionary arrays.
"""

import numba
import numpy as np


@numba.njit(cache=True, nogil=True, inline="always")
def is_block(c):
    if 0x4E00 <= c <= 0x9FD5 or 0x30 <= c <= 0x39 or 0x61 <= c <= 0x7A or 0x41 <= c <= 0x5A:
        return True
    # jieba_next's re_han_default besides U+4E00–U+9FD5, letters and digits: +#&._%
    return c == 0x2B or c == 0x23 or c == 0x26 or c == 0x2E or c == 0x5F or c == 0x25


@numba.njit(cache=True, nogil=True, inline="always")
def child(offsets, chars, children, node, c):
    lo = offsets[node]
    hi = offsets[node + 1]
    while lo < hi:
        mid = (lo + hi) >> 1
        m = chars[mid]
        if m < c:
            lo = mid + 1
        elif m > c:
            hi = mid
        else:
            return children[mid]
    return 0


@numba.njit(cache=True, nogil=True, inline="always")
def top(first, offsets, chars, children, c):
    if c < first.shape[0]:
        return first[c]
    return child(offsets, chars, children, 0, c)


@numba.njit(cache=True, nogil=True)
def cut(cps, first, offsets, chars, children, weight, word, max_ends, fallback, out, runs):
    n = cps.shape[0]
    score = np.empty(n + 1, dtype=np.float64)
    route = np.empty(n, dtype=np.int64)
    k = 0
    r = 0
    i = 0
    while i < n:
        c = cps[i]
        if not is_block(c):
            # every other character is a word, but "\r\n" (jieba's re_skip)
            if c == 13 and i + 1 < n and cps[i + 1] == 10:
                out[k] = 2
                i += 2
            else:
                out[k] = 1
                i += 1
            k += 1
            continue
        e = i + 1
        while e < n and is_block(cps[e]):
            e += 1
        if e - i == 1:
            out[k] = 1
            k += 1
            i = e
            continue
        # the route, from the right (jieba's calc over get_DAG)
        score[e] = 0.0
        for s in range(e - 1, i - 1, -1):
            best = 0.0
            bx = -1
            ends = 0
            node = top(first, offsets, chars, children, cps[s])
            x = s
            while node != 0:
                w = weight[node]
                if w == w:
                    v = w + score[x + 1]
                    if bx < 0 or v >= best:  # ties: the later end
                        best = v
                        bx = x
                    ends += 1
                    if ends >= max_ends:  # jieba_next's scan_from keeps 12
                        break
                x += 1
                if x >= e:
                    break
                node = child(offsets, chars, children, node, cps[x])
            if bx < 0:
                best = fallback + score[s + 1]
                bx = s
            score[s] = best
            route[s] = bx
        # __cut_DAG: words of the route; runs of one-character words to the HMM
        # unless the run is a word itself
        x = i
        b = i
        while x <= e:
            if x < e:
                y = route[x] + 1
                if y - x == 1:
                    x = y
                    continue
            else:
                y = e + 1
            if b < x:
                if x - b == 1:
                    out[k] = 1
                    k += 1
                else:
                    node = top(first, offsets, chars, children, cps[b])
                    j = b + 1
                    while node != 0 and j < x:
                        node = child(offsets, chars, children, node, cps[j])
                        j += 1
                    if node != 0 and word[node]:
                        for _ in range(x - b):
                            out[k] = 1
                            k += 1
                    else:
                        out[k] = b - x  # negative: an HMM run of x - b
                        runs[r] = b
                        r += 1
                        k += 1
            if x < e:
                out[k] = y - x
                k += 1
            b = y
            x = y
        i = e
    return k, r
