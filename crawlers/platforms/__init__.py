"""CMS families: one base spider each, holding the markup a family shares.

A source subclasses its platform's base and declares only data (see crawlers/platforms/base.py).
"""
