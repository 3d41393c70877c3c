"""The rule families of ``kg_patterns`` (``kg.nlp.components.patterns``), one module
each: the words they read, left boundaries, organisations, quoted names, editions and
sessions, event names by their phrasing, implemented programmes, memoranda, cross-border
lines, campaigns reaching back to their verb, and the checks that make a span a mention."""
