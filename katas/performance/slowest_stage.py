"""Which stage of the report is expensive?

slowest_stage(func, stages, *args, **kwargs) profiles one call of
func(*args, **kwargs) and names the stage (one of the function names in
`stages`) whose call took longest, callees included: pstats calls that
"cumtime". This version compares the wrong column.
"""

import cProfile
import pstats


def slowest_stage(func, stages, *args, **kwargs):
    """Profile one call; return the stage in `stages` with the largest cumtime."""
    profiler = cProfile.Profile()
    profiler.runcall(func, *args, **kwargs)
    rows = pstats.Stats(profiler).get_stats_profile().func_profiles
    return max(stages, key=lambda name: rows[name].tottime)


if __name__ == "__main__":
    def normalize(word):
        return word.strip(".,").lower()

    def index_words(lines):
        return {normalize(w) for line in lines for w in line.split()}

    def load(lines):
        total = 0
        for line in lines:
            for ch in line:
                total += ord(ch) % 3
        return total

    def report(lines):
        load(lines)
        return len(index_words(lines))

    print(slowest_stage(report, ["load", "index_words"], ["Loss fell. Accuracy rose."] * 2000))
