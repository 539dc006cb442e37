"""Asking the graph: stores (Oxigraph, rdflib), the named query library
(``queries/*.rq``) and the SPARQL HTTP endpoint."""
