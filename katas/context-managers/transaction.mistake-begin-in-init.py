"""Mistake: db.begin() is called in __init__, when transaction(db) is called, not on entry."""
class transaction:
    def __init__(self, db):
        self.db = db
        db.begin()
    def __enter__(self):
        return self.db
    def __exit__(self, exc_type, exc, tb):
        if exc_type is None:
            self.db.commit()
        else:
            self.db.rollback()
        return False
