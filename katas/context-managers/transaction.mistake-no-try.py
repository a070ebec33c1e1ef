"""A wrong answer: the rollback is written after the yield, with no try around it."""
from contextlib import contextmanager


@contextmanager
def transaction(db):
    db.begin()
    failed = False
    yield db
    if failed:
        db.rollback()
    else:
        db.commit()
