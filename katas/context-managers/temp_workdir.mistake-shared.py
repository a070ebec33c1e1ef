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


class scratch_dir:
    previous = None
    path = None

    def __enter__(self):
        scratch_dir.previous = os.getcwd()
        scratch_dir.path = tempfile.mkdtemp(prefix="run-")
        os.chdir(self.path)
        return self.path

    def __exit__(self, *exc):
        os.chdir(self.previous)
        shutil.rmtree(self.path)
        return False


if __name__ == "__main__":
    start = os.getcwd()
    try:
        with scratch_dir() as path:
            open("checkpoint.pt", "w").close()
            raise RuntimeError("training crashed")
    except RuntimeError:
        pass
    print("back where we started:", os.getcwd() == start)   # should be True
