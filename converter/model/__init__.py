"""The neutral model passed between pipeline stages.

``document``: what readers produce (tables, text); ``statements``: what extraction
produces (values free of any taxonomy); ``mapping``: the mapper's choices;
``xbrl``: the tagged model the writers render.
"""
