"""The spool that holds generated pages between MkDocs' reading and writing."""

from __future__ import annotations

import pytest

from generator.pipeline.spool import Spool


def test_each_text_comes_back_once_in_any_order():
    spool = Spool()
    texts = {f"su-kien/{n}/index.md": f"<p>Lễ hội số {n}</p>" * n for n in range(1, 50)}
    for key, text in texts.items():
        spool.put(key, text)
    for key in reversed(list(texts)):
        assert key in spool
        assert spool.take(key) == texts[key]
        assert key not in spool
    with pytest.raises(KeyError):
        spool.take("su-kien/1/index.md")
    spool.close()
