import cProfile
import pstats


def hottest(func, *args, **kwargs):
    profiler = cProfile.Profile()
    profiler.runcall(func, *args, **kwargs)
    rows = pstats.Stats(profiler).get_stats_profile().func_profiles
    return max(rows, key=lambda name: rows[name].percall_tottime)
