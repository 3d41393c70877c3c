"""Resolve stage: one node per real-world thing across documents (see ``merge``)."""

from kg.resolve.merge import Entity, Resolution, Resolver, resolve

__all__ = ["Entity", "Resolution", "Resolver", "resolve"]
