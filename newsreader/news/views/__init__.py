"""Reader and editing views: function views, one small module per area.

`articles` (list and reader page), `entities` (entity page), `mentions`
(the htmx editing endpoints) and `highlight` (server-side marks from offsets).
"""
