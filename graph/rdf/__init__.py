"""RDF stages: records to triples with provenance (mapping), SHACL validation,
graph files and exports, descriptions, the ontology's documentation page,
pushing to a remote store, and scoring a graph against gold annotations."""
