"""Prediction games: a question per saga in a chat, answered natively on each platform, scored when the
saga resolves (docs/adr/0007-prediction-games.md)."""
