"""Prediction games: a question per saga in a chat, answered natively on each platform, scored when the
saga resolves (docs/adr/0008-prediction-games.md)."""
