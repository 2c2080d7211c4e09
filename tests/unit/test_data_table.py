"""Data tables on framework pages: one cell per column, numbers only in columns with a unit."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from generator.models.parts import DataTable

COLUMNS = [
    {"id": "name", "label": {"ja": "名前", "en": "Name"}},
    {"id": "wait", "label": {"ja": "待ち", "en": "Wait"}, "unit": "hours"},
]


def table(*rows: dict) -> dict:
    return {"id": "t", "title": {"ja": "表", "en": "Table"}, "columns": COLUMNS, "rows": list(rows)}


def test_a_complete_table_validates():
    row = {"id": "a", "cells": {"name": {"ja": "甲", "en": "A"}, "wait": 4}}
    model = DataTable.model_validate(table(row))
    assert model.rows[0].cells["wait"] == 4
    assert model.example is False


@pytest.mark.parametrize(
    ("cells", "message"),
    [
        ({"name": {"ja": "甲", "en": "A"}}, "missing ['wait']"),
        ({"name": {"ja": "甲", "en": "A"}, "wait": 4, "other": 1}, "extra ['other']"),
        ({"name": {"ja": "甲", "en": "A"}, "wait": {"ja": "4", "en": "4"}}, "'wait' holds numbers"),
        ({"name": 3, "wait": 4}, "'name' holds text"),
    ],
)
def test_cells_must_match_their_columns(cells, message):
    with pytest.raises(ValidationError) as caught:
        DataTable.model_validate(table({"id": "a", "cells": cells}))
    assert message in str(caught.value)
