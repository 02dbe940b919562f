"""The label placer's test for many labels at once agrees with its one-label test."""

from __future__ import annotations

import numpy as np

from infoview_lib.map.labels import _Space


def test_markers_checked_for_all_labels_at_once_match_one_by_one():
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
    together = space.clear_of_markers(centres[own], reach, boxes, own)
    for row, i in enumerate(own):
        others = space.others(space.near(centres[i], reach[row]), {i})
        for k in range(9):
            if np.isnan(boxes[row, k]).any():
                continue
            c, r = centres[others], radii[others]
            x0, y0, x1, y1 = boxes[row, k]
            dx = np.maximum(np.maximum(x0 - c[:, 0], c[:, 0] - x1), 0)
            dy = np.maximum(np.maximum(y0 - c[:, 1], c[:, 1] - y1), 0)
            assert together[row, k] == (not (np.hypot(dx, dy) < r).any()), (row, k)
    assert 0 < together.sum() < together.size  # some spots free, some taken
