"""Extraction stages: lexicons, numbers, entity mentions, relations and
observations, from segmented text to plain records (:mod:`graph.model`).
Knows nothing of RDF: nothing here imports rdflib, pyoxigraph or the CLI."""
