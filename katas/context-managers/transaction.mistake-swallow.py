"""A wrong answer: it rolls back, but never re-raises."""
from contextlib import contextmanager


@contextmanager
def transaction(db):
    db.begin()
    try:
        yield db
        db.commit()
    except Exception:
        db.rollback()
