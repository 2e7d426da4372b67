"""The pipeline works each event out once: its occurrences are expanded and
its image resolved a single time, and the pages and the feeds publish
exactly those."""

from __future__ import annotations

import datetime as dt
import json
import shutil

from generator.load.config import SiteConfig
from generator.model import repeats
from generator.pipeline.prepare import prepare
from generator.site import media

from conftest import SITE_CONTENT, SITE_NOW

NOW = dt.datetime.fromisoformat(SITE_NOW)


def test_occurrences_and_images_are_worked_out_once_for_pages_and_feeds(tmp_path, monkeypatch):
    content_dir = tmp_path / "content"  # outside any git repository: no history to replay
    shutil.copytree(SITE_CONTENT, content_dir)
    made, pictured = [], []
    original_occurrence, original_picture = repeats._occurrence, media._picture

    def counted(*args):
        if args[0].id != "probe":  # the validator checks a series' dates on its own probe
            made.append(args)
        return original_occurrence(*args)

    monkeypatch.setattr(repeats, "_occurrence", counted)
    monkeypatch.setattr(media, "_picture", lambda source: pictured.append(source) or original_picture(source))

    prepared = prepare(SiteConfig(content_dir=content_dir, site_url="https://sukien.example.vn/"), NOW)

    assert prepared.ok
    published = json.loads(prepared.feeds["api/events.json"])["events"]
    keys = [occ["key"] for event in published for occ in event["occurrences"]]
    assert len(made) == len(keys) > len(published)  # series included, none expanded twice
    local = [event for event in prepared.content.events if event.image and not event.image.is_url]
    assert local and len(pictured) == len(local)
    searchable = {record[0] for path, data in prepared.site.search().items()
                  if path.startswith("search/vi-") for record in json.loads(data)}
    assert searchable == {f"su-kien/{event['id']}/" for event in published}
