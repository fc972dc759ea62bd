"""Automatic replies for the Server tab: echo, time stamps, fixed text, rules, static HTTP.

- :mod:`.responder`: the actions, the Responder and ResponderSession protocols, the options
  every responder shares;
- :mod:`.simple`: the tutorial servers' replies (echo, upper case, time stamp, byte count,
  fixed);
- :mod:`.rules`: replies by match rules and templates;
- :mod:`.http_site`: a folder served over HTTP (:mod:`.http_connection`,
  :mod:`.http_reader` (h11), :mod:`.http_request`, :mod:`.http_files`);
- :mod:`.factory`: a responder from the settings a form collected.
"""
