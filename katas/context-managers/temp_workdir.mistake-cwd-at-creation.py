"""Mistake: the previous working directory is read in __init__, not on entry."""
import os, shutil, tempfile
class scratch_dir:
    def __init__(self):
        self.old = os.getcwd()
    def __enter__(self):
        self.path = tempfile.mkdtemp()
        os.chdir(self.path)
        return self.path
    def __exit__(self, *exc):
        os.chdir(self.old)
        shutil.rmtree(self.path)
        return False
