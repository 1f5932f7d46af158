"""[llm] settings: a bad value names its key; the key is masked; the model client loads only when on."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from bot.config import ConfigError, masked_dump
from bot.llm.schema import AnswerError, parse_answer
from tests.llm.support import API_KEY, ROOT, llm_config


def test_base_url_without_a_model_is_refused_naming_the_model_key() -> None:
    with pytest.raises(ConfigError, match=r"\[llm\] model .*RUMOURBOT_LLM__MODEL.*must name the model"):
        llm_config(None, RUMOURBOT_LLM__BASE_URL="http://127.0.0.1:11434/v1", RUMOURBOT_LLM__MODEL="")


@pytest.mark.parametrize(
    ("key", "value", "shown"),
    [
        ("BASE_URL", "127.0.0.1:11434", r"\[llm\] base_url .*http:// or https://"),
        ("TIMEOUT_SECONDS", "0", r"\[llm\] timeout_seconds"),
        ("DAILY_BUDGET", "-1", r"\[llm\] daily_budget"),
        ("MAX_INPUT_CHARS", "10", r"\[llm\] max_input_chars"),
        ("TEMPERATURE", "0.2", r"\[llm\] temperature .*unknown key"),
    ],
)
def test_a_bad_llm_value_is_refused_naming_the_key(key: str, value: str, shown: str) -> None:
    with pytest.raises(ConfigError, match=shown):
        llm_config(None, **{f"RUMOURBOT_LLM__{key}": value})


def test_the_api_key_comes_from_the_environment_and_is_masked() -> None:
    config = llm_config(None)
    assert config.secrets.llm_api_key is not None
    assert config.secrets.llm_api_key.get_secret_value() == API_KEY
    dump = masked_dump(config)
    assert dump["secrets"]["RUMOURBOT_LLM_API_KEY"] == "***"
    assert API_KEY not in json.dumps(dump)
    assert dump["llm"]["base_url"] == ""  # off by default


def test_the_model_client_is_not_imported_unless_llm_is_on() -> None:
    code = (
        "import sys, asyncio, bot.cli, bot.app\n"
        "from bot.config import load_config\n"
        "from bot.llm.factory import open_analysis\n"
        "from bot.llm.port import BuiltinAnalysis\n"
        "async def main():\n"
        "    config = load_config('config/rumourbot.toml', env={})\n"
        "    async with open_analysis(config, None, None, None) as port:\n"
        "        assert isinstance(port, BuiltinAnalysis)\n"
        "asyncio.run(main())\n"
        "print('openai' in sys.modules, 'bot.llm.client' in sys.modules)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "False"]


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        ("", "empty answer"),
        ("Sure, here you go", "answer is not JSON"),
        ("[1, 2]", "answer is JSON but not an object (a list)"),
        ('{"summary": "x"}', "is_manager_rumour: Field required"),
        (
            '{"is_manager_rumour": true, "summary": "x", "rumours": [{"manager": "A", "club": "B", "relation": "x"}]}',
            "rumours.0.relation",
        ),
    ],
)
def test_answers_of_the_wrong_shape_are_refused_naming_the_problem(content: str, problem: str) -> None:
    with pytest.raises(AnswerError, match=problem.replace("(", r"\(").replace(")", r"\)")):
        parse_answer(content)


def test_a_fenced_answer_is_read_and_a_long_summary_is_cut_to_300_characters() -> None:
    answer = parse_answer('```json\n{"is_manager_rumour": true, "summary": "' + "word " * 100 + '"}\n```')
    assert answer.is_manager_rumour is True
    assert len(answer.summary) == 300
    assert answer.summary.endswith("…")
