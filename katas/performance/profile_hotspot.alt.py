"""Read the profile as data: get_stats_profile() (3.9+) maps names to rows."""

import cProfile
import pstats


def hottest(func, *args, **kwargs):
    with cProfile.Profile() as profiler:
        func(*args, **kwargs)
    rows = pstats.Stats(profiler).get_stats_profile().func_profiles
    return max(rows, key=lambda name: rows[name].tottime)
