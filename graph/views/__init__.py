"""Views of the graph: networkx networks and their measures, interactive
HTML and static pictures, and notebook helpers."""
