"""Looks every stage up, including one that never ran."""

import cProfile
import pstats


def slowest_stage(func, stages, *args, **kwargs):
    """Profile one call; return the stage in `stages` with the largest cumtime."""
    profiler = cProfile.Profile()
    profiler.runcall(func, *args, **kwargs)
    rows = pstats.Stats(profiler).get_stats_profile().func_profiles
    return max(stages, key=lambda name: rows[name].cumtime)
