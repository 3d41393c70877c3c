"""Export stage: RDF (Turtle, TriG, N-Triples, N-Quads, JSON-LD), GraphML, CSV and the HTML view."""
