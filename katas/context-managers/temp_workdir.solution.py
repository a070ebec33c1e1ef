"""A scratch directory that always cleans up: reference solution."""
import os
import shutil
import tempfile
from contextlib import contextmanager


@contextmanager
def scratch_dir():
    old = os.getcwd()
    path = tempfile.mkdtemp(prefix="run-")
    os.chdir(path)
    try:
        yield path
    finally:
        os.chdir(old)
        shutil.rmtree(path)


if __name__ == "__main__":
    start = os.getcwd()
    try:
        with scratch_dir() as path:
            open("checkpoint.pt", "w").close()
            raise RuntimeError("training crashed")
    except RuntimeError:
        pass
    print("back where we started:", os.getcwd() == start)
    print("scratch removed:", not os.path.exists(path))
