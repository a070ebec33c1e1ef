"""A wrong answer: the commit sits in finally, so it also runs after a rollback."""
from contextlib import contextmanager


@contextmanager
def transaction(db):
    db.begin()
    try:
        yield db
    except Exception:
        db.rollback()
        raise
    finally:
        db.commit()
