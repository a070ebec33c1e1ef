import cProfile
import pstats


def slowest_stage(func, stages, *args, **kwargs):
    profiler = cProfile.Profile()
    profiler.runcall(func, *args, **kwargs)
    rows = pstats.Stats(profiler).get_stats_profile().func_profiles
    ran = [name for name in stages if name in rows]
    if not ran:
        return None
    return max(ran, key=lambda name: rows[name].percall_cumtime)
