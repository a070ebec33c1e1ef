"""One profiler for the whole module: every call of hottest() adds to it."""

import cProfile
import pstats

_profiler = cProfile.Profile()


def hottest(func, *args, **kwargs):
    _profiler.runcall(func, *args, **kwargs)
    rows = pstats.Stats(_profiler).get_stats_profile().func_profiles
    return max(rows, key=lambda name: rows[name].tottime)
