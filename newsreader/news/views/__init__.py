"""Reader and editing views: function views, one small module per area.

`articles` (list and reader page), `entities` (entity page), `mentions`
(the htmx editing endpoints) and `highlight` (server-side marks from offsets);
`agenda` and `timeline` (htmx endpoints that edit the sidebar sections) and
`upcoming` (upcoming events across articles).
"""
