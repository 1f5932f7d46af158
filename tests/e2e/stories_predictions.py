"""The stories of a managerial saga at Chelsea, for the prediction game's end-to-end tests (written for
these tests; the analyser reads them as the comments say)."""

from __future__ import annotations

SACKED = ("c1", "Chelsea sack head coach Enzo Maresca",  # Maresca → Chelsea: sacked (done, official)
          "Chelsea have sacked head coach Enzo Maresca, the club said in a statement.")  # fmt: skip
ALONSO_TALKS = ("c2", "Chelsea open talks with Xabi Alonso",  # Alonso → Chelsea: talks (David Ornstein, tier 1)
                "Chelsea have opened talks with Xabi Alonso over their vacant head coach role, The Athletic's "
                "David Ornstein reports.")  # fmt: skip
FRANK_LINKED = ("c3", "Chelsea consider Thomas Frank for vacant job",  # Frank → Chelsea: linked (The Sun, tier 4)
                "Chelsea are considering Thomas Frank as a candidate to replace Enzo Maresca, The Sun "
                "reports.")  # fmt: skip
APPOINTED = ("c4", "Chelsea appoint Xabi Alonso as head coach",  # Alonso → Chelsea: appointed (done, official)
             "Chelsea have appointed Xabi Alonso as their new head coach on a five-year contract, the club "
             "announced.")  # fmt: skip
GAME_ENV = {"RUMOURBOT_PREDICTIONS__AUTO": "true", "RUMOURBOT_PREDICTIONS__HEAT_THRESHOLD": "2.0"}
