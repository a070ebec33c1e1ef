"""Takes the largest cumtime of all, not only among the stages."""

import cProfile
import pstats


def slowest_stage(func, stages, *args, **kwargs):
    """Profile one call; return the stage in `stages` with the largest cumtime."""
    profiler = cProfile.Profile()
    profiler.runcall(func, *args, **kwargs)
    rows = pstats.Stats(profiler).get_stats_profile().func_profiles
    if not any(name in rows for name in stages):
        return None
    return max(rows, key=lambda name: rows[name].cumtime)
