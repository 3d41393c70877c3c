"""The heads of a railway's or a road's name (某某铁路, 甲至乙高铁, 某某高速公路), longest
first: one list for the lines named by their ends and the bridges on a line.

>>> "京沪高铁".endswith(LINE_HEADS)
True
"""

LINE_HEADS = ("高速铁路", "城际铁路", "高速公路", "高铁", "铁路", "高速", "公路")
