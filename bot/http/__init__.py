"""The operator endpoint: ``/healthz``, ``/metrics`` (Prometheus) and ``/``, a read-only status page.

Off unless ``[http] listen`` is set; ``bot/app.py`` starts it beside the poller and the dispatcher.
docs/OPERATIONS.md lists what each route reports.
"""
