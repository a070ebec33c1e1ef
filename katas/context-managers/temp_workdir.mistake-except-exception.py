"""A scratch directory that always cleans up.

scratch_dir(): create a new empty temporary directory, chdir into it and
bind its path (a str) to the `as` name. On exit, however the block ends,
chdir back to the previous working directory and delete the scratch
directory. Exceptions from the block reach the caller.
"""
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
    except Exception:
        os.chdir(old)
        shutil.rmtree(path)
        raise
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
    print("back where we started:", os.getcwd() == start)   # should be True
