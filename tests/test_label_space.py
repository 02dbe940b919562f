"""The label placer's test for many labels at once agrees with its one-label test."""

from __future__ import annotations

import numpy as np
import pytest

from infoview_lib.map import labels
from infoview_lib.map.labels import _Space


@pytest.mark.parametrize("pairs_at_once", [100_000, 500])  # 500: checked in parts
def test_markers_checked_for_all_labels_at_once_match_one_by_one(monkeypatch, pairs_at_once):
    monkeypatch.setattr(labels, "PAIRS_AT_ONCE", pairs_at_once)
    rng = np.random.default_rng(7)
    centres = rng.uniform(-5, 5, (600, 2))
    radii = rng.uniform(0.02, 0.3, 600)
    space = _Space(centres, radii, (-6, 6, -6, 6))
    own = rng.choice(600, 150, replace=False)
    w, half = rng.uniform(0.5, 3, 150), rng.uniform(0.1, 0.2, 150)
    spots = centres[own][:, None, :] + rng.uniform(-1, 1, (150, 9, 2))
    boxes = np.concatenate([spots - np.stack([np.zeros(150), half], 1)[:, None],
                            spots + np.stack([w, half], 1)[:, None]], axis=2)
    boxes[::5, 7:] = np.nan  # labels with fewer spots pad with NaN
    reach = w + half + 1.5 + space.max_r
    # every tenth label is an organization's: its members' markers may touch it
    members = {row: set(space.others(space.near(centres[own[row]], 1.0), own[row]))
               for row in range(0, 150, 10)}
    allowed = np.unique([row * 600 + m for row, ms in members.items() for m in ms])
    together = space.clear_of_markers(centres[own], reach, boxes, own, allowed)
    for row, i in enumerate(own):
        others = [m for m in space.others(space.near(centres[i], reach[row]), i)
                  if m not in members.get(row, ())]
        for k in range(9):
            if np.isnan(boxes[row, k]).any():
                continue
            alone = space.first_free(boxes[row, k:k + 1], np.array(others, int)) == 0
            inside = space.first_free(boxes[row, k:k + 1], labels._NONE) == 0
            assert together[row, k] == alone or not inside, (row, k)
    assert 0 < together.sum() < together.size  # some spots free, some taken
    assert any(len(ms) for ms in members.values())
