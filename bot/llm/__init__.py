"""The optional language-model analyser (``[llm]``) and the analysis port it plugs into.

Nothing here imports the model client at import time: ``bot.llm.client`` (and with it the
``openai`` package) is loaded only when ``[llm] base_url`` is set.
"""
