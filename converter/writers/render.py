"""The Jinja environment every writer renders through.

Autoescaping is on for every template, so all text that reaches XML is escaped; the
templates know XML syntax and nothing about XBRL semantics.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

import jinja2

from converter.resources import data_dir


@lru_cache(maxsize=1)
def environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(data_dir("templates"))),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=False,
        lstrip_blocks=False,
    )
    env.globals["render_type"] = env.get_template("standin/types.j2").module.render_type  # type: ignore[attr-defined]
    return env


def render(template: str, **context: Any) -> str:
    return environment().get_template(template).render(**context)
