"""Item pipelines, one concern per module, in the order settings.ITEM_PIPELINES runs them:
clean (200) -> normalize (300) -> validate (400) -> store (500)."""
